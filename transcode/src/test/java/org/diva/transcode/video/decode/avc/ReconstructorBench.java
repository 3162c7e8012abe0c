package org.diva.transcode.video.decode.avc;

import java.util.Random;

/**
 * Throughput of {@link Reconstructor} alone on a 1920x1088 picture: a quarter each of Intra_4x4, Intra_8x8 and
 * Intra_16x16 macroblocks and inter residuals (4x4 and 8x8 transform), every one with sparse random levels at QP 30.
 * Prints macroblocks per second of CPU time of the measuring thread, and the same for a plain copy of the levels into
 * the macroblock (the part of the loop that is the parser's in a real decoder) as the anchor. Not a test.
 *
 * <p>Usage: {@code ReconstructorBench [pictures]}
 */
public final class ReconstructorBench {
    private static final int KINDS = 8;

    private ReconstructorBench() {
    }

    public static void main(String[] args) {
        int pictures = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int w = 120;
        int h = 68;
        SliceContext ctx = ReconTestSupport.context(w, h, w * h - 1, ReconTestSupport.flatPps());
        Random rnd = new Random(7);
        for (int i = 0; i < ctx.picture.y.length; i++) {
            ctx.picture.y[i] = (byte) (64 + rnd.nextInt(128));
        }
        int[][] luma = new int[KINDS][256];
        int[][] lumaDc = new int[KINDS][16];
        int[][] chroma = new int[KINDS][128];
        int[][] chromaDc = new int[KINDS][8];
        for (int k = 0; k < KINDS; k++) {
            for (int i = 0; i < 256; i++) {
                luma[k][i] = rnd.nextInt(6) == 0 ? rnd.nextInt(9) - 4 : 0;
            }
            for (int i = 0; i < 16; i++) {
                lumaDc[k][i] = rnd.nextInt(3) - 1;
            }
            for (int i = 0; i < 128; i++) {
                chroma[k][i] = (i & 15) != 0 && rnd.nextInt(8) == 0 ? rnd.nextInt(5) - 2 : 0;
            }
            for (int i = 0; i < 8; i++) {
                chromaDc[k][i] = rnd.nextInt(5) - 2;
            }
        }
        Macroblock mb = new Macroblock();
        Reconstructor recon = new Reconstructor(ctx);
        run(ctx, recon, mb, luma, lumaDc, chroma, chromaDc, 10, true);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        run(ctx, recon, mb, luma, lumaDc, chroma, chromaDc, pictures, false);
        long t1 = threads.getCurrentThreadCpuTime();
        run(ctx, recon, mb, luma, lumaDc, chroma, chromaDc, pictures, true);
        long t2 = threads.getCurrentThreadCpuTime();
        double mbs = (double) pictures * w * h;
        double copyOnly = mbs / ((t1 - t0) / 1e9);
        double withRecon = mbs / ((t2 - t1) / 1e9);
        System.out.printf("reconstructor_mb_per_s=%.0f copy_only_mb_per_s=%.0f 1080p_fps=%.1f%n", withRecon, copyOnly,
                withRecon / (w * h));
    }

    private static void run(SliceContext ctx, Reconstructor recon, Macroblock mb, int[][] luma, int[][] lumaDc,
                            int[][] chroma, int[][] chromaDc, int pictures, boolean reconstruct) {
        int w = ctx.widthMbs;
        int mbs = w * ctx.picture.heightMbs;
        for (int p = 0; p < pictures; p++) {
            for (int addr = 0; addr < mbs; addr++) {
                int k = addr % KINDS;
                mb.reset(addr, w);
                mb.qp = 30;
                System.arraycopy(luma[k], 0, mb.luma, 0, 256);
                System.arraycopy(chroma[k], 0, mb.chroma, 0, 128);
                System.arraycopy(chromaDc[k], 0, mb.chromaDc, 0, 8);
                mb.lumaCoded = 0xFFFF;
                mb.chromaCoded = 0xFF;
                switch (k & 3) {
                    case 0 -> {
                        mb.kind = MbKind.INTRA | MbKind.I4X4;
                        for (int b = 0; b < 16; b++) {
                            mb.intraModes[b] = (b + k) % 9;
                        }
                    }
                    case 1 -> {
                        mb.kind = MbKind.INTRA | MbKind.I8X8 | MbKind.T8X8;
                        for (int b = 0; b < 16; b++) {
                            mb.intraModes[b] = ((b & 10) + k) % 9;
                        }
                    }
                    case 2 -> {
                        mb.kind = MbKind.INTRA | MbKind.I16X16;
                        mb.intra16x16Mode = 2 + (k >> 2);
                        System.arraycopy(lumaDc[k], 0, mb.lumaDc, 0, 16);
                        for (int b = 0; b < 16; b++) {
                            mb.luma[16 * b] = 0;
                        }
                    }
                    default -> mb.kind = k == 3 ? 0 : MbKind.T8X8;
                }
                mb.chromaMode = k & 3;
                mb.cbp = 0x2F;
                ctx.picture.kind[addr] = mb.kind;
                if (!reconstruct) {
                    java.util.Arrays.fill(mb.luma, 0);
                    java.util.Arrays.fill(mb.lumaDc, 0);
                    java.util.Arrays.fill(mb.chroma, 0);
                    java.util.Arrays.fill(mb.chromaDc, 0);
                } else if (MbKind.intra(mb.kind)) {
                    recon.intra(mb);
                } else {
                    recon.residual(mb);
                }
            }
        }
    }
}
