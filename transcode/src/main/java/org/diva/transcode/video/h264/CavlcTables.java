package org.diva.transcode.video.h264;

/**
 * The variable-length code tables of ISO/IEC 14496-10 clause 9.2: coeff_token (Table 9-5), total_zeros (Tables
 * 9-7, 9-8 and 9-9a) and run_before (Table 9-10). Each table is written below as the spec prints it, as bit strings,
 * and unpacked once into parallel code/length arrays so the encoder looks codes up by index.
 */
public final class CavlcTables {
    /** coeff_token codes in order TotalCoeff 0..16, TrailingOnes 0..min(3, TotalCoeff); one string per nC range. */
    private static final String[] COEFF_TOKEN = {
        // 0 <= nC < 2
        "1 000101 01 00000111 000100 001 000000111 00000110 0000101 00011 0000000111 000000110 00000101 000011"
            + " 00000000111 0000000110 000000101 0000100 0000000001111 00000000110 0000000101 00000100"
            + " 0000000001011 0000000001110 00000000101 000000100 0000000001000 0000000001010 0000000001101"
            + " 0000000100 00000000001111 00000000001110 0000000001001 00000000100 00000000001011 00000000001010"
            + " 00000000001101 0000000001100 000000000001111 000000000001110 00000000001001 00000000001100"
            + " 000000000001011 000000000001010 000000000001101 00000000001000 0000000000001111 000000000000001"
            + " 000000000001001 000000000001100 0000000000001011 0000000000001110 0000000000001101"
            + " 000000000001000 0000000000000111 0000000000001010 0000000000001001 0000000000001100"
            + " 0000000000000100 0000000000000110 0000000000000101 0000000000001000",
        // 2 <= nC < 4
        "11 001011 10 000111 00111 011 0000111 001010 001001 0101 00000111 000110 000101 0100 00000100 0000110"
            + " 0000101 00110 000000111 00000110 00000101 001000 00000001111 000000110 000000101 000100"
            + " 00000001011 00000001110 00000001101 0000100 000000001111 00000001010 00000001001 000000100"
            + " 000000001011 000000001110 000000001101 00000001100 000000001000 000000001010 000000001001"
            + " 00000001000 0000000001111 0000000001110 0000000001101 000000001100 0000000001011 0000000001010"
            + " 0000000001001 0000000001100 0000000000111 00000000001011 0000000000110 0000000001000"
            + " 00000000001001 00000000001000 00000000001010 0000000000001 00000000000111 00000000000110"
            + " 00000000000101 00000000000100",
        // 4 <= nC < 8
        "1111 001111 1110 001011 01111 1101 001000 01100 01110 1100 0001111 01010 01011 1011 0001011 01000 01001"
            + " 1010 0001001 001110 001101 1001 0001000 001010 001001 1000 00001111 0001110 0001101 01101"
            + " 00001011 00001110 0001010 001100 000001111 00001010 00001101 0001100 000001011 000001110"
            + " 00001001 00001100 000001000 000001010 000001101 00001000 0000001101 000000111 000001001"
            + " 000001100 0000001001 0000001100 0000001011 0000001010 0000000101 0000001000 0000000111"
            + " 0000000110 0000000001 0000000100 0000000011 0000000010",
        // nC == -1 (chroma DC, 4:2:0)
        "01 000111 1 000100 000110 001 000011 0000011 0000010 000101 000010 00000011 00000010 0000000",
    };

    private static final String[] TOTAL_ZEROS = {
        "1 011 010 0011 0010 00011 00010 000011 000010 0000011 0000010 00000011 00000010 000000011 000000010"
            + " 000000001",
        "111 110 101 100 011 0101 0100 0011 0010 00011 00010 000011 000010 000001 000000",
        "0101 111 110 101 0100 0011 100 011 0010 00011 00010 000001 00001 000000",
        "00011 111 0101 0100 110 101 100 0011 011 0010 00010 00001 00000",
        "0101 0100 0011 111 110 101 100 011 0010 00001 0001 00000",
        "000001 00001 111 110 101 100 011 010 0001 001 000000",
        "000001 00001 101 100 011 11 010 0001 001 000000",
        "000001 0001 00001 011 11 10 010 001 000000",
        "000001 000000 0001 11 10 001 01 00001",
        "00001 00000 001 11 10 01 0001",
        "0000 0001 001 010 1 011",
        "0000 0001 01 1 001",
        "000 001 1 01",
        "00 01 1",
        "0 1",
    };

    private static final String[] TOTAL_ZEROS_CHROMA_DC = {"1 01 001 000", "1 01 00", "1 0"};

    private static final String[] RUN_BEFORE = {
        "1 0", "1 01 00", "11 10 01 00", "11 10 01 001 000", "11 10 011 010 001 000", "11 000 001 011 010 101 100",
        "111 110 101 100 011 010 001 0001 00001 000001 0000001 00000001 000000001 0000000001 00000000001",
    };

    /** [table][TotalCoeff * 4 + TrailingOnes]: code bits and lengths; tables 0..2 by nC range, 3 for chroma DC. */
    static final int[][] COEFF_TOKEN_CODE = new int[4][17 * 4];
    static final int[][] COEFF_TOKEN_LEN = new int[4][17 * 4];
    /** [TotalCoeff - 1][total_zeros]. */
    static final int[][] TOTAL_ZEROS_CODE = new int[15][];
    static final int[][] TOTAL_ZEROS_LEN = new int[15][];
    static final int[][] TOTAL_ZEROS_DC_CODE = new int[3][];
    static final int[][] TOTAL_ZEROS_DC_LEN = new int[3][];
    /** [min(zerosLeft, 7) - 1][run_before]. */
    static final int[][] RUN_BEFORE_CODE = new int[7][];
    static final int[][] RUN_BEFORE_LEN = new int[7][];

    static {
        for (int t = 0; t < 4; t++) {
            String[] codes = COEFF_TOKEN[t].split(" ");
            int i = 0;
            int maxTotal = t == 3 ? 4 : 16;
            for (int total = 0; total <= maxTotal; total++) {
                for (int ones = 0; ones <= Math.min(3, total); ones++) {
                    COEFF_TOKEN_CODE[t][total * 4 + ones] = Integer.parseInt(codes[i], 2);
                    COEFF_TOKEN_LEN[t][total * 4 + ones] = codes[i].length();
                    i++;
                }
            }
            if (i != codes.length) {
                throw new AssertionError("coeff_token table " + t + " has " + codes.length + " codes");
            }
        }
        unpack(TOTAL_ZEROS, TOTAL_ZEROS_CODE, TOTAL_ZEROS_LEN);
        unpack(TOTAL_ZEROS_CHROMA_DC, TOTAL_ZEROS_DC_CODE, TOTAL_ZEROS_DC_LEN);
        unpack(RUN_BEFORE, RUN_BEFORE_CODE, RUN_BEFORE_LEN);
    }

    private CavlcTables() {
    }

    /**
     * The code tables for decoders outside this package (DiVA's H.264 decoder builds its lookup tables from them),
     * as copies: [0] codes, [1] lengths, each [table][index] as the package-private arrays above are laid out.
     * {@code which} is "coeff_token", "total_zeros", "total_zeros_chroma_dc" or "run_before".
     */
    public static int[][][] copy(String which) {
        return switch (which) {
            case "coeff_token" -> new int[][][] {deep(COEFF_TOKEN_CODE), deep(COEFF_TOKEN_LEN)};
            case "total_zeros" -> new int[][][] {deep(TOTAL_ZEROS_CODE), deep(TOTAL_ZEROS_LEN)};
            case "total_zeros_chroma_dc" -> new int[][][] {deep(TOTAL_ZEROS_DC_CODE), deep(TOTAL_ZEROS_DC_LEN)};
            case "run_before" -> new int[][][] {deep(RUN_BEFORE_CODE), deep(RUN_BEFORE_LEN)};
            default -> throw new IllegalArgumentException("no CAVLC table named " + which);
        };
    }

    private static int[][] deep(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static void unpack(String[] tables, int[][] code, int[][] len) {
        for (int t = 0; t < tables.length; t++) {
            String[] codes = tables[t].split(" ");
            code[t] = new int[codes.length];
            len[t] = new int[codes.length];
            for (int i = 0; i < codes.length; i++) {
                code[t][i] = Integer.parseInt(codes[i], 2);
                len[t][i] = codes[i].length();
            }
        }
    }
}
