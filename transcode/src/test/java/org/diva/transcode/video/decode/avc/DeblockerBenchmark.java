package org.diva.transcode.video.decode.avc;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.diva.transcode.codec.H264ChromaQp;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.decode.DeblockerInput;
import org.jcodec.codecs.h264.decode.deblock.DeblockingFilter;
import org.jcodec.codecs.h264.io.model.Frame;
import org.jcodec.codecs.h264.io.model.MBType;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * Pictures per second of {@link Deblocker} on one 1920x1088 picture, against the anchor of JCodec 0.2.5's deblocking
 * filter on the same macroblock data, measured in the same run on one thread (CPU time). The picture is synthetic but
 * shaped like a P picture: 10% intra macroblocks, the rest 16x16 / 8x8 inter partitions with small motion vectors
 * over two reference pictures, 30% of 4x4 blocks coded, QP 24..34, textured samples. A command, not a test:
 * <pre>
 * mvn -o -q test-compile -pl transcode -am
 * java -cp transcode/target/test-classes:transcode/target/classes:$(cat cp.txt) \
 *     org.diva.transcode.video.decode.avc.DeblockerBenchmark
 * </pre>
 * (cp.txt from {@code mvn -o -q dependency:build-classpath -pl transcode -Dmdep.outputFile=cp.txt}).
 */
public final class DeblockerBenchmark {
    private static final int W = 120;
    private static final int H = 68;

    private DeblockerBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(1);
        AvcPicture pic = DeblockPictures.inter(W, H, 30);
        if (args.length > 0) { // "bs": offsets that switch every edge off, leaving what bS derivation costs
            pic.slices.set(0, DeblockPictures.header(0, 0, -51, -51));
        }
        for (int i = 0; i < pic.y.length; i++) {
            pic.y[i] = (byte) (100 + ((i * 7) & 31) + random.nextInt(9));
        }
        for (int i = 0; i < pic.cb.length; i++) {
            pic.cb[i] = (byte) (120 + random.nextInt(6));
            pic.cr[i] = (byte) (130 + random.nextInt(6));
        }
        DeblockerInput di = jcodecInput(pic, random);
        byte[][] samples = {pic.y.clone(), pic.cb.clone(), pic.cr.clone()};
        Picture jcodecPicture = Picture.createPicture(16 * W, 16 * H,
                new byte[][] {pic.y.clone(), pic.cb.clone(), pic.cr.clone()}, ColorSpace.YUV420J);
        Deblocker ours = new Deblocker();
        DeblockingFilter anchor = new DeblockingFilter(8, 8, di);
        Pps pps = DeblockPictures.pps(0, 0);
        int frames = 60;
        for (int round = 0; round < 6; round++) { // the first rounds warm the JIT up
            long start = cpuNanos();
            for (int f = 0; f < frames; f++) {
                System.arraycopy(samples[0], 0, pic.y, 0, pic.y.length);
                System.arraycopy(samples[1], 0, pic.cb, 0, pic.cb.length);
                System.arraycopy(samples[2], 0, pic.cr, 0, pic.cr.length);
                ours.filter(pic, id -> pps);
            }
            double oursFps = frames / ((cpuNanos() - start) / 1e9);
            start = cpuNanos();
            for (int f = 0; f < frames; f++) {
                for (int c = 0; c < 3; c++) {
                    System.arraycopy(samples[c], 0, jcodecPicture.getPlaneData(c), 0, samples[c].length);
                }
                anchor.deblockFrame(jcodecPicture);
            }
            double anchorFps = frames / ((cpuNanos() - start) / 1e9);
            System.out.printf("round %d: DiVA deblocking 1080p %.0f pictures/s; JCodec (anchor) %.0f pictures/s;"
                    + " %.2fx the anchor%n", round, oursFps, anchorFps, oursFps / anchorFps);
        }
    }

    /** Random macroblock data written into our picture and the same data in JCodec's deblocker input. */
    private static DeblockerInput jcodecInput(AvcPicture pic, Random random) {
        SeqParameterSet sps = new SeqParameterSet();
        sps.picWidthInMbsMinus1 = W - 1;
        sps.picHeightInMapUnitsMinus1 = H - 1;
        sps.frameMbsOnlyFlag = true;
        DeblockerInput di = new DeblockerInput(sps);
        org.jcodec.codecs.h264.io.model.SliceHeader sh = new org.jcodec.codecs.h264.io.model.SliceHeader();
        sh.sps = sps;
        Frame[] refs = new Frame[2];
        for (int r = 0; r < 2; r++) {
            refs[r] = new Frame(16, 16, new byte[][] {new byte[256], new byte[64], new byte[64]}, ColorSpace.YUV420J,
                    null, r, SliceType.P, null, null, r);
        }
        for (int addr = 0; addr < W * H; addr++) {
            int mbX = addr % W;
            int mbY = addr / W;
            int qp = 24 + random.nextInt(11);
            pic.qp[addr] = (byte) qp;
            di.mbQps[0][addr] = qp;
            di.mbQps[1][addr] = H264ChromaQp.of(qp, 0);
            di.mbQps[2][addr] = H264ChromaQp.of(qp, 0);
            di.shs[addr] = sh;
            di.refsUsed[addr] = new Frame[][] {refs, new Frame[0]};
            boolean intra = random.nextInt(10) == 0;
            pic.kind[addr] = intra ? MbKind.INTRA | MbKind.I4X4 : 0;
            pic.cbp[addr] = 0x0F; // every 8x8 block may hold coefficients: the counts below decide
            di.mbTypes[addr] = intra ? MBType.I_NxN : MBType.P_16x16;
            boolean split = random.nextBoolean();
            int[] mvx = new int[4];
            int[] mvy = new int[4];
            int[] ref = new int[4];
            for (int p = 0; p < 4; p++) {
                mvx[p] = split || p == 0 ? random.nextInt(13) - 6 : mvx[0];
                mvy[p] = split || p == 0 ? random.nextInt(13) - 6 : mvy[0];
                ref[p] = split || p == 0 ? random.nextInt(2) : ref[0];
            }
            for (int by = 0; by < 4; by++) {
                for (int bx = 0; bx < 4; bx++) {
                    int b = pic.block4(mbX, mbY, bx, by);
                    int coeffs = random.nextInt(10) < 3 ? 1 + random.nextInt(5) : 0;
                    pic.lumaCoeffs[b] = (byte) coeffs;
                    di.nCoeff[4 * mbY + by][4 * mbX + bx] = coeffs;
                    int p = bx / 2 + 2 * (by / 2);
                    int x4 = 4 * mbX + bx;
                    int y4 = 4 * mbY + by;
                    if (intra) {
                        pic.refPic[0][b] = -1;
                        pic.refIdx[0][b] = -1;
                        DeblockPictures.mv(pic, x4, y4, 0, 0);
                        di.mvs.setMv(x4, y4, 0, H264Utils.Mv.packMv(0, 0, -1));
                    } else {
                        pic.refPic[0][b] = ref[p];
                        pic.refIdx[0][b] = (byte) ref[p];
                        DeblockPictures.mv(pic, x4, y4, mvx[p], mvy[p]);
                        di.mvs.setMv(x4, y4, 0, H264Utils.Mv.packMv(mvx[p], mvy[p], ref[p]));
                    }
                    di.mvs.setMv(x4, y4, 1, H264Utils.Mv.packMv(0, 0, -1));
                }
            }
        }
        return di;
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
