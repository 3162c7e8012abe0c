package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Random;
import org.diva.transcode.codec.H264ChromaQp;
import org.junit.jupiter.api.Test;

/**
 * Round trip against DiVA's own H.264 encoder (org.diva.transcode.video.h264), whose output ffmpeg decodes bit-exactly
 * (its conformance test): for the same levels, prediction modes and QP, the decoder's reconstruction of Intra_16x16
 * macroblocks with chroma and of inter residuals must equal the encoder's reconstruction sample for sample. The
 * encoder's prediction, scaling and transform steps are package-private, so they are called reflectively here.
 */
class ReconstructorEncoderRoundTripTest {
    private static final int[] ZIGZAG = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};

    private final Encoder enc = new Encoder();

    @Test
    void intra16x16AndChromaMatchTheEncodersReconstruction() throws Exception {
        Random rnd = new Random(1);
        for (int round = 0; round < 300; round++) {
            SliceContext ctx = ReconTestSupport.context(2, 2, 3, ReconTestSupport.flatPps());
            AvcPicture pic = ctx.picture;
            fillRandom(rnd, pic);
            boolean left = rnd.nextInt(4) != 0;
            boolean top = rnd.nextInt(4) != 0;
            if (!left) {
                pic.sliceId[2] = 1;
            }
            if (!top) {
                pic.sliceId[1] = 1;
                pic.sliceId[0] = 1;
            }
            int lumaMode = allowedMode(rnd, left, top, 0, 1);
            int chromaMode = allowedMode(rnd, left, top, 2, 1);
            int qp = rnd.nextInt(52);
            Macroblock mb = ReconTestSupport.macroblock(ctx, 3, MbKind.INTRA | MbKind.I16X16, qp);
            mb.intra16x16Mode = lumaMode;
            mb.chromaMode = chromaMode;
            randomLevels(rnd, mb, true);
            int[] lumaLevels = mb.luma.clone();
            int[] lumaDc = mb.lumaDc.clone();
            int[] chromaLevels = mb.chroma.clone();
            int[] chromaDc = mb.chromaDc.clone();

            byte[] expectY = pic.y.clone();
            byte[] expectCb = pic.cb.clone();
            byte[] expectCr = pic.cr.clone();
            int[] predY = new int[256];
            enc.luma16(lumaMode, pic.y, 16 * pic.stride + 16, pic.stride, left, top, predY);
            enc.lumaIntra16(predY, lumaDc, lumaLevels, qp, expectY, 16 * pic.stride + 16, pic.stride);
            for (int c = 0; c < 2; c++) {
                byte[] plane = c == 0 ? pic.cb : pic.cr;
                int[] predC = new int[64];
                enc.chroma8(chromaMode, plane, 8 * pic.chromaStride + 8, pic.chromaStride, left, top, predC);
                enc.chroma(predC, chromaDc, chromaLevels, c, qp, c == 0 ? expectCb : expectCr,
                        8 * pic.chromaStride + 8, pic.chromaStride);
            }

            new Reconstructor(ctx).intra(mb);
            String what = "round " + round + " qp " + qp + " modes " + lumaMode + "/" + chromaMode;
            assertArrayEquals(expectY, pic.y, what);
            assertArrayEquals(expectCb, pic.cb, what);
            assertArrayEquals(expectCr, pic.cr, what);
            assertConsumed(mb);
        }
    }

    @Test
    void interResidualMatchesTheEncodersReconstruction() throws Exception {
        Random rnd = new Random(2);
        for (int round = 0; round < 300; round++) {
            SliceContext ctx = ReconTestSupport.context(2, 2, 3, ReconTestSupport.flatPps());
            AvcPicture pic = ctx.picture;
            fillRandom(rnd, pic);
            int qp = rnd.nextInt(52);
            Macroblock mb = ReconTestSupport.macroblock(ctx, 3, rnd.nextBoolean() ? MbKind.B : 0, qp);
            randomLevels(rnd, mb, false);
            byte[] expectY = pic.y.clone();
            byte[] expectCb = pic.cb.clone();
            byte[] expectCr = pic.cr.clone();
            int off = 16 * pic.stride + 16;
            for (int b = 0; b < 16; b++) {
                if ((mb.lumaCoded >> b & 1) != 0) {
                    int o = off + 4 * (b >> 2) * pic.stride + 4 * (b & 3);
                    enc.inter4x4(mb.luma, 16 * b, qp, expectY, o, pic.stride);
                }
            }
            for (int c = 0; c < 2; c++) {
                byte[] plane = c == 0 ? expectCb : expectCr;
                int[] predC = new int[64];
                int coff = 8 * pic.chromaStride + 8;
                for (int i = 0; i < 64; i++) {
                    predC[i] = plane[coff + (i >> 3) * pic.chromaStride + (i & 7)] & 0xFF;
                }
                enc.chroma(predC, mb.chromaDc.clone(), mb.chroma.clone(), c, qp, plane, coff, pic.chromaStride);
            }
            new Reconstructor(ctx).residual(mb);
            assertArrayEquals(expectY, pic.y, "round " + round);
            assertArrayEquals(expectCb, pic.cb, "round " + round);
            assertArrayEquals(expectCr, pic.cr, "round " + round);
            assertConsumed(mb);
        }
    }

    private static void assertConsumed(Macroblock mb) {
        assertArrayEquals(new int[256], mb.luma, "luma levels zeroed");
        assertArrayEquals(new int[16], mb.lumaDc, "luma DC zeroed");
        assertArrayEquals(new int[8], mb.chromaDc, "chroma DC zeroed");
        assertArrayEquals(new int[128], mb.chroma, "chroma AC zeroed");
    }

    private static int allowedMode(Random rnd, boolean left, boolean top, int verticalMode, int horizontalMode) {
        while (true) {
            int m = rnd.nextInt(4);
            boolean ok = m == 3 ? left && top : m == verticalMode ? top : m == horizontalMode ? left : true;
            if (ok) {
                return m;
            }
        }
    }

    private static void fillRandom(Random rnd, AvcPicture pic) {
        // Smooth-ish content with a random offset so that both clipping ends are reached now and then.
        int base = rnd.nextInt(256);
        for (byte[] plane : new byte[][] {pic.y, pic.cb, pic.cr}) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (byte) Math.max(0, Math.min(255, base + rnd.nextInt(61) - 30));
            }
        }
    }

    /** Sparse random levels as a parser would leave them, with consistent cbp / lumaCoded / chromaCoded. */
    private static void randomLevels(Random rnd, Macroblock mb, boolean intra16) {
        int range = 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 40);
        if (intra16) {
            for (int i = 0; i < 16; i++) {
                mb.lumaDc[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(2 * range + 1) - range : 0;
            }
        }
        int cbpLuma = 0;
        for (int b = 0; b < 16; b++) {
            if (rnd.nextInt(3) == 0) {
                for (int k = intra16 ? 1 : 0; k < 16; k++) {
                    if (rnd.nextInt(4) == 0) {
                        mb.luma[16 * b + k] = rnd.nextInt(2 * range + 1) - range;
                    }
                }
            }
            for (int k = 0; k < 16; k++) {
                if (mb.luma[16 * b + k] != 0) {
                    mb.lumaCoded |= 1 << b;
                    cbpLuma |= 1 << ((b & 3) / 2 + 2 * ((b >> 2) / 2));
                }
            }
        }
        boolean anyDc = false;
        boolean anyAc = false;
        int chroma = rnd.nextInt(3);
        for (int c = 0; c < 8 && chroma > 0; c++) {
            mb.chromaDc[c] = rnd.nextBoolean() ? rnd.nextInt(2 * range + 1) - range : 0;
            anyDc |= mb.chromaDc[c] != 0;
        }
        for (int b = 0; b < 8 && chroma > 1; b++) {
            for (int k = 1; k < 16; k++) {
                if (rnd.nextInt(5) == 0) {
                    mb.chroma[16 * b + k] = rnd.nextInt(2 * range + 1) - range;
                    mb.chromaCoded |= 1 << b;
                    anyAc = true;
                }
            }
        }
        mb.cbp = (intra16 ? (cbpLuma != 0 ? 15 : 0) : cbpLuma) | (anyAc ? 2 : anyDc ? 1 : 0) << 4;
        if (intra16 && cbpLuma == 0) {
            mb.lumaCoded = 0;
        }
    }

    /** The encoder's reconstruction steps, reached reflectively (they are package-private in its package). */
    private static final class Encoder {
        private final Method luma16;
        private final Method chroma8;
        private final Method hadamard4x4;
        private final Method hadamard2x2;
        private final Method inverse4x4;
        private final Method setQp;
        private final Method dequant;
        private final Method scaleLumaDc;
        private final Method scaleChromaDc;
        private final Constructor<?> quantizer;

        Encoder() {
            try {
                String pkg = "org.diva.transcode.video.h264.";
                Class<?> pred = Class.forName(pkg + "IntraPredictor");
                Class<?> tr = Class.forName(pkg + "Transform");
                Class<?> q = Class.forName(pkg + "Quantizer");
                luma16 = open(pred.getDeclaredMethod("luma16", int.class, byte[].class, int.class, int.class,
                        boolean.class, boolean.class, int[].class));
                chroma8 = open(pred.getDeclaredMethod("chroma8", int.class, byte[].class, int.class, int.class,
                        boolean.class, boolean.class, int[].class));
                hadamard4x4 = open(tr.getDeclaredMethod("hadamard4x4", int[].class, boolean.class));
                hadamard2x2 = open(tr.getDeclaredMethod("hadamard2x2", int[].class, int.class));
                inverse4x4 = open(tr.getDeclaredMethod("inverse4x4", int[].class, int.class));
                setQp = open(q.getDeclaredMethod("setQp", int.class));
                dequant = open(q.getDeclaredMethod("dequant", int[].class, int.class, int[].class, int.class,
                        int.class));
                scaleLumaDc = open(q.getDeclaredMethod("scaleLumaDc", int.class));
                scaleChromaDc = open(q.getDeclaredMethod("scaleChromaDc", int.class));
                quantizer = q.getDeclaredConstructor();
                quantizer.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("the encoder's reconstruction steps moved", e);
            }
        }

        private static Method open(Method m) {
            m.setAccessible(true);
            return m;
        }

        void luma16(int mode, byte[] p, int o, int stride, boolean left, boolean top, int[] pred) throws Exception {
            luma16.invoke(null, mode, p, o, stride, left, top, pred);
        }

        void chroma8(int mode, byte[] p, int o, int stride, boolean left, boolean top, int[] pred) throws Exception {
            chroma8.invoke(null, mode, p, o, stride, left, top, pred);
        }

        private Object quantizer(int qp) throws Exception {
            Object q = quantizer.newInstance();
            setQp.invoke(q, qp);
            return q;
        }

        /** Scan-ordered copy of one block's raster levels, as the encoder keeps them. */
        private static int[] scan(int[] raster, int o) {
            int[] lev = new int[16];
            for (int k = 0; k < 16; k++) {
                lev[k] = raster[o + ZIGZAG[k]];
            }
            return lev;
        }

        void lumaIntra16(int[] pred, int[] dcRaster, int[] levels, int qp, byte[] out, int off, int stride)
                throws Exception {
            Object q = quantizer(qp);
            int[] dc = dcRaster.clone();
            hadamard4x4.invoke(null, dc, false);
            for (int b = 0; b < 16; b++) {
                int dcValue = (int) scaleLumaDc.invoke(q, dc[b]);
                int[] coef = new int[16];
                dequant.invoke(q, scan(levels, 16 * b), 0, coef, 0, 1);
                coef[0] = dcValue;
                inverse4x4.invoke(null, coef, 0);
                add(pred, 16, 4 * (b >> 2) * 16 + 4 * (b & 3), coef, out, off + 4 * (b >> 2) * stride + 4 * (b & 3),
                        stride);
            }
        }

        void chroma(int[] pred, int[] dcAll, int[] levels, int c, int qp, byte[] out, int off, int stride)
                throws Exception {
            Object q = quantizer(H264ChromaQp.of(qp, 0));
            int[] dc = Arrays.copyOfRange(dcAll, 4 * c, 4 * c + 4);
            hadamard2x2.invoke(null, dc, 0);
            for (int b = 0; b < 4; b++) {
                int[] coef = new int[16];
                dequant.invoke(q, scan(levels, 16 * (4 * c + b)), 0, coef, 0, 1);
                coef[0] = (int) scaleChromaDc.invoke(q, dc[b]);
                inverse4x4.invoke(null, coef, 0);
                add(pred, 8, 4 * (b >> 1) * 8 + 4 * (b & 1), coef, out, off + 4 * (b >> 1) * stride + 4 * (b & 1),
                        stride);
            }
        }

        void inter4x4(int[] levels, int o, int qp, byte[] out, int off, int stride) throws Exception {
            int[] coef = new int[16];
            dequant.invoke(quantizer(qp), scan(levels, o), 0, coef, 0, 0);
            inverse4x4.invoke(null, coef, 0);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    int i = off + y * stride + x;
                    out[i] = (byte) Math.max(0, Math.min(255, (out[i] & 0xFF) + coef[4 * y + x]));
                }
            }
        }

        private static void add(int[] pred, int predStride, int po, int[] res, byte[] out, int off, int stride) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    int v = pred[po + y * predStride + x] + res[4 * y + x];
                    out[off + y * stride + x] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
    }
}
