package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.video.h264.CavlcTables;

/**
 * residual_block_cavlc (14496-10 7.3.5.3.2 with the semantics of 9.2): coeff_token, trailing ones' signs, levels,
 * total_zeros and run_before, writing each level straight to its raster position.
 *
 * <p>Levels (9.2.2): the first non-trailing-one level starts with suffixLength 1 when there are more than ten
 * coefficients and fewer than three trailing ones, else 0; levelCode = (Min(15, level_prefix) << suffixLength) +
 * level_suffix, with the escapes of level_prefix 14 (suffixLength 0: 4 suffix bits) and >= 15 (prefix - 3 suffix
 * bits, +15 when suffixLength is 0, + (1 << (prefix - 3)) - 4096 from 16 on), +2 for the first level after fewer
 * than three trailing ones (it cannot be +-1); suffixLength then grows whenever |level| exceeds 3 << (suffixLength -
 * 1), up to 6. Runs (9.2.3, 9.2.4): total_zeros by TotalCoeff, run_before by zerosLeft (capped at 7), the last
 * coefficient takes the zeros that are left.
 */
final class CavlcResidual {
    /** Chroma DC of 4:2:0: c0..c3 are the 2x2 matrix in raster order (8.5.11.1). */
    static final int[] IDENTITY4 = {0, 1, 2, 3};

    /** [0..2] by nC range 0-1, 2-3, 4-7, [3] chroma DC; value = TotalCoeff << 2 | TrailingOnes. */
    private static final CavlcVlc[] COEFF_TOKEN = new CavlcVlc[4];
    private static final CavlcVlc[] TOTAL_ZEROS = new CavlcVlc[15];
    private static final CavlcVlc[] TOTAL_ZEROS_DC = new CavlcVlc[3];
    private static final CavlcVlc[] RUN_BEFORE = new CavlcVlc[7];
    /** Escape of level_prefix: larger prefixes only come from hostile streams (8-bit levels need far fewer). */
    private static final int MAX_LEVEL_PREFIX = 25;

    static {
        int[][][] ct = CavlcTables.copy("coeff_token");
        for (int t = 0; t < 4; t++) {
            int[] values = new int[ct[0][t].length];
            for (int i = 0; i < values.length; i++) {
                values[i] = i; // index = TotalCoeff * 4 + TrailingOnes already
            }
            COEFF_TOKEN[t] = new CavlcVlc("coeff_token", ct[0][t], ct[1][t], values);
        }
        build("total_zeros", CavlcTables.copy("total_zeros"), TOTAL_ZEROS);
        build("total_zeros", CavlcTables.copy("total_zeros_chroma_dc"), TOTAL_ZEROS_DC);
        build("run_before", CavlcTables.copy("run_before"), RUN_BEFORE);
    }

    private final CavlcBits bits;
    private final int[] levels = new int[16];

    CavlcResidual(CavlcBits bits) {
        this.bits = bits;
    }

    private static void build(String name, int[][][] codes, CavlcVlc[] into) {
        for (int t = 0; t < into.length; t++) {
            int[] values = new int[codes[0][t].length];
            for (int i = 0; i < values.length; i++) {
                values[i] = i;
            }
            into[t] = new CavlcVlc(name, codes[0][t], codes[1][t], values);
        }
    }

    /**
     * Reads one block and returns its TotalCoeff. Coefficient j of the block (0..maxNumCoeff-1) is written to
     * {@code out[base + map[mapStart + mapStep * j]]}.
     *
     * @param nC          the coeff_token context (9.2.1); -1 for chroma DC
     */
    int read(int nC, int maxNumCoeff, int[] out, int base, int[] map, int mapStart, int mapStep)
            throws MediaFormatException {
        int token;
        if (nC < 0) {
            token = COEFF_TOKEN[3].decode(bits);
        } else if (nC >= 8) {
            int v = bits.read(6);
            token = v == 3 ? 0 : ((v >> 2) + 1) << 2 | (v & 3);
            if ((token & 3) > token >> 2) {
                throw new MediaFormatException("H.264 CAVLC: invalid fixed-length coeff_token " + v + " before bit "
                        + bits.position());
            }
        } else {
            token = COEFF_TOKEN[nC < 2 ? 0 : nC < 4 ? 1 : 2].decode(bits);
        }
        int total = token >> 2;
        if (total == 0) {
            return 0;
        }
        if (total > maxNumCoeff) {
            throw new MediaFormatException("H.264 CAVLC: TotalCoeff " + total + " exceeds the block's "
                    + maxNumCoeff + " coefficients before bit " + bits.position());
        }
        int ones = token & 3;
        readLevels(total, ones);
        int zerosLeft = 0;
        if (total < maxNumCoeff) {
            zerosLeft = (maxNumCoeff == 4 ? TOTAL_ZEROS_DC : TOTAL_ZEROS)[total - 1].decode(bits);
            if (zerosLeft > maxNumCoeff - total) {
                throw new MediaFormatException("H.264 CAVLC: total_zeros " + zerosLeft + " with TotalCoeff " + total
                        + " overflows a block of " + maxNumCoeff + " before bit " + bits.position());
            }
        }
        // levels[0] is the highest-frequency coefficient, at index total - 1 + total_zeros.
        int pos = total - 1 + zerosLeft;
        for (int i = 0; i < total; i++) {
            out[base + map[mapStart + mapStep * pos]] = levels[i];
            if (i < total - 1 && zerosLeft > 0) {
                int run = RUN_BEFORE[Math.min(zerosLeft, 7) - 1].decode(bits);
                if (run > zerosLeft) {
                    throw new MediaFormatException("H.264 CAVLC: run_before " + run + " exceeds the " + zerosLeft
                            + " zeros left before bit " + bits.position());
                }
                zerosLeft -= run;
                pos -= run;
            }
            pos--;
        }
        bits.check("a residual block");
        return total;
    }

    private void readLevels(int total, int ones) throws MediaFormatException {
        int i = 0;
        for (; i < ones; i++) {
            levels[i] = bits.flag() ? -1 : 1;
        }
        int suffixLength = total > 10 && ones < 3 ? 1 : 0;
        for (; i < total; i++) {
            int prefix = Integer.numberOfLeadingZeros(bits.peek32());
            if (prefix > MAX_LEVEL_PREFIX) {
                bits.skip(prefix);
                bits.check("a level_prefix");
                throw new MediaFormatException("H.264 CAVLC: level_prefix over " + MAX_LEVEL_PREFIX + " at bit "
                        + bits.position());
            }
            bits.skip(prefix + 1);
            int levelCode = Math.min(15, prefix) << suffixLength;
            if (suffixLength > 0 || prefix >= 14) {
                int size = prefix == 14 && suffixLength == 0 ? 4 : prefix >= 15 ? prefix - 3 : suffixLength;
                if (size > 0) {
                    levelCode += bits.read(size);
                }
            }
            if (prefix >= 15 && suffixLength == 0) {
                levelCode += 15;
            }
            if (prefix >= 16) {
                levelCode += (1 << (prefix - 3)) - 4096;
            }
            if (i == ones && ones < 3) {
                levelCode += 2;
            }
            int level = (levelCode & 1) == 0 ? (levelCode + 2) >> 1 : (-levelCode - 1) >> 1;
            levels[i] = level;
            if (suffixLength == 0) {
                suffixLength = 1;
            }
            if (suffixLength < 6 && Math.abs(level) > 3 << (suffixLength - 1)) {
                suffixLength++;
            }
        }
    }
}
