package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diva.transcode.codec.H264ChromaQp;
import org.junit.jupiter.api.Test;

/** Scaling of levels checked against values worked out by hand from 14496-10 8.5.9-8.5.13 and Table 8-15. */
class DequantTest {
    private final Dequant flat = new Dequant(ReconTestSupport.flat4x4(), ReconTestSupport.flat8x8());

    @Test
    void scales4x4ByPositionClassAboveQp24() {
        // qP 28: m = 4 (v = 16, 25, 20), qP/6 = 4 so d = c * 16 * v << 0.
        int[] levels = new int[16];
        levels[0] = 1;
        levels[5] = 1;      // (1, 1): both odd
        levels[1] = -2;     // (0, 1): mixed
        levels[10] = 3;     // (2, 2): both even
        int[] out = new int[16];
        flat.scale4x4(levels, 0, out, 0, 28, false);
        assertEquals(256, out[0]);
        assertEquals(400, out[5]);
        assertEquals(-640, out[1]);
        assertEquals(768, out[10]);
        assertArrayEquals(new int[16], levels, "consumed levels are zeroed");
        levels[0] = 1;
        flat.scale4x4(levels, 0, out, 0, 40, false); // m = 4, qP/6 = 6: << 2
        assertEquals(1024, out[0]);
    }

    @Test
    void roundsBelowQp24WithTheWeightMatrix() {
        int[][] lists = ReconTestSupport.flat4x4();
        lists[3][0] = 17;
        Dequant d = new Dequant(lists, ReconTestSupport.flat8x8());
        int[] levels = new int[16];
        levels[0] = 3;
        int[] out = new int[16];
        // qP 10: m = 4, qP/6 = 1: (3 * 17 * 16 + 2^2) >> 3 = 820 >> 3 = 102.
        d.scale4x4(levels, 0, out, 3, 10, false);
        assertEquals(102, out[0]);
        levels[0] = 3;
        d.scale4x4(levels, 0, out, 0, 10, false); // the flat intra list: 3 * 16 << 1
        assertEquals(96, out[0]);
    }

    @Test
    void skipsTheDcWhenAskedAndLeavesItInTheLevels() {
        int[] levels = new int[32];
        levels[16] = 5;
        levels[17] = 1;
        int[] out = new int[16];
        out[0] = 77;
        flat.scale4x4(levels, 16, out, 1, 28, true);
        assertEquals(77, out[0]);
        assertEquals(320, out[1]);
        assertEquals(5, levels[16]);
        assertEquals(0, levels[17]);
    }

    @Test
    void scales8x8BySixPositionClasses() {
        int[] levels = new int[64];
        int[] out = new int[64];
        int[] pos = {0, 9, 18, 1, 2, 10};          // (0,0) (1,1) (2,2) (0,1) (0,2) (1,2)
        int[] v4 = {32, 28, 51, 30, 40, 38};        // normAdjust8x8 for m = 4
        for (int p : pos) {
            levels[p] = 1;
        }
        flat.scale8x8(levels, 0, out, 0, 40);       // qP/6 = 6: no shift
        for (int i = 0; i < pos.length; i++) {
            assertEquals(16 * v4[i], out[pos[i]], "position " + pos[i]);
        }
        assertArrayEquals(new int[64], levels);
        levels[0] = 2;
        flat.scale8x8(levels, 0, out, 1, 20);       // m = 2 (v = 26), qP/6 = 3: (2*416 + 4) >> 3
        assertEquals(104, out[0]);
    }

    @Test
    void chromaQpFollowsTable815() {
        assertEquals(29, H264ChromaQp.of(30, 0));
        assertEquals(38, H264ChromaQp.of(45, 0));
        assertEquals(39, H264ChromaQp.of(51, 0));
        assertEquals(39, H264ChromaQp.of(50, 12));
        assertEquals(15, H264ChromaQp.of(20, -5));
        assertEquals(0, H264ChromaQp.of(2, -12));
        assertEquals(34, H264ChromaQp.of(33, 3));
    }

    @Test
    void lumaDcHadamardAndScaling() {
        // A lone c00 spreads evenly: f = 1 everywhere, (1 * 256 + 2) >> 2 = 64 at qP 28.
        int[] dc = new int[16];
        dc[0] = 1;
        flat.lumaDc(dc, 28);
        for (int v : dc) {
            assertEquals(64, v);
        }
        // A lone c01: every row of f is the second row of the Hadamard matrix, (1, 1, -1, -1).
        dc = new int[16];
        dc[1] = 1;
        flat.lumaDc(dc, 28);
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(new int[] {64, 64, -64, -64}, java.util.Arrays.copyOfRange(dc, 4 * r, 4 * r + 4));
        }
        // A lone c20 (row 2): every column is the third row, (1, -1, -1, 1); qP 40 shifts left by 0 with LS 256.
        dc = new int[16];
        dc[8] = 2;
        flat.lumaDc(dc, 40);
        assertArrayEquals(new int[] {512, 512, 512, 512}, java.util.Arrays.copyOfRange(dc, 0, 4));
        assertArrayEquals(new int[] {-512, -512, -512, -512}, java.util.Arrays.copyOfRange(dc, 4, 8));
        assertArrayEquals(new int[] {-512, -512, -512, -512}, java.util.Arrays.copyOfRange(dc, 8, 12));
        assertArrayEquals(new int[] {512, 512, 512, 512}, java.util.Arrays.copyOfRange(dc, 12, 16));
    }

    @Test
    void chromaDcHadamardAndScaling() {
        int[] dc = {0, 0, 0, 0, 0, 1, 0, 0};
        // c01 = 1: f = (1, -1, 1, -1); ((1 * 256) << 4) >> 5 = 128 at QP'c 28.
        flat.chromaDc(dc, 4, 2, 28);
        assertArrayEquals(new int[] {0, 0, 0, 0, 128, -128, 128, -128}, dc);
        dc = new int[] {3, 0, 0, 0};
        flat.chromaDc(dc, 0, 1, 10); // LS 16 * 16 = 256, ((3 * 256) << 1) >> 5 = 48
        assertArrayEquals(new int[] {48, 48, 48, 48}, dc);
    }
}
