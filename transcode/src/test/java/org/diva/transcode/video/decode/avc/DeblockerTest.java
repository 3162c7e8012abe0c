package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Whole pictures through {@link Deblocker}, every expected sample worked by hand from 14496-10 8.7.2 (QP 36: alpha 50,
 * beta 11, tC0 2 / 3 / 4 for bS 1 / 2 / 3; chroma QPc 34: alpha 40, beta 10).
 */
class DeblockerTest {
    private static final IntFunction<Pps> NO_OFFSETS = id -> DeblockPictures.pps(0, 0);

    private final Deblocker deblocker = new Deblocker();

    /** Two macroblocks side by side, luma 60 left of x = split and 90 from there on, chroma flat 128. */
    private static AvcPicture twoWide(AvcPicture pic, int split) {
        DeblockPictures.lumaColumns(pic, 0, split, 60);
        DeblockPictures.lumaColumns(pic, split, 16 * pic.widthMbs, 90);
        Arrays.fill(pic.cb, (byte) 128);
        Arrays.fill(pic.cr, (byte) 128);
        return pic;
    }

    private static void assertEveryRow(AvcPicture pic, int x0, int[] expected) {
        for (int y = 0; y < 16 * pic.heightMbs; y++) {
            assertArrayEquals(expected, DeblockPictures.lumaRow(pic, y, x0, x0 + expected.length), "row " + y);
        }
    }

    @Test
    void intraMacroblockEdgeGetsTheBs4Filter() {
        AvcPicture pic = twoWide(DeblockPictures.intra(2, 1, 36), 16);
        DeblockPictures.chromaColumns(pic.cb, pic, 0, 8, 100);
        DeblockPictures.chromaColumns(pic.cb, pic, 8, 16, 110);
        deblocker.filter(pic, NO_OFFSETS);
        // |p0 - q0| = 30 is not below alpha / 4 + 2 = 14: only p0 and q0 change (8-479, 8-486).
        assertEveryRow(pic, 12, new int[] {60, 60, 60, 68, 83, 90, 90, 90});
        for (int y = 0; y < 8; y++) {
            assertArrayEquals(new int[] {100, 103, 108, 110}, DeblockPictures.chromaRow(pic.cb, pic, y, 6, 10));
            assertArrayEquals(new int[] {128, 128, 128, 128}, DeblockPictures.chromaRow(pic.cr, pic, y, 6, 10));
        }
    }

    @Test
    void horizontalMacroblockEdgeIsFilteredDownColumns() {
        AvcPicture pic = DeblockPictures.intra(1, 2, 36);
        Arrays.fill(pic.y, 0, 16 * 16, (byte) 60);
        Arrays.fill(pic.y, 16 * 16, 32 * 16, (byte) 90);
        Arrays.fill(pic.cb, 0, 8 * 8, (byte) 100);
        Arrays.fill(pic.cb, 8 * 8, 16 * 8, (byte) 110);
        Arrays.fill(pic.cr, (byte) 128);
        deblocker.filter(pic, NO_OFFSETS);
        for (int x = 0; x < 16; x++) {
            assertArrayEquals(new int[] {60, 68, 83, 90}, new int[] {pic.y[14 * 16 + x] & 0xFF,
                    pic.y[15 * 16 + x] & 0xFF, pic.y[16 * 16 + x] & 0xFF, pic.y[17 * 16 + x] & 0xFF}, "column " + x);
        }
        for (int x = 0; x < 8; x++) {
            assertArrayEquals(new int[] {103, 108}, new int[] {pic.cb[7 * 8 + x] & 0xFF, pic.cb[8 * 8 + x] & 0xFF});
        }
    }

    @Test
    void intraInternalEdgeGetsBs3AndLaterEdgesSeeTheFilteredSamples() {
        AvcPicture pic = twoWide(DeblockPictures.intra(1, 1, 36), 8);
        deblocker.filter(pic, NO_OFFSETS);
        // Edge 8: tC = 4 + 2, delta 11 -> 6, p1/q1 moved by tC0 4. Edge 12 then sees p2 = 86 and moves p1 90 -> 88.
        assertEveryRow(pic, 0, new int[] {60, 60, 60, 60, 60, 60, 64, 66, 84, 86, 88, 90, 90, 90, 90, 90});
    }

    @Test
    void codedBlocksGetBs2() {
        AvcPicture pic = twoWide(DeblockPictures.inter(1, 1, 36), 8);
        Arrays.fill(pic.lumaCoeffs, (byte) 1);
        deblocker.filter(pic, NO_OFFSETS);
        assertEveryRow(pic, 0, new int[] {60, 60, 60, 60, 60, 60, 63, 65, 85, 87, 88, 90, 90, 90, 90, 90});
    }

    @Test
    void motionVectorDifferenceAcrossTheMacroblockEdgeGetsBs1() {
        AvcPicture pic = twoWide(DeblockPictures.inter(2, 1, 36), 16);
        for (int y4 = 0; y4 < 4; y4++) {
            for (int x4 = 4; x4 < 8; x4++) {
                DeblockPictures.mv(pic, x4, y4, 4, 0);
            }
        }
        deblocker.filter(pic, NO_OFFSETS);
        assertEveryRow(pic, 12, new int[] {60, 60, 62, 64, 86, 88, 90, 90});
    }

    @Test
    void sameMotionAndNoCoefficientsLeaveEverySampleAlone() {
        AvcPicture pic = twoWide(DeblockPictures.inter(2, 2, 36), 16);
        byte[] before = pic.y.clone();
        deblocker.filter(pic, NO_OFFSETS);
        assertArrayEquals(before, pic.y);
    }

    @Test
    void transform8x8MacroblockSkipsTheEdgeAtFour() {
        AvcPicture pic = twoWide(DeblockPictures.inter(1, 1, 36), 4);
        Arrays.fill(pic.lumaCoeffs, (byte) 1);
        pic.kind[0] = MbKind.T8X8;
        byte[] before = pic.y.clone();
        deblocker.filter(pic, NO_OFFSETS);
        assertArrayEquals(before, pic.y);
        pic.kind[0] = 0;
        deblocker.filter(pic, NO_OFFSETS);
        assertEveryRow(pic, 0, new int[] {60, 60, 63, 65, 85, 87, 88, 90});
    }

    @Test
    void chromaUsesTc0PlusOneAndTheBsOfTheLumaRowsItCovers() {
        AvcPicture pic = DeblockPictures.inter(2, 1, 36);
        Arrays.fill(pic.y, (byte) 80);
        for (byte[] plane : new byte[][] {pic.cb, pic.cr}) {
            DeblockPictures.chromaColumns(plane, pic, 0, 8, 100);
            DeblockPictures.chromaColumns(plane, pic, 8, 16, 110);
        }
        // Only the top-left 4x4 block of macroblock 1 moves: bS 1 on luma rows 0-3, i.e. chroma rows 0-1.
        DeblockPictures.mv(pic, 4, 0, 4, 0);
        deblocker.filter(pic, NO_OFFSETS);
        for (byte[] plane : new byte[][] {pic.cb, pic.cr}) {
            for (int y = 0; y < 8; y++) {
                int[] expected = y < 2 ? new int[] {100, 103, 107, 110} : new int[] {100, 100, 110, 110};
                assertArrayEquals(expected, DeblockPictures.chromaRow(plane, pic, y, 6, 10), "chroma row " + y);
            }
        }
    }

    @Test
    void edgeQpIsTheMeanOfBothMacroblocksWithChromaMappedPerMacroblockAndPerComponentOffset() {
        AvcPicture pic = DeblockPictures.intra(2, 1, 0);
        pic.qp[0] = 20;
        pic.qp[1] = 40;
        DeblockPictures.lumaColumns(pic, 0, 16, 60);
        DeblockPictures.lumaColumns(pic, 16, 32, 70);
        for (byte[] plane : new byte[][] {pic.cb, pic.cr}) {
            DeblockPictures.chromaColumns(plane, pic, 0, 8, 100);
            DeblockPictures.chromaColumns(plane, pic, 8, 16, 121);
        }
        deblocker.filter(pic, id -> DeblockPictures.pps(0, 2));
        // Luma qPav 30 (alpha 25): the step 10 is not below 25 / 4 + 2, so the bS 4 filter stays shallow.
        assertEveryRow(pic, 14, new int[] {60, 63, 68, 70});
        for (int y = 0; y < 8; y++) {
            // Cb: (QPc(20) + QPc(40) + 1) / 2 = 28, alpha 20 <= 21: untouched (QPc of the mean QP, 29, would filter).
            assertArrayEquals(new int[] {100, 121}, DeblockPictures.chromaRow(pic.cb, pic, y, 7, 9));
            // Cr with offset 2: (22 + 37 + 1) / 2 = 30, alpha 25: filtered.
            assertArrayEquals(new int[] {105, 116}, DeblockPictures.chromaRow(pic.cr, pic, y, 7, 9));
        }
    }

    /** Intra 2x1 at QP 36, luma 60 | 90 at the macroblock edge and 90 | 120 at x = 24, the two in separate slices. */
    private static AvcPicture twoSlices(int idc1, int offsetA0, int offsetA1, boolean sameSlice) {
        AvcPicture pic = twoWide(DeblockPictures.intra(2, 1, 36), 16);
        DeblockPictures.lumaColumns(pic, 24, 32, 120);
        pic.slices.set(0, DeblockPictures.header(0, 0, offsetA0, 0));
        if (!sameSlice) {
            pic.slices.add(DeblockPictures.header(1, idc1, offsetA1, 0));
            pic.sliceId[1] = 1;
        } else {
            pic.slices.set(0, DeblockPictures.header(0, idc1, offsetA1, 0));
        }
        return pic;
    }

    private static final int[] INNER_FILTERED = {90, 90, 94, 96, 114, 116, 118, 120};
    private static final int[] INNER_UNTOUCHED = {90, 90, 90, 90, 120, 120, 120, 120};

    @Test
    void disableIdc1LeavesTheSlicesMacroblocksUnfilteredEvenAtTheirLeftEdge() {
        AvcPicture pic = twoSlices(1, 0, 0, false);
        deblocker.filter(pic, NO_OFFSETS);
        assertEveryRow(pic, 14, new int[] {60, 60, 90, 90});
        assertEveryRow(pic, 20, INNER_UNTOUCHED);
    }

    @Test
    void disableIdc2SkipsOnlyEdgesOnASliceBoundary() {
        AvcPicture pic = twoSlices(2, 0, 0, false);
        deblocker.filter(pic, NO_OFFSETS);
        assertEveryRow(pic, 14, new int[] {60, 60, 90, 90});
        assertEveryRow(pic, 20, INNER_FILTERED);

        AvcPicture same = twoSlices(2, 0, 0, true);
        deblocker.filter(same, NO_OFFSETS);
        assertEveryRow(same, 14, new int[] {60, 68, 83, 90});
        assertEveryRow(same, 20, INNER_FILTERED);
    }

    @Test
    void idc0FiltersAcrossSlicesWithTheOffsetsOfTheSliceOfTheCurrentMacroblock() {
        // Slice 0 alone would not filter (indexA 24, alpha 12 < 30) but the edge belongs to macroblock 1's slice.
        AvcPicture pic = twoSlices(0, -12, 0, false);
        deblocker.filter(pic, NO_OFFSETS);
        assertEveryRow(pic, 14, new int[] {60, 68, 83, 90});

        AvcPicture other = twoSlices(0, 0, -12, false);
        deblocker.filter(other, NO_OFFSETS);
        assertEveryRow(other, 14, new int[] {60, 60, 90, 90});
        assertEveryRow(other, 20, INNER_UNTOUCHED);
    }

    @Test
    void unknownPpsIsRefusedNamingIt() {
        AvcPicture pic = DeblockPictures.intra(1, 1, 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> deblocker.filter(pic, id -> null));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("PPS 0"), e.getMessage());
    }

    @Test
    void macroblockNamingAMissingSliceIsRefused() {
        AvcPicture pic = DeblockPictures.intra(2, 1, 30);
        pic.sliceId[1] = 3;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> deblocker.filter(pic, NO_OFFSETS));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("macroblock 1 names slice 3"), e.getMessage());
    }
}
