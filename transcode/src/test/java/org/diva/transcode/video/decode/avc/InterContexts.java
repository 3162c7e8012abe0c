package org.diva.transcode.video.decode.avc;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Builds slice contexts for the inter prediction tests: parameter sets with only what inter prediction reads. */
final class InterContexts {
    static final int WIDTH_MBS = 3;
    static final int HEIGHT_MBS = 2;

    private InterContexts() {
    }

    static Sps sps() {
        int[][] flat4 = new int[6][16];
        int[][] flat8 = new int[2][64];
        return new Sps(0, 100, 40, flat4, flat8, false, 4, 0, 6, false, 0, 0, new int[0], 4, false, WIDTH_MBS,
                HEIGHT_MBS, true, 0, 0, 0, 0, 2, 4);
    }

    static Pps pps(boolean weightedPred, int weightedBipredIdc) {
        return new Pps(0, 0, false, false, 1, 1, weightedPred, weightedBipredIdc, 26, 0, 0, false, false, false,
                false, new int[6][16], new int[2][64]);
    }

    static SliceHeader header(int sliceType, int n0, int n1, Optional<PredWeights> weights) {
        return new SliceHeader(0, sliceType, 0, 1, false, 1, 0, 0, 0, 0, 0, true, new int[] {n0, n1},
                List.of(List.of(), List.of()), weights, Optional.empty(), 0, 26, 0, 0, 0);
    }

    /** A reference picture of random samples with the given POC, short-term. */
    static AvcPicture randomPicture(long seed, int poc) {
        AvcPicture p = new AvcPicture(WIDTH_MBS, HEIGHT_MBS);
        Random r = new Random(seed);
        r.nextBytes(p.y);
        r.nextBytes(p.cb);
        r.nextBytes(p.cr);
        p.poc = poc;
        p.reference = AvcPicture.SHORT_TERM;
        return p;
    }

    /** A reference picture with every sample of every plane equal to v. */
    static AvcPicture flatPicture(int v, int poc) {
        AvcPicture p = new AvcPicture(WIDTH_MBS, HEIGHT_MBS);
        java.util.Arrays.fill(p.y, (byte) v);
        java.util.Arrays.fill(p.cb, (byte) v);
        java.util.Arrays.fill(p.cr, (byte) v);
        p.poc = poc;
        p.reference = AvcPicture.SHORT_TERM;
        return p;
    }

    static AvcPicture current(int poc) {
        AvcPicture p = new AvcPicture(WIDTH_MBS, HEIGHT_MBS);
        p.poc = poc;
        return p;
    }

    /** Sets the motion of the macroblock's 4x4 block (bx, by) for one list (ref -1 = unused, mv 0). */
    static void motion(AvcPicture pic, Macroblock mb, int bx, int by, int list, int ref, int mvx, int mvy) {
        int b = pic.block4(mb.mbX, mb.mbY, bx, by);
        pic.refIdx[list][b] = (byte) ref;
        pic.mv[list][2 * b] = (short) (ref < 0 ? 0 : mvx);
        pic.mv[list][2 * b + 1] = (short) (ref < 0 ? 0 : mvy);
    }

    /** Sets the same motion for all 16 blocks of the macroblock. */
    static void motion16(AvcPicture pic, Macroblock mb, int list, int ref, int mvx, int mvy) {
        for (int b = 0; b < 16; b++) {
            motion(pic, mb, b & 3, b >> 2, list, ref, mvx, mvy);
        }
    }

    static Macroblock macroblock(int addr) {
        Macroblock mb = new Macroblock();
        mb.reset(addr, WIDTH_MBS);
        return mb;
    }

    /** Explicit weights with one entry per list: luma (w, o) and the same for both chroma components. */
    static PredWeights weights(int lumaDenom, int chromaDenom, int w0, int o0, int w1, int o1) {
        return new PredWeights(lumaDenom, chromaDenom, new int[][] {{w0}, {w1}}, new int[][] {{o0}, {o1}},
                new int[][][] {{{w0, w0}}, {{w1, w1}}}, new int[][][] {{{o0, o0}}, {{o1, o1}}});
    }
}
