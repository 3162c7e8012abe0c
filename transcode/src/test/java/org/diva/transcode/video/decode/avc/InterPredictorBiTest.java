package org.diva.transcode.video.decode.avc;

import static org.diva.transcode.video.decode.avc.InterContexts.HEIGHT_MBS;
import static org.diva.transcode.video.decode.avc.InterContexts.WIDTH_MBS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Per-4x4 mixtures of list 0, list 1 and bi-prediction with two references per list, each weighting mode, every
 * sample against the standard's equations (McModel for interpolation, 8-270 / 8-272 / 8.4.2.3.1 written out here).
 */
class InterPredictorBiTest {
    private static final int LW = 16 * WIDTH_MBS;
    private static final int LH = 16 * HEIGHT_MBS;

    private static final AvcPicture[] L0 = {InterContexts.randomPicture(41, 0), InterContexts.randomPicture(42, -4)};
    private static final AvcPicture[] L1 = {InterContexts.randomPicture(43, 8), InterContexts.randomPicture(44, 16)};
    // Per list and refIdx: luma weight, luma offset, chroma weight, chroma offset (the same for Cb and Cr).
    private static final int[][][] TABLE = {{{40, -3, 20, 5}, {25, 9, 40, -7}}, {{19, 0, 33, 2}, {50, -12, 28, 0}}};

    private static PredWeights explicit() {
        int[][] lw = new int[2][2];
        int[][] lo = new int[2][2];
        int[][][] cw = new int[2][2][2];
        int[][][] co = new int[2][2][2];
        for (int l = 0; l < 2; l++) {
            for (int r = 0; r < 2; r++) {
                lw[l][r] = TABLE[l][r][0];
                lo[l][r] = TABLE[l][r][1];
                cw[l][r][0] = cw[l][r][1] = TABLE[l][r][2];
                co[l][r][0] = co[l][r][1] = TABLE[l][r][3];
            }
        }
        return new PredWeights(5, 4, lw, lo, cw, co);
    }

    private static int clip(int v) {
        return Math.min(Math.max(v, 0), 255);
    }

    /** The weighted sample for mode (0 default, 1 explicit, 2 implicit) per 8.4.2.3; comp 0 luma, 1 chroma. */
    private static int weigh(int mode, int comp, int cur, int r0, int r1, int a, int b) {
        int logWD = comp == 0 ? 5 : 4;
        if (r0 >= 0 && r1 >= 0) {
            if (mode == 0) {
                return (a + b + 1) >> 1;
            }
            if (mode == 2) {
                int w1 = Weights.implicitWeight1(InterContexts.current(cur), L0[r0], L1[r1]);
                return clip((a * (64 - w1) + b * w1 + 32) >> 6);
            }
            int[] e0 = TABLE[0][r0];
            int[] e1 = TABLE[1][r1];
            return clip(((a * e0[2 * comp] + b * e1[2 * comp] + (1 << logWD)) >> (logWD + 1))
                    + ((e0[2 * comp + 1] + e1[2 * comp + 1] + 1) >> 1));
        }
        int v = r0 >= 0 ? a : b;
        if (mode != 1) {
            return v;
        }
        int[] e = r0 >= 0 ? TABLE[0][r0] : TABLE[1][r1];
        return clip(((v * e[2 * comp] + (1 << (logWD - 1))) >> logWD) + e[2 * comp + 1]);
    }

    private static void run(int mode, long seed) throws Exception {
        AvcPicture cur = InterContexts.current(4);
        SliceContext ctx = new SliceContext(InterContexts.sps(), InterContexts.pps(false, mode),
                InterContexts.header(SliceHeader.B, 2, 2, mode == 1 ? Optional.of(explicit()) : Optional.empty()),
                cur, new AvcPicture[][] {L0, L1}, 0);
        InterPredictor ip = new InterPredictor(ctx);
        Random r = new Random(seed);
        for (int n = 0; n < 12; n++) {
            Macroblock mb = InterContexts.macroblock(r.nextInt(WIDTH_MBS * HEIGHT_MBS));
            for (int b = 0; b < 16; b++) {
                // Blocks share motion with a neighbour half the time, so merged rectangles occur as well.
                Random k = new Random(seed * 1000 + n * 16 + (r.nextBoolean() ? b : b & ~1));
                int pred = 1 + k.nextInt(3);
                InterContexts.motion(cur, mb, b & 3, b >> 2, 0, (pred & 1) != 0 ? k.nextInt(2) : -1,
                        k.nextInt(97) - 48, k.nextInt(97) - 48);
                InterContexts.motion(cur, mb, b & 3, b >> 2, 1, (pred & 2) != 0 ? k.nextInt(2) : -1,
                        k.nextInt(97) - 48, k.nextInt(97) - 48);
            }
            ip.predict(mb);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    int blk = cur.block4(mb.mbX, mb.mbY, x >> 2, y >> 2);
                    int r0 = cur.refIdx[0][blk];
                    int r1 = cur.refIdx[1][blk];
                    int xL = 16 * mb.mbX + x;
                    int yL = 16 * mb.mbY + y;
                    int[] luma = new int[2];
                    int[] cb = new int[2];
                    for (int l = 0; l < 2; l++) {
                        int ref = l == 0 ? r0 : r1;
                        if (ref < 0) {
                            continue;
                        }
                        AvcPicture p = (l == 0 ? L0 : L1)[ref];
                        int mvx = cur.mv[l][2 * blk];
                        int mvy = cur.mv[l][2 * blk + 1];
                        luma[l] = new McModel(p.y, LW, LH).luma(xL + (mvx >> 2), yL + (mvy >> 2), mvx & 3, mvy & 3);
                        cb[l] = new McModel(p.cb, LW / 2, LH / 2).chroma(xL / 2 + (mvx >> 3), yL / 2 + (mvy >> 3),
                                mvx & 7, mvy & 7);
                    }
                    String where = "mode " + mode + " mb " + mb.addr + " (" + x + ", " + y + ") refs " + r0 + "/" + r1;
                    assertEquals(weigh(mode, 0, 4, r0, r1, luma[0], luma[1]), cur.y[yL * cur.stride + xL] & 0xFF,
                            "luma " + where);
                    if ((x & 1) == 0 && (y & 1) == 0) {
                        assertEquals(weigh(mode, 1, 4, r0, r1, cb[0], cb[1]),
                                cur.cb[(yL / 2) * cur.chromaStride + xL / 2] & 0xFF, "cb " + where);
                    }
                }
            }
        }
    }

    @Test
    void defaultWeighting() throws Exception {
        run(0, 1);
    }

    @Test
    void explicitWeightingPerReferenceIndex() throws Exception {
        run(1, 2);
    }

    @Test
    void implicitWeightingPerReferencePair() throws Exception {
        run(2, 3);
    }
}
