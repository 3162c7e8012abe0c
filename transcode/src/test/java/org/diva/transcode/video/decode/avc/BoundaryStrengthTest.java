package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** bS (14496-10 8.7.2.1) on hand-built two-macroblock pictures: macroblock 0 left of (or above) macroblock 1. */
class BoundaryStrengthTest {
    private final int[] bs = new int[32];

    private int[] derive(AvcPicture pic, int addr, boolean left, boolean top) {
        int[] coded = new int[pic.mbs()];
        for (int a = 0; a < pic.mbs(); a++) {
            coded[a] = BoundaryStrength.summary(pic, a % pic.widthMbs, a / pic.widthMbs, pic.kind[a]);
        }
        BoundaryStrength.derive(pic, coded, addr, left, top, bs);
        return bs;
    }

    /** bS of one edge: dir 0 vertical, 1 horizontal. */
    private int[] edge(int dir, int e) {
        return Arrays.copyOfRange(bs, 16 * dir + 4 * e, 16 * dir + 4 * e + 4);
    }

    @Test
    void intraMacroblockHasFourOnItsEdgesAndThreeInside() {
        AvcPicture pic = DeblockPictures.intra(2, 2, 30);
        derive(pic, 3, true, true);
        for (int dir = 0; dir < 2; dir++) {
            assertArrayEquals(new int[] {4, 4, 4, 4}, edge(dir, 0));
            for (int e = 1; e < 4; e++) {
                assertArrayEquals(new int[] {3, 3, 3, 3}, edge(dir, e));
            }
        }
    }

    @Test
    void intra8x8MacroblockHasNoEdgesAtFourAndTwelve() {
        AvcPicture pic = DeblockPictures.intra(2, 1, 30);
        pic.kind[1] = MbKind.INTRA | MbKind.I8X8 | MbKind.T8X8;
        int edges = BoundaryStrength.derive(pic, new int[2], 1, true, false, bs);
        assertArrayEquals(new int[] {4, 4, 4, 4}, edge(0, 0));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(0, 1));
        assertArrayEquals(new int[] {3, 3, 3, 3}, edge(0, 2));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(0, 3));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(1, 0));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(1, 1));
        assertEquals(0b0100_0101, edges);
    }

    @Test
    void interMacroblockBesideAnIntraOneHasFourOnThatEdgeOnly() {
        AvcPicture pic = DeblockPictures.inter(2, 1, 30);
        pic.kind[0] = MbKind.INTRA | MbKind.I16X16;
        derive(pic, 1, true, false);
        assertArrayEquals(new int[] {4, 4, 4, 4}, edge(0, 0));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(0, 1));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(1, 1));
    }

    @Test
    void unfilteredMacroblockEdgeHasStrengthZero() {
        AvcPicture pic = DeblockPictures.intra(2, 1, 30);
        derive(pic, 1, false, false);
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(0, 0));
        assertArrayEquals(new int[] {3, 3, 3, 3}, edge(0, 1));
    }

    @Test
    void codedBlocksGiveTwoOnBothTheirEdges() {
        AvcPicture pic = DeblockPictures.inter(2, 1, 30);
        // Block (1, 2) of macroblock 1 and block (3, 0) of macroblock 0 have coefficients.
        pic.lumaCoeffs[pic.block4(1, 0, 1, 2)] = 3;
        pic.lumaCoeffs[pic.block4(0, 0, 3, 0)] = 1;
        derive(pic, 1, true, false);
        assertArrayEquals(new int[] {2, 0, 0, 0}, edge(0, 0));
        assertArrayEquals(new int[] {0, 0, 2, 0}, edge(0, 1));
        assertArrayEquals(new int[] {0, 0, 2, 0}, edge(0, 2));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(0, 3));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(1, 1));
        assertArrayEquals(new int[] {0, 2, 0, 0}, edge(1, 2));
        assertArrayEquals(new int[] {0, 2, 0, 0}, edge(1, 3));
    }

    @Test
    void transform8x8BlockCountsAsCodedWholeAndSkipsItsInnerEdges() {
        AvcPicture pic = DeblockPictures.inter(2, 1, 30);
        pic.kind[1] = MbKind.T8X8;
        // Only one of the four 4x4 entries of 8x8 block 3 (bottom right) carries a count.
        pic.lumaCoeffs[pic.block4(1, 0, 2, 3)] = 5;
        derive(pic, 1, true, false);
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(0, 0));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(0, 1));
        assertArrayEquals(new int[] {0, 0, 2, 2}, edge(0, 2));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(0, 3));
        assertArrayEquals(new int[] {0, 0, 2, 2}, edge(1, 2));
        assertArrayEquals(new int[] {0, 0, 0, 0}, edge(1, 3));
    }

    @Test
    void motionVectorDifferenceOfFourQuarterSamplesGivesOneButThreeDoesNot() {
        AvcPicture pic = DeblockPictures.inter(2, 1, 30);
        DeblockPictures.mv(pic, 4, 0, 4, 0);
        DeblockPictures.mv(pic, 4, 1, 3, 0);
        DeblockPictures.mv(pic, 4, 2, 0, -4);
        DeblockPictures.mv(pic, 4, 3, 3, -3);
        derive(pic, 1, true, false);
        assertArrayEquals(new int[] {1, 0, 1, 0}, edge(0, 0));
        // The same four blocks against their right-hand neighbours inside macroblock 1.
        assertArrayEquals(new int[] {1, 0, 1, 0}, edge(0, 1));
    }

    @Test
    void differentReferencePicturesOrNumbersOfVectorsGiveOne() {
        AvcPicture pic = DeblockPictures.inter(2, 1, 30);
        int row0 = pic.block4(1, 0, 0, 0);
        int row1 = pic.block4(1, 0, 0, 1);
        int row2 = pic.block4(1, 0, 0, 2);
        pic.refPic[0][row0] = 8;
        // Same picture through list 1 instead of list 0: the same reference, so no edge.
        pic.refPic[0][row1] = -1;
        pic.refPic[1][row1] = DeblockPictures.REF;
        // Bi-predicted against single-predicted: a different number of motion vectors.
        pic.refPic[1][row2] = 9;
        derive(pic, 1, true, false);
        assertArrayEquals(new int[] {1, 0, 1, 0}, edge(0, 0));
    }

    @Test
    void biPredictedBlocksPairVectorsByPicture() {
        AvcPicture pic = DeblockPictures.inter(2, 1, 30);
        int p = pic.block4(0, 0, 3, 0);
        int q = pic.block4(1, 0, 0, 0);
        pic.refPic[0][p] = 7;
        pic.refPic[1][p] = 9;
        pic.refPic[0][q] = 9;
        pic.refPic[1][q] = 7;
        setMv(pic, 0, p, 10, 0);
        setMv(pic, 1, p, -20, 0);
        // q names the same two pictures in the other lists, with the vectors to match: no edge.
        setMv(pic, 0, q, -20, 0);
        setMv(pic, 1, q, 10, 0);
        assertEquals(0, BoundaryStrength.motion(pic, p, q));
        setMv(pic, 1, q, 14, 0);
        assertEquals(1, BoundaryStrength.motion(pic, p, q));
        pic.refPic[1][q] = 8;
        setMv(pic, 1, q, 10, 0);
        assertEquals(1, BoundaryStrength.motion(pic, p, q));
    }

    @Test
    void samePictureTwiceMatchesWhenEitherPairingIsClose() {
        AvcPicture pic = DeblockPictures.inter(2, 1, 30);
        int p = pic.block4(0, 0, 3, 0);
        int q = pic.block4(1, 0, 0, 0);
        pic.refPic[1][p] = 7;
        pic.refPic[1][q] = 7;
        setMv(pic, 0, p, 0, 0);
        setMv(pic, 1, p, 16, 0);
        setMv(pic, 0, q, 16, 0);
        setMv(pic, 1, q, 1, 0);
        // Straight pairing far (0 vs 16), crossed pairing close (0 vs 1, 16 vs 16).
        assertEquals(0, BoundaryStrength.motion(pic, p, q));
        setMv(pic, 1, q, 4, 0);
        // Now both pairings have a component 4 or more apart.
        assertEquals(1, BoundaryStrength.motion(pic, p, q));
    }

    @Test
    void summaryFlagsUniformMotionAndUniform8x8Blocks() {
        AvcPicture pic = DeblockPictures.inter(3, 1, 30);
        // Macroblock 1: each 8x8 block its own vector; macroblock 2: one 4x4 block differs.
        for (int by = 0; by < 4; by++) {
            for (int bx = 0; bx < 4; bx++) {
                DeblockPictures.mv(pic, 4 + bx, by, bx / 2 * 8, by / 2 * 8);
            }
        }
        pic.refPic[1][pic.block4(2, 0, 3, 3)] = 9;
        int u = BoundaryStrength.UNIFORM | BoundaryStrength.QUADS;
        assertEquals(u, BoundaryStrength.summary(pic, 0, 0, 0) & u);
        assertEquals(BoundaryStrength.QUADS, BoundaryStrength.summary(pic, 1, 0, 0) & u);
        assertEquals(0, BoundaryStrength.summary(pic, 2, 0, 0) & u);
    }

    @Test
    void summaryCountsCoefficientsOnlyWhereTheCodedBlockPatternSaysSo() {
        AvcPicture pic = DeblockPictures.inter(1, 1, 30);
        pic.lumaCoeffs[pic.block4(0, 0, 1, 0)] = 2;
        pic.lumaCoeffs[pic.block4(0, 0, 3, 3)] = 1;
        pic.cbp[0] = 0b1000;
        assertEquals(1 << 15, BoundaryStrength.summary(pic, 0, 0, 0) & 0xFFFF);
        assertEquals(0, BoundaryStrength.summary(pic, 0, 0, MbKind.INTRA | MbKind.I4X4));
    }

    /**
     * derive's shortcuts (whole-edge coefficient masks, UNIFORM / QUADS macroblocks) against its plain path (coded
     * masks without the flags, every segment's motion compared) on random B-like pictures.
     */
    @Test
    void shortcutsAgreeWithThePlainDerivationOnRandomPictures() {
        java.util.Random random = new java.util.Random(5);
        int[] plain = new int[32];
        for (int trial = 0; trial < 40; trial++) {
            AvcPicture pic = DeblockPictures.inter(6, 5, 30);
            for (int addr = 0; addr < pic.mbs(); addr++) {
                randomMacroblock(pic, addr, random);
            }
            int[] summaries = new int[pic.mbs()];
            int[] masks = new int[pic.mbs()];
            for (int a = 0; a < pic.mbs(); a++) {
                summaries[a] = BoundaryStrength.summary(pic, a % 6, a / 6, pic.kind[a]);
                masks[a] = BoundaryStrength.codedMask(pic, a % 6, a / 6, pic.kind[a]);
            }
            for (int addr = 0; addr < pic.mbs(); addr++) {
                boolean left = addr % 6 > 0;
                boolean top = addr >= 6;
                int edgesFast = BoundaryStrength.derive(pic, summaries, addr, left, top, bs);
                int edgesPlain = BoundaryStrength.derive(pic, masks, addr, left, top, plain);
                assertArrayEquals(plain, bs, "trial " + trial + " macroblock " + addr);
                assertEquals(edgesPlain, edgesFast);
            }
        }
    }

    /** Intra, uniform, 8x8-uniform or fully random motion over two pictures, sometimes bi-predicted, some coefficients. */
    private static void randomMacroblock(AvcPicture pic, int addr, java.util.Random random) {
        int mbX = addr % pic.widthMbs;
        int mbY = addr / pic.widthMbs;
        int shape = random.nextInt(4);
        boolean skip = shape == 1 && random.nextBoolean();
        pic.kind[addr] = shape == 0 && random.nextInt(3) == 0 ? MbKind.INTRA | MbKind.I4X4
                : skip ? MbKind.SKIP : random.nextBoolean() ? MbKind.T8X8 : 0;
        int cbp = 0;
        int[][] motion = new int[16][];
        for (int b = 0; b < 16; b++) {
            int bx = b % 4;
            int by = b / 4;
            int source = shape == 1 ? 0 : shape == 2 ? (bx & 2) + 4 * (by & 2) : b;
            motion[b] = source == b || motion[source] == null ? randomMotion(random) : motion[source];
            int blk = pic.block4(mbX, mbY, bx, by);
            boolean intra = (pic.kind[addr] & MbKind.INTRA) != 0;
            pic.refPic[0][blk] = intra ? -1 : motion[b][0];
            pic.refPic[1][blk] = intra ? -1 : motion[b][1];
            setMv(pic, 0, blk, motion[b][2], motion[b][3]);
            setMv(pic, 1, blk, motion[b][4], motion[b][5]);
            pic.lumaCoeffs[blk] = (byte) (!skip && random.nextInt(8) == 0 ? 1 + random.nextInt(4) : 0);
            cbp |= pic.lumaCoeffs[blk] != 0 ? 1 << (bx / 2 + 2 * (by / 2)) : 0;
        }
        pic.cbp[addr] = (byte) cbp;
    }

    private static int[] randomMotion(java.util.Random random) {
        int use = random.nextInt(3);
        int ref0 = use == 1 ? -1 : 7 + random.nextInt(2);
        int ref1 = use == 0 ? -1 : 7 + random.nextInt(2);
        return new int[] {ref0, ref1, ref0 < 0 ? 0 : random.nextInt(9) - 4, ref0 < 0 ? 0 : random.nextInt(9) - 4,
                ref1 < 0 ? 0 : random.nextInt(9) - 4, ref1 < 0 ? 0 : random.nextInt(9) - 4};
    }

    private static void setMv(AvcPicture pic, int list, int block, int x, int y) {
        pic.mv[list][2 * block] = (short) x;
        pic.mv[list][2 * block + 1] = (short) y;
    }
}
