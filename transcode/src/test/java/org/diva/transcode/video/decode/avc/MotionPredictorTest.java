package org.diva.transcode.video.decode.avc;

import static org.diva.transcode.video.decode.avc.MbKind.*;
import static org.diva.transcode.video.decode.avc.MotionTestBed.block;
import static org.diva.transcode.video.decode.avc.MotionTestBed.macroblock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diva.transcode.probe.MediaFormatException;
import org.junit.jupiter.api.Test;

/**
 * Motion vector prediction of P / B partitions, P_Skip and intra macroblocks (14496-10 8.4.1.1, 8.4.1.3) on
 * hand-built neighbours. The current macroblock is (1, 1) = address 4 unless said otherwise, so its neighbour
 * macroblocks are A = 3 (left), B = 1 (above), C = 2 (above right), D = 0 (above left). Expected values are worked out
 * by hand in the comments.
 */
class MotionPredictorTest {
    private final AvcPicture r0 = MotionTestBed.ref(10, 0, AvcPicture.SHORT_TERM);
    private final AvcPicture r1 = MotionTestBed.ref(11, -2, AvcPicture.SHORT_TERM);
    private final MotionTestBed bed = new MotionTestBed();

    private MotionPredictor pSlice() {
        return new MotionPredictor(bed.context(SliceHeader.P, false, true, new AvcPicture[] {r0, r1},
                new AvcPicture[0]));
    }

    /** A P_L0_16x16 macroblock at addr with refIdx and mvd (dx, dy). */
    private Macroblock p16x16(int addr, int refIdx, int dx, int dy) {
        Macroblock mb = bed.start(addr, 0);
        mb.refIdx[0][0] = refIdx;
        bed.mvd(0, 0, 0, 4, 4, dx, dy);
        return mb;
    }

    @Test
    void medianOfThreeNeighboursPlusMvd() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        macroblock(bed.pic, 0, 0, 1, 0, 10, 4, 8);    // A
        macroblock(bed.pic, 0, 1, 0, 0, 10, -2, 20);  // B
        macroblock(bed.pic, 0, 2, 0, 0, 10, 10, -6);  // C
        MotionPredictor mp = pSlice();
        mp.predict(p16x16(4, 0, 1, 2));
        // 8-214/8-215: mvp = (Median(4, -2, 10), Median(8, 20, -6)) = (4, 8); mv = mvp + mvd = (5, 10)
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, 5, 10);
        bed.assertMotion(1, 0, 0, 4, 4, -1, -1, 0, 0);
    }

    @Test
    void theOnlyNeighbourWithTheSameRefIdxGivesItsVector() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        macroblock(bed.pic, 0, 0, 1, 1, 11, 4, 8);    // A, refIdx 1
        macroblock(bed.pic, 0, 1, 0, 0, 10, -2, 20);  // B, refIdx 0
        macroblock(bed.pic, 0, 2, 0, 1, 11, 10, -6);  // C, refIdx 1
        pSlice().predict(p16x16(4, 0, 0, 0));
        // 8.4.1.3.1: only refIdxL0B equals refIdxL0 = 0, so mvpL0 = mvL0B
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, -2, 20);
    }

    @Test
    void cFallsBackToDOutsideThePictureAndInAnotherSlice() throws MediaFormatException {
        // Macroblock (2, 1) = 5 is in the last column: C lies outside the picture, so D = (1, 0) replaces it.
        bed.slice0(1, 2, 4);
        macroblock(bed.pic, 0, 1, 1, 0, 10, 1, 1);    // A = 4
        macroblock(bed.pic, 0, 2, 0, 0, 10, 9, 9);    // B = 2
        macroblock(bed.pic, 0, 1, 0, 0, 10, 5, -5);   // D = 1
        pSlice().predict(p16x16(5, 0, 0, 0));
        // mvp = (Median(1, 9, 5), Median(1, 9, -5)) = (5, 1)
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, 5, 1);

        // Macroblock 4 with its C (2) in another slice: D (0) replaces it.
        MotionTestBed other = new MotionTestBed();
        other.slice0(0, 1, 3);
        other.pic.sliceId[2] = 7;
        macroblock(other.pic, 0, 0, 1, 0, 10, 2, 2);   // A
        macroblock(other.pic, 0, 1, 0, 0, 10, 4, 4);   // B
        macroblock(other.pic, 0, 2, 0, 0, 10, 50, 50); // C, not available
        macroblock(other.pic, 0, 0, 0, 0, 10, 3, -9);  // D
        Macroblock mb = other.start(4, 0);
        mb.refIdx[0][0] = 0;
        new MotionPredictor(other.context(SliceHeader.P, false, true, new AvcPicture[] {r0}, new AvcPicture[0]))
                .predict(mb);
        // mvp = (Median(2, 4, 3), Median(2, 4, -9)) = (3, 2)
        other.assertMotion(0, 0, 0, 4, 4, 0, 10, 3, 2);
    }

    @Test
    void onlyAAvailableGivesA() throws MediaFormatException {
        // Macroblock (1, 0) = 1 in the top row: B, C and D are unavailable.
        bed.slice0(0);
        macroblock(bed.pic, 0, 0, 0, 1, 11, 7, -3);   // A with refIdx 1, not the partition's 0
        pSlice().predict(p16x16(1, 0, 0, 0));
        // 8.4.1.3.1: B and C unavailable, A available -> B = C = A, so mvp = (7, -3) (a plain median would be 0, 0)
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, 7, -3);
    }

    @Test
    void sixteenByEightUsesBAboveAndAForTheBottomPartition() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        macroblock(bed.pic, 0, 0, 1, 0, 10, 10, 10);  // A (rows 0..1 of it seen by the top partition)
        for (int y = 6; y < 8; y++) {                 // A's bottom half: what the bottom partition sees as A
            block(bed.pic, 0, 3, y, 0, 10, -5, 6);
        }
        macroblock(bed.pic, 0, 1, 0, 0, 10, 2, 2);    // B
        macroblock(bed.pic, 0, 2, 0, 1, 11, 30, 30);  // C
        Macroblock mb = bed.start(4, 0);
        mb.partition = PART_16X8;
        mb.refIdx[0][0] = 0;
        mb.refIdx[0][1] = 0;
        bed.mvd(0, 0, 2, 4, 2, 1, 0);
        pSlice().predict(mb);
        // 8-203: top partition, refIdxL0B == refIdxL0 -> mvpL0 = mvL0B = (2, 2) (the median would be (10, 10))
        bed.assertMotion(0, 0, 0, 4, 2, 0, 10, 2, 2);
        // 8-204: bottom partition, refIdxL0A == 0 -> mvp = mvL0A = (-5, 6); + mvd (1, 0)
        bed.assertMotion(0, 0, 2, 4, 2, 0, 10, -4, 6);
    }

    @Test
    void sixteenByEightBottomWithoutMatchingAUsesTheMedianWithDForC() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        macroblock(bed.pic, 0, 0, 1, 0, 10, 8, -8);   // A, refIdx 0 (bottom partition has refIdx 1)
        block(bed.pic, 0, 3, 5, 1, 11, 6, 6);         // D of the bottom partition: left MB's block (3, 1)
        macroblock(bed.pic, 0, 1, 0, 1, 11, 0, 4);    // B of the top partition
        macroblock(bed.pic, 0, 2, 0, 1, 11, 0, 4);
        Macroblock mb = bed.start(4, 0);
        mb.partition = PART_16X8;
        mb.refIdx[0][0] = 1;
        mb.refIdx[0][1] = 1;
        bed.mvd(0, 0, 0, 4, 2, 2, 0);
        pSlice().predict(mb);
        // top: refIdxL0B == 1 -> mvp = (0, 4), mv = (2, 4)
        bed.assertMotion(0, 0, 0, 4, 2, 1, 11, 2, 4);
        // bottom: A has refIdx 0 != 1; B = top partition (2, 4) refIdx 1; C (4, 1) is right of the macroblock and
        // unavailable -> D = left MB block (3, 1) = (6, 6) refIdx 1. Two match -> Median: (Median(8, 2, 6),
        // Median(-8, 4, 6)) = (6, 4)
        bed.assertMotion(0, 0, 2, 4, 2, 1, 11, 6, 4);
    }

    @Test
    void eightBySixteenUsesAOnTheLeftAndCOnTheRight() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        macroblock(bed.pic, 0, 0, 1, 0, 10, 3, 1);    // A
        macroblock(bed.pic, 0, 1, 0, 0, 10, 20, 20);  // B (and C of the left partition)
        macroblock(bed.pic, 0, 2, 0, 0, 10, -7, 2);   // C of the right partition (16, -1)
        Macroblock mb = bed.start(4, 0);
        mb.partition = PART_8X16;
        mb.refIdx[0][0] = 0;
        mb.refIdx[0][1] = 0;
        pSlice().predict(mb);
        // 8-205: left partition, refIdxL0A == 0 -> (3, 1) (the median would be (20, 20))
        bed.assertMotion(0, 0, 0, 2, 4, 0, 10, 3, 1);
        // 8-206: right partition, C = (16, -1) in macroblock 2 with refIdx 0 -> (-7, 2) (the median of the left
        // partition's (3, 1), B (20, 20) and C would be (3, 2))
        bed.assertMotion(0, 2, 0, 2, 4, 0, 10, -7, 2);
    }

    @Test
    void notYetDecodedSubPartitionIsUnavailableSoDReplacesC() throws MediaFormatException {
        // No neighbour macroblock is available; the picture holds stale motion (100, 100) with refIdx 0 everywhere.
        Macroblock mb = bed.start(4, 0);
        mb.partition = PART_8X8;
        mb.subPartition[0] = SUB_4X4;
        for (int b8 = 0; b8 < 4; b8++) {
            mb.refIdx[0][b8] = 0;
        }
        bed.mvd(0, 0, 0, 1, 1, 4, 0);
        bed.mvd(0, 1, 0, 1, 1, 0, 8);
        bed.mvd(0, 0, 1, 1, 1, -2, -2);
        bed.mvd(0, 1, 1, 1, 1, 1, 1);
        pSlice().predict(mb);
        // sub 0: nothing available -> mvp (0, 0), mv = (4, 0)
        bed.assertMotion(0, 0, 0, 1, 1, 0, 10, 4, 0);
        // sub 1: only A (sub 0) available -> mvp = (4, 0), mv = (4, 8)
        bed.assertMotion(0, 1, 0, 1, 1, 0, 10, 4, 8);
        // sub 2: A unavailable, B = sub 0, C = sub 1 -> (Median(0, 4, 4), Median(0, 0, 8)) = (4, 0), mv = (2, -2)
        bed.assertMotion(0, 0, 1, 1, 1, 0, 10, 2, -2);
        // sub 3: C = block (2, 0) of 8x8 block 1, not yet decoded -> D = sub 0: (Median(2, 4, 4), Median(-2, 8, 0))
        // = (4, 0), mv = (5, 1). Reading the stale (100, 100) instead would give (5, 9).
        bed.assertMotion(0, 1, 1, 1, 1, 0, 10, 5, 1);
        // 8x8 block 1: A = sub 1 (4, 8); B, C unavailable -> A; mvd 0
        bed.assertMotion(0, 2, 0, 2, 2, 0, 10, 4, 8);
    }

    @Test
    void pSkipIsZeroWhenAOrBIsUnavailable() throws MediaFormatException {
        // Macroblock (0, 1) = 3: A is outside the picture.
        bed.slice0(0, 1);
        macroblock(bed.pic, 0, 0, 0, 1, 11, 9, 9);    // B
        macroblock(bed.pic, 0, 1, 0, 1, 11, 9, 9);    // C
        pSlice().predict(bed.start(3, SKIP));
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, 0, 0);
        bed.assertMotion(1, 0, 0, 4, 4, -1, -1, 0, 0);
    }

    @Test
    void pSkipIsZeroWhenANeighbourIsAZeroVectorOnRefIdx0() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        macroblock(bed.pic, 0, 0, 1, 0, 10, 0, 0);    // A: refIdx 0, (0, 0)
        macroblock(bed.pic, 0, 1, 0, 0, 10, 7, 7);
        macroblock(bed.pic, 0, 2, 0, 0, 10, 9, 3);
        pSlice().predict(bed.start(4, SKIP));
        // 8.4.1.1: zero, although the 16x16 predictor would be (Median(0, 7, 9), Median(0, 7, 3)) = (7, 3)
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, 0, 0);

        macroblock(bed.pic, 0, 0, 1, 0, 10, 7, 7);
        macroblock(bed.pic, 0, 1, 0, 0, 10, 0, 0);    // B: refIdx 0, (0, 0)
        pSlice().predict(bed.start(4, SKIP));
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, 0, 0);
    }

    @Test
    void pSkipOtherwiseUsesTheSixteenBySixteenPredictor() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        macroblock(bed.pic, 0, 0, 1, 1, 11, 0, 0);    // A: zero vector but refIdx 1 -> not the zero case
        macroblock(bed.pic, 0, 1, 0, 0, 10, 6, -4);   // B
        macroblock(bed.pic, 0, 2, 0, 0, 10, 8, 2);    // C
        pSlice().predict(bed.start(4, SKIP));
        // B and C match refIdx 0 -> median (Median(0, 6, 8), Median(0, -4, 2)) = (6, 0)
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, 6, 0);
    }

    @Test
    void intraMacroblocksGetNoMotionInEitherList() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        pSlice().predict(bed.start(4, INTRA | I16X16));
        bed.assertMotion(0, 0, 0, 4, 4, -1, -1, 0, 0);
        bed.assertMotion(1, 0, 0, 4, 4, -1, -1, 0, 0);
    }

    @Test
    void intraNeighboursCountAsAvailableWithRefIdxMinus1() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        MotionPredictor mp = pSlice();
        mp.predict(bed.start(3, INTRA));              // A intra
        macroblock(bed.pic, 0, 1, 0, 0, 10, 6, 6);    // B
        macroblock(bed.pic, 0, 2, 0, 1, 11, 2, 2);    // C
        mp.predict(p16x16(4, 0, 0, 0));
        // A is available (so no "only A" rule) but refIdx -1: only B matches -> (6, 6)
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, 6, 6);
    }

    @Test
    void bPartitionsPredictEachListTheyUseAndClearTheOther() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        macroblock(bed.pic, 1, 0, 1, 0, 20, 4, 4);
        macroblock(bed.pic, 1, 1, 0, 0, 20, 6, 0);
        macroblock(bed.pic, 1, 2, 0, 0, 20, 5, 2);
        AvcPicture q0 = MotionTestBed.ref(20, 8, AvcPicture.SHORT_TERM);
        Macroblock mb = bed.start(4, B);
        mb.partPred[0] = PRED_L1;
        mb.refIdx[1][0] = 0;
        bed.mvd(1, 0, 0, 4, 4, -1, -1);
        new MotionPredictor(bed.context(SliceHeader.B, true, true, new AvcPicture[] {r0}, new AvcPicture[] {q0}))
                .predict(mb);
        // list 1: (Median(4, 6, 5), Median(4, 0, 2)) + (-1, -1) = (4, 1)
        bed.assertMotion(1, 0, 0, 4, 4, 0, 20, 4, 1);
        bed.assertMotion(0, 0, 0, 4, 4, -1, -1, 0, 0);
    }

    @Test
    void refIdxBeyondTheListIsRefused() {
        bed.slice0(0, 1, 2, 3);
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> pSlice().predict(p16x16(4, 2, 0, 0)));
        assertTrue(e.getMessage().contains("ref_idx_l0 2"), e.getMessage());
    }

    /** The row-specialised writes (four, two, one block wide) cover exactly their area, in every array of the list. */
    @Test
    void fillWritesExactlyItsAreaForEveryWidth() {
        int[][] areas = {{4, 4}, {4, 2}, {2, 4}, {2, 2}, {2, 1}, {1, 2}, {1, 1}};
        for (int[] area : areas) {
            AvcPicture p = new AvcPicture(MotionTestBed.W, MotionTestBed.H);
            int stride4 = p.stride4;
            int x0 = 5;
            int y0 = 3;
            MotionPredictor.fill(p, 1, y0 * stride4 + x0, area[0], area[1], 2, 77, -5, 9);
            for (int y = 0; y < 4 * MotionTestBed.H; y++) {
                for (int x = 0; x < stride4; x++) {
                    int i = y * stride4 + x;
                    boolean inside = x >= x0 && x < x0 + area[0] && y >= y0 && y < y0 + area[1];
                    String at = area[0] + "x" + area[1] + " at block (" + x + ", " + y + ")";
                    assertEquals(inside ? 2 : 0, p.refIdx[1][i], at);
                    assertEquals(inside ? 77 : 0, p.refPic[1][i], at);
                    assertEquals(inside ? -5 : 0, p.mv[1][2 * i], at);
                    assertEquals(inside ? 9 : 0, p.mv[1][2 * i + 1], at);
                    assertEquals(0, p.refIdx[0][i], at);
                }
            }
        }
    }
}
