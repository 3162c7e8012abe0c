package org.diva.transcode.video.h264;

/**
 * Scalar quantisation for one QP and its inverse, the scaling of ISO/IEC 14496-10 clause 8.5.12.1 with flat
 * scaling matrices (LevelScale = 16 · v, which reduces to level · v << QP/6 for 4x4 blocks) and the DC scalings of
 * 8.5.10 and 8.5.11.2. The forward direction uses the usual multiplication factors MF = 2^15 / (v · Qstep-norm)
 * with a dead zone: rounding offset 1/3 of a step for intra blocks and 1/6 for inter blocks.
 */
final class Quantizer {
    private static final int[][] MF = {
        {13107, 5243, 8066}, {11916, 4660, 7490}, {10082, 4194, 6554},
        {9362, 3647, 5825}, {8192, 3355, 5243}, {7282, 2893, 4559},
    };
    private static final int[][] V = {{10, 16, 13}, {11, 18, 14}, {13, 20, 16}, {14, 23, 18}, {16, 25, 20},
        {18, 29, 23}};
    /** QPc as a function of qPI (Table 8-15) for qPI >= 30. */
    private final int[] mf = new int[16];
    private final int[] scale = new int[16];
    private int qp;
    private int qbits;
    private int fIntra;
    private int fInter;

    void setQp(int newQp) {
        qp = newQp;
        int mod = qp % 6;
        for (int i = 0; i < 16; i++) {
            int x = i & 3;
            int y = i >> 2;
            int cls = (x & 1) == 0 && (y & 1) == 0 ? 0 : (x & 1) == 1 && (y & 1) == 1 ? 1 : 2;
            mf[i] = MF[mod][cls];
            scale[i] = V[mod][cls] << (qp / 6);
        }
        qbits = 15 + qp / 6;
        fIntra = (1 << qbits) / 3;
        fInter = (1 << qbits) / 6;
    }

    int qp() {
        return qp;
    }

    /**
     * The largest SAD of a 4x4 inter residual that provably quantises to all zeros: a coefficient at (u, v) is at
     * most (u odd ? 2 : 1) · (v odd ? 2 : 1) · SAD in magnitude, since the core transform's basis entries are ±1, ±2.
     */
    int zeroSad4x4() {
        int worst = Math.max(mf[0], Math.max(2 * mf[1], 4 * mf[5]));
        return ((1 << qbits) - fInter - 1) / worst;
    }

    /** The largest |DC sum| of a chroma component's inter residual whose 2x2 DC levels are provably zero. */
    int zeroChromaDc() {
        return ((1 << (qbits + 1)) - 2 * fInter - 1) / mf[0];
    }

    /** The rounding offset for intra or inter blocks. */
    int offset(boolean intra) {
        return intra ? fIntra : fInter;
    }

    /**
     * Quantises raster coefficients {@code coef[co..co+16)} from raster index {@code start} on into scan-ordered
     * levels {@code lev[lo..lo+16)}; returns how many are non-zero.
     */
    int quant(int[] coef, int co, int[] lev, int lo, int f, int start) {
        int nz = 0;
        if (start > 0) {
            lev[lo] = 0;
        }
        for (int k = start; k < 16; k++) {
            int r = Transform.ZIGZAG[k];
            int c = coef[co + r];
            int l;
            if (c >= 0) {
                l = Math.min((c * mf[r] + f) >> qbits, CavlcWriter.MAX_LEVEL);
            } else {
                l = -Math.min((-c * mf[r] + f) >> qbits, CavlcWriter.MAX_LEVEL);
            }
            lev[lo + k] = l;
            if (l != 0) {
                nz++;
            }
        }
        return nz;
    }

    /** Quantises one DC coefficient (after its Hadamard) with one more bit of shift, as DC paths require. */
    int quantDc(int c, int f) {
        int l = ((c < 0 ? -c : c) * mf[0] + 2 * f) >> (qbits + 1);
        l = Math.min(l, CavlcWriter.MAX_LEVEL);
        return c < 0 ? -l : l;
    }

    /** Scales scan-ordered levels back into raster coefficients, from scan index {@code start} on. */
    void dequant(int[] lev, int lo, int[] coef, int co, int start) {
        for (int k = start; k < 16; k++) {
            int r = Transform.ZIGZAG[k];
            coef[co + r] = lev[lo + k] * scale[r];
        }
    }

    /** Luma DC scaling of 8.5.10 applied to one inverse-Hadamard output. */
    int scaleLumaDc(int f) {
        int ls = V[qp % 6][0] * 16;
        int div = qp / 6;
        return div >= 6 ? (f * ls) << (div - 6) : (f * ls + (1 << (5 - div))) >> (6 - div);
    }

    /** Chroma DC scaling of 8.5.11.2 (4:2:0) applied to one inverse-Hadamard output. */
    int scaleChromaDc(int f) {
        return ((f * V[qp % 6][0] * 16) << (qp / 6)) >> 5;
    }
}
