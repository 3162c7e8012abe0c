package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
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

    /** 8.7.2.3 for one luma line transcribed as the standard writes it, branches and all: the oracle below. */
    private static int[] literalNormal(int[] v, int alpha, int beta, int tc0) {
        int p2 = v[1], p1 = v[2], p0 = v[3], q0 = v[4], q1 = v[5], q2 = v[6];
        int[] out = v.clone();
        if (!(Math.abs(p0 - q0) < alpha && Math.abs(p1 - p0) < beta && Math.abs(q1 - q0) < beta)) {
            return out;
        }
        int ap = Math.abs(p2 - p0);
        int aq = Math.abs(q2 - q0);
        int tc = tc0 + (ap < beta ? 1 : 0) + (aq < beta ? 1 : 0);
        int delta = Math.min(tc, Math.max(-tc, (((q0 - p0) << 2) + (p1 - q1) + 4) >> 3));
        out[3] = Math.min(255, Math.max(0, p0 + delta));
        out[4] = Math.min(255, Math.max(0, q0 - delta));
        if (ap < beta) {
            out[2] = p1 + Math.min(tc0, Math.max(-tc0, (p2 + ((p0 + q0 + 1) >> 1) - (p1 << 1)) >> 1));
        }
        if (aq < beta) {
            out[5] = q1 + Math.min(tc0, Math.max(-tc0, (q2 + ((p0 + q0 + 1) >> 1) - (q1 << 1)) >> 1));
        }
        return out;
    }

    @Test
    void branchFreeNormalFilterAgreesWithTheLiteralEquationsOnRandomLines() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20_000; trial++) {
            int base = random.nextInt(256);
            int spread = 1 + random.nextInt(trial % 2 == 0 ? 12 : 80);
            int[] v = new int[8];
            for (int i = 0; i < 8; i++) {
                v[i] = Math.max(0, Math.min(255, base + random.nextInt(2 * spread + 1) - spread));
            }
            int indexA = random.nextInt(52);
            int bS = 1 + random.nextInt(3);
            int alpha = DeblockTables.ALPHA[indexA];
            int beta = DeblockTables.BETA[random.nextInt(52)];
            int tc0 = DeblockTables.TC0[52 * (bS - 1) + indexA];
            byte[] s = line(v);
            EdgeFilter.luma(s, 4, 1, 8, 1, bS, alpha, beta, tc0);
            assertArrayEquals(literalNormal(v, alpha, beta, tc0), unsigned(s), "line " + java.util.Arrays.toString(v));
        }
    }

    /**
     * Vertical edges (step 1) take a packed path reading a line as one long; horizontal edges the per-sample one. The
     * same random lines, laid once across a vertical edge and once down a horizontal one, must come out equal.
     */
    @Test
    void packedVerticalPathAgreesWithThePerSamplePathOnRandomLines() {
        Random random = new Random(11);
        for (int trial = 0; trial < 5_000; trial++) {
            int base = random.nextInt(256);
            int spread = 1 + random.nextInt(trial % 2 == 0 ? 10 : 60);
            // 4 lines of 8 samples: rows of "across" (vertical edge), columns of "down" (horizontal edge).
            byte[] across = new byte[32];
            byte[] down = new byte[32];
            for (int line = 0; line < 4; line++) {
                for (int k = 0; k < 8; k++) {
                    byte v = (byte) Math.max(0, Math.min(255, base + random.nextInt(2 * spread + 1) - spread));
                    across[8 * line + k] = v;
                    down[4 * k + line] = v;
                }
            }
            int bS = 1 + random.nextInt(4);
            int indexA = random.nextInt(52);
            int alpha = DeblockTables.ALPHA[indexA];
            int beta = DeblockTables.BETA[random.nextInt(52)];
            int tc0 = bS < 4 ? DeblockTables.TC0[52 * (bS - 1) + indexA] : 0;
            boolean chroma = random.nextBoolean();
            if (chroma) {
                EdgeFilter.chroma(across, 4, 1, 8, 4, bS, alpha, beta, tc0);
                EdgeFilter.chroma(down, 16, 4, 1, 4, bS, alpha, beta, tc0);
            } else {
                EdgeFilter.luma(across, 4, 1, 8, 4, bS, alpha, beta, tc0);
                EdgeFilter.luma(down, 16, 4, 1, 4, bS, alpha, beta, tc0);
            }
            for (int line = 0; line < 4; line++) {
                for (int k = 0; k < 8; k++) {
                    int l = line;
                    int kk = k;
                    org.junit.jupiter.api.Assertions.assertEquals(down[4 * k + line], across[8 * line + k],
                            () -> "trial bS " + bS + " chroma " + chroma + " line " + l + " sample " + kk);
                }
            }
        }
    }
}
