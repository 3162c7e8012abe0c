package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.diva.transcode.probe.MediaFormatException;
import org.junit.jupiter.api.Test;

/** residual_block_cavlc on hand-made bit strings whose meaning follows from 14496-10 9.2 by hand. */
class CavlcResidualTest {

    /** The bit string (spaces ignored) followed by an rbsp_stop_one_bit and zero padding. */
    static byte[] rbsp(String bits) {
        String b = bits.replace(" ", "") + "1";
        byte[] out = new byte[(b.length() + 7) / 8];
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) == '1') {
                out[i / 8] |= (byte) (0x80 >> (i % 8));
            }
        }
        return out;
    }

    private static CavlcBits bits(String s) throws MediaFormatException {
        return new CavlcBits(rbsp(s), 0);
    }

    @Test
    void zigZagScansAreTheStandardsTables() {
        // Table 8-12 / 8-13 (frame scan), as raster positions
        assertArrayEquals(new int[] {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15}, Scans.ZIGZAG_4X4);
        int[] z8 = Scans.ZIGZAG_8X8;
        assertArrayEquals(new int[] {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5},
                java.util.Arrays.copyOf(z8, 16));
        assertEquals(63, z8[63]);
        assertEquals(62, z8[62]);
        assertEquals(55, z8[61]);
    }

    @Test
    void workedExampleWithThreeTrailingOnesAndRuns() throws Exception {
        // Block  0  3 -1  0 / 0 -1  1  0 / 1  0  0  0 / 0 ...: scan 0 3 0 1 -1 -1 0 1, TotalCoeff 5, T1s 3, zeros 3.
        // coeff_token(nC 0) 0000100, signs + - -, level +1 "1", level +3 "0010" (suffixLength 1), total_zeros 3
        // "111", run_before 1 "10", 0 "1", 0 "1", 1 "01".
        CavlcBits b = bits("0000100 0 1 1 1 0010 111 10 1 1 01");
        int[] out = new int[16];
        int total = new CavlcResidual(b).read(0, 16, out, 0, Scans.ZIGZAG_4X4, 0, 1);
        assertEquals(5, total);
        assertArrayEquals(new int[] {0, 3, -1, 0, 0, -1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0}, out);
        assertFalse(b.more());
    }

    @Test
    void levelPrefix14EscapeReadsFourSuffixBits() throws Exception {
        // TotalCoeff 1, T1s 0 (nC 0: 000101); level_prefix 14, suffixLength 0 -> 4-bit suffix 5: levelCode 14 + 5 + 2
        // (first level after < 3 trailing ones) = 21 -> -11; total_zeros 0 "1".
        int[] out = new int[16];
        new CavlcResidual(bits("000101 00000000000000 1 0101 1")).read(0, 16, out, 0, Scans.ZIGZAG_4X4, 0, 1);
        assertEquals(-11, out[0]);
    }

    @Test
    void levelPrefix16EscapeAddsTheExtendedRange() throws Exception {
        // level_prefix 16, suffixLength 0: 13 suffix bits (0), levelCode 15 + 0 + 15 + (1 << 13) - 4096 + 2 = 4128
        // -> level 2065.
        int[] out = new int[16];
        new CavlcResidual(bits("000101 0000000000000000 1 0000000000000 1"))
                .read(0, 16, out, 0, Scans.ZIGZAG_4X4, 0, 1);
        assertEquals(2065, out[0]);
    }

    @Test
    void acBlocksStartAtScanPositionOneAndEightByEightInterleaves() throws Exception {
        // One coefficient +1 (token 01 for nC 0, T1 1), sign 0, total_zeros 2 (table 1: "010"): list index 2.
        int[] ac = new int[16];
        new CavlcResidual(bits("01 0 010")).read(0, 15, ac, 0, Scans.ZIGZAG_4X4, 1, 1);
        assertEquals(1, ac[Scans.ZIGZAG_4X4[3]]); // AC list index 2 = scan position 3 = raster 8
        assertEquals(1, ac[8]);
        int[] b8 = new int[64];
        new CavlcResidual(bits("01 1 010")).read(0, 16, b8, 0, Scans.ZIGZAG_8X8, 3, 4);
        // coefficient 2 of the 4th 4x4 -> 8x8 scan index 4 * 2 + 3 = 11 -> raster 25
        assertEquals(-1, b8[25]);
    }

    @Test
    void chromaDcUsesItsOwnTables() throws Exception {
        // nC -1: TotalCoeff 2, T1s 2 = "001"; signs - +; total_zeros (chroma DC table 2) 1 = "01"; run_before(1) 0 "1"
        int[] dc = new int[4];
        new CavlcResidual(bits("001 1 0 01 1")).read(-1, 4, dc, 0, CavlcResidual.IDENTITY4, 0, 1);
        // levels[0] = -1 at index TotalCoeff - 1 + total_zeros = 2, then run 0: +1 at index 1
        assertArrayEquals(new int[] {0, 1, -1, 0}, dc);
    }

    @Test
    void totalZerosBeyondTheBlockIsRefused() {
        // TotalCoeff 1 with total_zeros 15 ("000000001") in a 15-coefficient AC block cannot fit
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> new CavlcResidual(
                bits("01 0 000000001")).read(0, 15, new int[16], 0, Scans.ZIGZAG_4X4, 1, 1));
        assertEquals(true, e.getMessage().contains("total_zeros 15"), e.getMessage());
    }

    @Test
    void readingPastTheStopBitIsReported() throws Exception {
        // a lone coeff_token for 5 coefficients and nothing after it: the block runs into the stop bit
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> new CavlcResidual(
                new CavlcBits(rbsp("0000100"), 0)).read(0, 16, new int[16], 0, Scans.ZIGZAG_4X4, 0, 1));
        assertEquals(true, e.getMessage().contains("ends at bit 7"), e.getMessage());
    }
}
