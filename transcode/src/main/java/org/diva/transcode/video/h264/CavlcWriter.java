package org.diva.transcode.video.h264;

/**
 * Writes one residual block with CAVLC, the inverse of ISO/IEC 14496-10 clause 9.2: coeff_token (TotalCoeff and up
 * to three trailing ±1s), their signs, the remaining levels high frequency first with the adaptive
 * level_prefix/level_suffix code (9.2.2.1), total_zeros, and run_before for each coefficient but the last.
 */
final class CavlcWriter {
    /** Largest |level| the 12-bit escape (level_prefix 15) can carry; quantisers clamp to it. */
    static final int MAX_LEVEL = 2047;

    private final int[] levels = new int[16];
    private final int[] runs = new int[16];

    /**
     * Writes {@code coeffs[0..maxCoeffs)} (in scan order) and returns TotalCoeff.
     *
     * @param nC the neighbour context of 9.2.1, or -1 for chroma DC
     */
    int write(BitWriter bw, int[] coeffs, int offset, int maxCoeffs, int nC) {
        int total = 0;
        int zerosBefore = 0;
        // Collect non-zero levels from high to low frequency, with the zero run below each.
        int last = -1;
        for (int i = maxCoeffs - 1; i >= 0; i--) {
            if (coeffs[offset + i] != 0) {
                last = i;
                break;
            }
        }
        if (last < 0) {
            writeToken(bw, nC, 0, 0);
            return 0;
        }
        int run = 0;
        for (int i = last; i >= 0; i--) {
            int c = coeffs[offset + i];
            if (c != 0) {
                if (total > 0) {
                    runs[total - 1] = run;
                }
                levels[total++] = c;
                run = 0;
            } else {
                run++;
                zerosBefore++;
            }
        }
        runs[total - 1] = run;
        int ones = 0;
        while (ones < total && ones < 3 && (levels[ones] == 1 || levels[ones] == -1)) {
            ones++;
        }
        writeToken(bw, nC, total, ones);
        for (int i = 0; i < ones; i++) {
            bw.u(1, levels[i] < 0 ? 1 : 0);
        }
        writeLevels(bw, total, ones);
        if (total < maxCoeffs) {
            if (nC == -1) {
                bw.u(CavlcTables.TOTAL_ZEROS_DC_LEN[total - 1][zerosBefore],
                        CavlcTables.TOTAL_ZEROS_DC_CODE[total - 1][zerosBefore]);
            } else {
                bw.u(CavlcTables.TOTAL_ZEROS_LEN[total - 1][zerosBefore],
                        CavlcTables.TOTAL_ZEROS_CODE[total - 1][zerosBefore]);
            }
        }
        int zerosLeft = zerosBefore;
        for (int i = 0; i < total - 1 && zerosLeft > 0; i++) {
            int r = runs[i];
            int table = Math.min(zerosLeft, 7) - 1;
            bw.u(CavlcTables.RUN_BEFORE_LEN[table][r], CavlcTables.RUN_BEFORE_CODE[table][r]);
            zerosLeft -= r;
        }
        return total;
    }

    /** Writes a block without coefficients (a coeff_token of TotalCoeff 0). */
    void writeEmpty(BitWriter bw, int nC) {
        writeToken(bw, nC, 0, 0);
    }

    private static void writeToken(BitWriter bw, int nC, int total, int ones) {
        int index = total * 4 + ones;
        if (nC >= 8) {
            // 6-bit fixed-length code: TotalCoeff - 1 then TrailingOnes, with 000011 for "no coefficients".
            bw.u(6, total == 0 ? 3 : ((total - 1) << 2) | ones);
            return;
        }
        int table = nC == -1 ? 3 : nC < 2 ? 0 : nC < 4 ? 1 : 2;
        bw.u(CavlcTables.COEFF_TOKEN_LEN[table][index], CavlcTables.COEFF_TOKEN_CODE[table][index]);
    }

    private void writeLevels(BitWriter bw, int total, int ones) {
        int suffixLength = total > 10 && ones < 3 ? 1 : 0;
        for (int i = ones; i < total; i++) {
            int level = levels[i];
            int code = level > 0 ? 2 * level - 2 : -2 * level - 1;
            if (i == ones && ones < 3) {
                code -= 2;
            }
            if (suffixLength == 0) {
                if (code < 14) {
                    bw.u(code + 1, 1);
                } else if (code < 30) {
                    bw.u(15, 1);
                    bw.u(4, code - 14);
                } else {
                    bw.u(16, 1);
                    bw.u(12, Math.min(code - 30, 4095));
                }
            } else if (code < (15 << suffixLength)) {
                bw.u((code >> suffixLength) + 1, 1);
                bw.u(suffixLength, code);
            } else {
                bw.u(16, 1);
                bw.u(12, Math.min(code - (15 << suffixLength), 4095));
            }
            if (suffixLength == 0) {
                suffixLength = 1;
            }
            int abs = Math.abs(level);
            if (abs > (3 << (suffixLength - 1)) && suffixLength < 6) {
                suffixLength++;
            }
        }
    }
}
