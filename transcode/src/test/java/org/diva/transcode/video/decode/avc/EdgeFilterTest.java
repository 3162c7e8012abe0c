package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** One line across an edge, each expected value worked by hand from 14496-10 equations 8-460 to 8-485. */
class EdgeFilterTest {
    /** p3 p2 p1 p0 | q0 q1 q2 q3, q0 at index 4. */
    private static byte[] line(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static int[] unsigned(byte[] b) {
        int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] & 0xFF;
        }
        return v;
    }

    @Test
    void lumaNormalFilterMovesP0Q0ByDeltaAndP1Q1ByTc0() {
        byte[] s = line(58, 60, 62, 64, 72, 74, 74, 75);
        // tC = 2 + 1 + 1; delta = (32 - 12 + 4) >> 3 = 3; p1' = 62 + (60 + 68 - 124) >> 1; q1' = 74 + clip(-3, 2).
        EdgeFilter.luma(s, 4, 1, 8, 1, 2, 20, 6, 2);
        assertArrayEquals(new int[] {58, 60, 64, 67, 69, 72, 74, 75}, unsigned(s));
    }

    @Test
    void lumaNormalFilterLeavesP1AloneWhereThePSideIsNotFlat() {
        byte[] s = line(58, 50, 62, 64, 72, 74, 74, 75);
        // ap = 14 >= beta: tC = 2 + 0 + 1 = 3, delta = 3, p1 untouched.
        EdgeFilter.luma(s, 4, 1, 8, 1, 1, 20, 6, 2);
        assertArrayEquals(new int[] {58, 50, 62, 67, 69, 72, 74, 75}, unsigned(s));
    }

    @Test
    void lumaStrongFilterWhenFlatAndTheStepIsSmall() {
        byte[] s = line(58, 60, 62, 64, 72, 74, 74, 75);
        // alpha 40: |p0 - q0| = 8 < 40/4 + 2, both sides flat: the three-deep filters 8-476..8-478 and 8-483..8-485.
        EdgeFilter.luma(s, 4, 1, 8, 1, 4, 40, 6, 0);
        assertArrayEquals(new int[] {58, 62, 65, 66, 70, 71, 73, 75}, unsigned(s));
    }

    @Test
    void lumaStrongFilterFallsBackToThreeTapsWhenTheStepIsLarge() {
        byte[] s = line(58, 60, 62, 64, 72, 74, 74, 75);
        // alpha 20: 8 >= 20/4 + 2, so only p0 and q0 change (8-479, 8-486).
        EdgeFilter.luma(s, 4, 1, 8, 1, 4, 20, 6, 0);
        assertArrayEquals(new int[] {58, 60, 62, 66, 71, 74, 74, 75}, unsigned(s));
    }

    @Test
    void nothingChangesWhenFilterSamplesFlagIsOff() {
        byte[] s = line(58, 60, 62, 64, 72, 74, 74, 75);
        EdgeFilter.luma(s, 4, 1, 8, 1, 4, 8, 6, 0);
        EdgeFilter.luma(s, 4, 1, 8, 1, 2, 20, 2, 5);
        EdgeFilter.chroma(s, 4, 1, 8, 1, 4, 8, 6, 0);
        assertArrayEquals(new int[] {58, 60, 62, 64, 72, 74, 74, 75}, unsigned(s));
    }

    @Test
    void chromaNormalFilterUsesTc0PlusOneAndOnlyP0Q0() {
        byte[] s = line(58, 60, 62, 64, 72, 74, 74, 75);
        // tC = 1 + 1 = 2 clips delta 3 to 2.
        EdgeFilter.chroma(s, 4, 1, 8, 1, 2, 20, 6, 1);
        assertArrayEquals(new int[] {58, 60, 62, 66, 70, 74, 74, 75}, unsigned(s));
    }

    @Test
    void chromaStrongFilterIsTheThreeTap() {
        byte[] s = line(58, 60, 62, 64, 72, 74, 74, 75);
        EdgeFilter.chroma(s, 4, 1, 8, 1, 4, 20, 6, 0);
        assertArrayEquals(new int[] {58, 60, 62, 66, 71, 74, 74, 75}, unsigned(s));
    }

    @Test
    void stepAndAlongAddressAHorizontalEdgeInAPlane() {
        // 2 columns x 8 rows, stride 2; the edge lies between rows 3 and 4; both columns filtered.
        byte[] s = new byte[16];
        int[] column = {58, 60, 62, 64, 72, 74, 74, 75};
        for (int r = 0; r < 8; r++) {
            s[2 * r] = (byte) column[r];
            s[2 * r + 1] = (byte) column[r];
        }
        EdgeFilter.luma(s, 8, 2, 1, 2, 2, 20, 6, 2);
        int[] expected = {58, 60, 64, 67, 69, 72, 74, 75};
        for (int r = 0; r < 8; r++) {
            assertArrayEquals(new int[] {expected[r], expected[r]}, new int[] {s[2 * r] & 0xFF, s[2 * r + 1] & 0xFF});
        }
    }
}
