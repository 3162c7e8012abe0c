package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Spot checks of the tables copied from JCodec against entries of the standard's tables (their orientation). */
class CabacTablesTest {

    @Test
    void rangeTableIsIndexedByStateThenRangeQuarter() {
        // Table 9-44, pStateIdx 0: 128 176 208 240; pStateIdx 63: 2 2 2 2; pStateIdx 46: 13 16 19 22.
        assertArrayEquals(new int[] {128, 176, 208, 240}, row(0));
        assertArrayEquals(new int[] {13, 16, 19, 22}, row(46));
        assertArrayEquals(new int[] {2, 2, 2, 2}, row(63));
    }

    @Test
    void stateTransitions() {
        // Table 9-45: transIdxLPS(0) = 0 with the MPS flipped, transIdxLPS(10) = 8, transIdxMPS(62) = 62.
        assertEquals(1, CabacTables.NEXT_LPS[0]);
        assertEquals(8 << 1 | 1, CabacTables.NEXT_LPS[10 << 1 | 1]);
        assertEquals(62 << 1, CabacTables.NEXT_MPS[62 << 1]);
        assertEquals(11 << 1, CabacTables.NEXT_MPS[10 << 1]);
    }

    @Test
    void initTablesCoverAllFrameContextsInStandardOrder() {
        // Table 9-12: ctxIdx 0 (20, -15) in every table; Table 9-13: ctxIdx 11 for cabac_init_idc 0..2.
        assertEquals(20, CabacTables.M[0][0]);
        assertEquals(-15, CabacTables.N[0][0]);
        assertEquals(23, CabacTables.M[1][11]);
        assertEquals(33, CabacTables.N[1][11]);
        assertEquals(22, CabacTables.M[2][11]);
        assertEquals(25, CabacTables.N[2][11]);
        assertEquals(29, CabacTables.M[3][11]);
        assertEquals(16, CabacTables.N[3][11]);
        // Table 9-33 (ctxIdx 436..459, field 8x8) exists; 459 for I slices is (-12, 73) ... only its presence matters.
        assertEquals(460, CabacTables.M[0].length);
    }

    @Test
    void eightByEightMapsAndScans() {
        // Table 9-43, frame coded: sig ctxIdxInc for positions 0..7 and 62, last for 0, 1, 16, 62.
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 5, 4}, java.util.Arrays.copyOf(CabacTables.SIG_8X8, 8));
        assertEquals(12, CabacTables.SIG_8X8[62]);
        assertEquals(0, CabacTables.LAST_8X8[0]);
        assertEquals(1, CabacTables.LAST_8X8[1]);
        assertEquals(2, CabacTables.LAST_8X8[16]);
        assertEquals(8, CabacTables.LAST_8X8[62]);
        assertArrayEquals(new int[] {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15}, Scans.ZIGZAG_4X4);
        // Figure 8-9 (8x8 frame zig-zag): 0 1 8 16 9 2 3 10 17 24 ... ending 55 62 63.
        assertArrayEquals(new int[] {0, 1, 8, 16, 9, 2, 3, 10, 17, 24}, java.util.Arrays.copyOf(Scans.ZIGZAG_8X8, 10));
        assertEquals(63, Scans.ZIGZAG_8X8[63]);
        assertEquals(62, Scans.ZIGZAG_8X8[62]);
        assertEquals(55, Scans.ZIGZAG_8X8[61]);
    }

    private static int[] row(int p) {
        int[] r = new int[4];
        for (int q = 0; q < 4; q++) {
            r[q] = CabacTables.RANGE_LPS[p << 2 | q];
        }
        return r;
    }
}
