package org.diva.transcode.video.decode.avc;

/**
 * Scaling of transform coefficient levels (14496-10 8.5.9 and 8.5.12.1, 8.5.13.1) with the picture parameter set's
 * effective scaling lists, and the DC paths of Intra_16x16 luma (8.5.10) and 4:2:0 chroma (8.5.11.2).
 *
 * <p>LevelScale4x4(m, i, j) = weightScale4x4(i, j) * normAdjust4x4(m, i, j) and likewise for 8x8 are computed once per
 * slice for every m = qP % 6 and every list (the lists are already in raster order, so the tables are too). Scaling
 * then costs one multiply and one shift per coefficient: for 4x4 blocks {@code (c * LS) << (qP/6 - 4)} when qP >= 24
 * and {@code (c * LS + 2^(3 - qP/6)) >> (4 - qP/6)} below; for 8x8 blocks the same with 6 instead of 4 and 36 instead
 * of 24.
 */
final class Dequant {
    /** normAdjust4x4 v(m, 0..2) (8-315): positions (even, even), (odd, odd), the rest. */
    private static final int[][] V4 = {{10, 16, 13}, {11, 18, 14}, {13, 20, 16}, {14, 23, 18}, {16, 25, 20},
            {18, 29, 23}};
    /** normAdjust8x8 v(m, 0..5) (8-318). */
    private static final int[][] V8 = {{20, 18, 32, 19, 25, 24}, {22, 19, 35, 21, 28, 26}, {26, 23, 42, 24, 33, 31},
            {28, 25, 45, 26, 35, 33}, {32, 28, 51, 30, 40, 38}, {36, 32, 58, 34, 46, 43}};
    /** [list][16 * m + raster] for the six 4x4 lists (Intra Y, Cb, Cr, Inter Y, Cb, Cr). */
    private final int[][] scale4 = new int[6][96];
    /** [list][64 * m + raster] for the two 8x8 lists (Intra Y, Inter Y). */
    private final int[][] scale8 = new int[2][384];

    Dequant(int[][] scaling4x4, int[][] scaling8x8) {
        for (int list = 0; list < 6; list++) {
            for (int m = 0; m < 6; m++) {
                for (int k = 0; k < 16; k++) {
                    int i = k >> 2;
                    int j = k & 3;
                    int cls = (i & 1) == 0 && (j & 1) == 0 ? 0 : (i & 1) == 1 && (j & 1) == 1 ? 1 : 2;
                    scale4[list][16 * m + k] = scaling4x4[list][k] * V4[m][cls];
                }
            }
        }
        for (int list = 0; list < 2; list++) {
            for (int m = 0; m < 6; m++) {
                for (int k = 0; k < 64; k++) {
                    scale8[list][64 * m + k] = scaling8x8[list][k] * V8[m][class8(k >> 3, k & 7)];
                }
            }
        }
    }

    /** Which of the six normAdjust8x8 values applies at row i, column j (8-318). */
    private static int class8(int i, int j) {
        if ((i & 3) == 0 && (j & 3) == 0) {
            return 0;
        }
        if ((i & 1) == 1 && (j & 1) == 1) {
            return 1;
        }
        if ((i & 3) == 2 && (j & 3) == 2) {
            return 2;
        }
        if ((i & 3) == 0 && (j & 1) == 1 || (i & 1) == 1 && (j & 3) == 0) {
            return 3;
        }
        if ((i & 3) == 0 && (j & 3) == 2 || (i & 3) == 2 && (j & 3) == 0) {
            return 4;
        }
        return 5;
    }

    /**
     * Scales the 16 raster levels {@code src[so..so+16)} into {@code dst[0..16)} and zeroes them in {@code src}; with
     * {@code fromAc} index 0 is left to the caller (the DC paths have scaled it already).
     */
    void scale4x4(int[] src, int so, int[] dst, int list, int qp, boolean fromAc) {
        int[] ls = scale4[list];
        int m = 16 * (qp % 6);
        int div = qp / 6;
        int k = fromAc ? 1 : 0;
        if (div >= 4) {
            int sh = div - 4;
            for (; k < 16; k++) {
                int c = src[so + k];
                src[so + k] = 0;
                dst[k] = (c * ls[m + k]) << sh;
            }
        } else {
            int sh = 4 - div;
            int round = 1 << (3 - div);
            for (; k < 16; k++) {
                int c = src[so + k];
                src[so + k] = 0;
                dst[k] = (c * ls[m + k] + round) >> sh;
            }
        }
    }

    /** Scales the 64 raster levels {@code src[so..so+64)} into {@code dst[0..64)} and zeroes them in {@code src}. */
    void scale8x8(int[] src, int so, int[] dst, int list, int qp) {
        int[] ls = scale8[list];
        int m = 64 * (qp % 6);
        int div = qp / 6;
        if (div >= 6) {
            int sh = div - 6;
            for (int k = 0; k < 64; k++) {
                int c = src[so + k];
                src[so + k] = 0;
                dst[k] = (c * ls[m + k]) << sh;
            }
        } else {
            int sh = 6 - div;
            int round = 1 << (5 - div);
            for (int k = 0; k < 64; k++) {
                int c = src[so + k];
                src[so + k] = 0;
                dst[k] = (c * ls[m + k] + round) >> sh;
            }
        }
    }

    /**
     * Intra_16x16 luma DC (8.5.10): the inverse 4x4 Hadamard of the 16 raster levels in {@code dc[0..16)}, scaled with
     * LevelScale4x4(qP % 6, 0, 0) of the Intra Y list, written back in place (raster = 4x4 block order).
     */
    void lumaDc(int[] dc, int qp) {
        for (int r = 0; r < 16; r += 4) {
            int s01 = dc[r] + dc[r + 1];
            int d01 = dc[r] - dc[r + 1];
            int s23 = dc[r + 2] + dc[r + 3];
            int d23 = dc[r + 2] - dc[r + 3];
            dc[r] = s01 + s23;
            dc[r + 1] = s01 - s23;
            dc[r + 2] = d01 - d23;
            dc[r + 3] = d01 + d23;
        }
        int ls = scale4[0][16 * (qp % 6)];
        int div = qp / 6;
        for (int c = 0; c < 4; c++) {
            int s01 = dc[c] + dc[c + 4];
            int d01 = dc[c] - dc[c + 4];
            int s23 = dc[c + 8] + dc[c + 12];
            int d23 = dc[c + 8] - dc[c + 12];
            dc[c] = scaleDc(s01 + s23, ls, div);
            dc[c + 4] = scaleDc(s01 - s23, ls, div);
            dc[c + 8] = scaleDc(d01 - d23, ls, div);
            dc[c + 12] = scaleDc(d01 + d23, ls, div);
        }
    }

    private static int scaleDc(int f, int ls, int div) {
        return div >= 6 ? (f * ls) << (div - 6) : (f * ls + (1 << (5 - div))) >> (6 - div);
    }

    /**
     * 4:2:0 chroma DC (8.5.11): the 2x2 Hadamard of {@code dc[o..o+4)} (raster) scaled with LevelScale4x4(QP'_C % 6,
     * 0, 0) of the given chroma list, in place: dcC = ((f * LS) << (qP / 6)) >> 5.
     */
    void chromaDc(int[] dc, int o, int list, int qpc) {
        int a = dc[o];
        int b = dc[o + 1];
        int c = dc[o + 2];
        int d = dc[o + 3];
        int ls = scale4[list][16 * (qpc % 6)];
        int div = qpc / 6;
        dc[o] = ((a + b + c + d) * ls << div) >> 5;
        dc[o + 1] = ((a - b + c - d) * ls << div) >> 5;
        dc[o + 2] = ((a + b - c - d) * ls << div) >> 5;
        dc[o + 3] = ((a - b - c + d) * ls << div) >> 5;
    }
}
