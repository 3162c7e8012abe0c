package org.diva.transcode.video.decode.avc;

import static org.diva.transcode.video.decode.avc.MbKind.*;
import static org.diva.transcode.video.decode.avc.MotionTestBed.block;
import static org.diva.transcode.video.decode.avc.MotionTestBed.macroblock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.diva.transcode.probe.MediaFormatException;
import org.junit.jupiter.api.Test;

/**
 * B direct prediction (14496-10 8.4.1.2) through {@link MotionPredictor}: spatial (8.4.1.2.2) with colZeroFlag and
 * directZeroPrediction, temporal (8.4.1.2.3) with the POC scaling of 8-195..8-200, both with and without
 * direct_8x8_inference. The current macroblock is (1, 1) = address 4 with POC 4; RefPicList0 = {id 10 POC 0, id 11
 * POC -4, id 13 POC 2 long-term}, RefPicList1 = {id 12 POC 8} (the co-located picture). In the co-located picture the
 * current macroblock's 4x4 blocks are at picture 4x4 coordinates (4..7, 4..7).
 */
class DirectPredictorTest {
    private static final int B_SKIP = B | SKIP | DIRECT16X16;

    private final AvcPicture p0 = MotionTestBed.ref(10, 0, AvcPicture.SHORT_TERM);
    private final AvcPicture p1 = MotionTestBed.ref(11, -4, AvcPicture.SHORT_TERM);
    private final AvcPicture p2 = MotionTestBed.ref(13, 2, AvcPicture.LONG_TERM);
    private final AvcPicture col = MotionTestBed.ref(12, 8, AvcPicture.SHORT_TERM);
    private final MotionTestBed bed = new MotionTestBed();

    DirectPredictorTest() {
        bed.pic.poc = 4;
        // Co-located macroblock: by default refIdxCol 1 (never colZero), referencing id 10 with (8, 8).
        macroblock(col, 0, 1, 1, 1, 10, 8, 8);
        macroblock(col, 1, 1, 1, -1, -1, 0, 0);
    }

    private MotionPredictor slice(boolean spatial, boolean inference) {
        return new MotionPredictor(bed.context(SliceHeader.B, spatial, inference, new AvcPicture[] {p0, p1, p2},
                new AvcPicture[] {col}));
    }

    /** Neighbours of macroblock 4 used by the spatial tests (see the expected values in each test). */
    private void spatialNeighbours() {
        bed.slice0(0, 1, 2, 3);
        macroblock(bed.pic, 0, 0, 1, 1, 11, 4, 4);    // A L0 refIdx 1
        macroblock(bed.pic, 1, 0, 1, 0, 12, -8, 2);   // A L1 refIdx 0
        macroblock(bed.pic, 0, 1, 0, 0, 10, 6, -2);   // B L0 refIdx 0
        macroblock(bed.pic, 1, 1, 0, -1, -1, 0, 0);   // B L1 unused
        macroblock(bed.pic, 0, 2, 0, 1, 11, 10, 0);   // C L0 refIdx 1
        macroblock(bed.pic, 1, 2, 0, 0, 12, -4, 6);   // C L1 refIdx 0
        // refIdxL0 = MinPositive(1, MinPositive(0, 1)) = 0, refIdxL1 = MinPositive(0, MinPositive(-1, 0)) = 0.
        // mvpL0: only B has refIdx 0 -> (6, -2). mvpL1: A and C match -> (Median(-8, 0, -4), Median(2, 0, 6)) = (-4, 2)
    }

    /** Co-located blocks for the colZeroFlag tests. */
    private void colocatedForColZero() {
        block(col, 0, 4, 4, 0, 10, 1, -1);            // (0, 0): refIdxCol 0, mvCol in [-1, 1] -> colZero
        block(col, 0, 5, 4, 0, 10, 2, 0);             // (1, 0): mvCol x = 2 -> not
        block(col, 0, 6, 4, -1, -1, 0, 0);            // (2, 0): list 0 unused, list 1 refIdx 0 (0, 1) -> colZero
        block(col, 1, 6, 4, 0, 20, 0, 1);
        block(col, 0, 7, 4, -1, -1, 0, 0);            // (3, 0): intra -> not
        block(col, 0, 7, 7, 0, 10, -1, 1);            // (3, 3): colZero
    }

    @Test
    void spatialDirectUsesMinPositiveRefIdxAndTheMedianExceptOnColZeroBlocks() throws MediaFormatException {
        spatialNeighbours();
        colocatedForColZero();
        slice(true, false).predict(bed.start(4, B_SKIP));
        for (int k = 0; k < 16; k++) {
            int bx = k & 3;
            int by = k >> 2;
            boolean colZero = k == 0 || k == 2 || k == 15;
            bed.assertMotion(0, bx, by, 1, 1, 0, 10, colZero ? 0 : 6, colZero ? 0 : -2);
            bed.assertMotion(1, bx, by, 1, 1, 0, 12, colZero ? 0 : -4, colZero ? 0 : 2);
        }
    }

    @Test
    void spatialDirectWithInferenceTakesColZeroFromTheCornerOfEach8x8() throws MediaFormatException {
        spatialNeighbours();
        colocatedForColZero();
        slice(true, true).predict(bed.start(4, B_SKIP));
        // corners: 8x8 0 -> (0, 0) colZero; 8x8 1 -> (3, 0) intra; 8x8 2 -> (0, 3) refIdxCol 1; 8x8 3 -> (3, 3) colZero
        bed.assertMotion(0, 0, 0, 2, 2, 0, 10, 0, 0);
        bed.assertMotion(1, 0, 0, 2, 2, 0, 12, 0, 0);
        bed.assertMotion(0, 2, 0, 2, 2, 0, 10, 6, -2);  // (2, 0) is colZero itself, but not the corner
        bed.assertMotion(1, 2, 0, 2, 2, 0, 12, -4, 2);
        bed.assertMotion(0, 0, 2, 2, 2, 0, 10, 6, -2);
        bed.assertMotion(0, 2, 2, 2, 2, 0, 10, 0, 0);
        bed.assertMotion(1, 2, 2, 2, 2, 0, 12, 0, 0);
    }

    @Test
    void spatialDirectIgnoresColZeroWhenTheColocatedPictureIsLongTerm() throws MediaFormatException {
        spatialNeighbours();
        colocatedForColZero();
        col.reference = AvcPicture.LONG_TERM;
        slice(true, false).predict(bed.start(4, B_SKIP));
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, 6, -2);
        bed.assertMotion(1, 0, 0, 4, 4, 0, 12, -4, 2);
    }

    @Test
    void spatialDirectWithoutNeighbourReferencesIsDirectZero() throws MediaFormatException {
        // No neighbour available: refIdxL0 = refIdxL1 = -1 -> both 0 with zero vectors, colZero or not.
        slice(true, false).predict(bed.start(4, B_SKIP));
        bed.assertMotion(0, 0, 0, 4, 4, 0, 10, 0, 0);
        bed.assertMotion(1, 0, 0, 4, 4, 0, 12, 0, 0);
    }

    @Test
    void spatialDirectLeavesAListUnusedWhenNoNeighbourUsesItAndKeepsRefIdx1OnColZero() throws MediaFormatException {
        bed.slice0(0, 1, 2, 3);
        for (int mbX = 0; mbX < 3; mbX++) {
            macroblock(bed.pic, 1, mbX, 0, -1, -1, 0, 0);
        }
        macroblock(bed.pic, 1, 0, 1, -1, -1, 0, 0);
        macroblock(bed.pic, 0, 0, 1, 1, 11, 2, 2);    // A
        macroblock(bed.pic, 0, 1, 0, 1, 11, 4, 4);    // B
        macroblock(bed.pic, 0, 2, 0, -1, -1, 0, 0);   // C
        colocatedForColZero();
        slice(true, false).predict(bed.start(4, B_SKIP));
        // refIdxL0 = 1: A and B match -> (Median(2, 4, 0), Median(2, 4, 0)) = (2, 2), not zeroed (refIdx is not 0)
        bed.assertMotion(0, 0, 0, 4, 4, 1, 11, 2, 2);
        bed.assertMotion(1, 0, 0, 4, 4, -1, -1, 0, 0);
    }

    @Test
    void b8x8MixesDirectBlocksWithWholeMacroblockNeighboursAndOrdinarySubPartitions() throws MediaFormatException {
        spatialNeighbours();
        Macroblock mb = bed.start(4, B);
        mb.partition = PART_8X8;
        mb.partPred[0] = PRED_DIRECT;
        mb.partPred[1] = PRED_L0;
        mb.refIdx[0][1] = 1;
        bed.mvd(0, 2, 0, 2, 2, 1, 1);
        mb.partPred[2] = PRED_DIRECT;
        mb.partPred[3] = PRED_L1;
        mb.refIdx[1][3] = 0;
        slice(true, false).predict(mb);
        bed.assertMotion(0, 0, 0, 2, 2, 0, 10, 6, -2);   // direct: the 16x16 neighbours' predictors
        bed.assertMotion(1, 0, 0, 2, 2, 0, 12, -4, 2);
        bed.assertMotion(0, 0, 2, 2, 2, 0, 10, 6, -2);
        // 8x8 block 1, refIdxL0 1: A = direct block (1, 0) refIdx 0, B = macroblock 1 refIdx 0, C = macroblock 2
        // refIdx 1 (10, 0) -> the only match; + mvd (1, 1)
        bed.assertMotion(0, 2, 0, 2, 2, 1, 11, 11, 1);
        bed.assertMotion(1, 2, 0, 2, 2, -1, -1, 0, 0);
        // 8x8 block 3, refIdxL1 0: A = direct (1, 2) (-4, 2); B = block 1, list 1 unused; C (4, 1) unavailable ->
        // D = direct (1, 1) (-4, 2). Two match -> (Median(-4, 0, -4), Median(2, 0, 2)) = (-4, 2)
        bed.assertMotion(1, 2, 2, 2, 2, 0, 12, -4, 2);
        bed.assertMotion(0, 2, 2, 2, 2, -1, -1, 0, 0);
    }

    /** Co-located blocks for the temporal tests; expected values are in the tests. */
    private void colocatedForTemporal() {
        block(col, 0, 4, 4, 2, 11, 16, -8);           // (0, 0) references id 11 = RefPicList0[1]
        block(col, 0, 5, 4, 0, 10, -7, 5);            // (1, 0) references id 10 = RefPicList0[0]
        block(col, 0, 6, 4, 1, 13, 9, 9);             // (2, 0) references id 13 = RefPicList0[2], long-term
        block(col, 0, 7, 4, -1, -1, 0, 0);            // (3, 0) intra
        block(col, 0, 4, 5, -1, -1, 0, 0);            // (0, 1) list 1 only, references id 10
        block(col, 1, 4, 5, 0, 10, 4, 0);
        block(col, 0, 7, 7, 0, 13, 9, 9);             // (3, 3) references the long-term id 13
    }

    @Test
    void temporalDirectScalesTheColocatedVectorByPocDistances() throws MediaFormatException {
        colocatedForTemporal();
        slice(false, false).predict(bed.start(4, B_SKIP));
        // (0, 0): pic0 = id 11 (POC -4): tb = 4 - -4 = 8, td = 8 - -4 = 12, tx = (16384 + 6) / 12 = 1365,
        // DSF = (8 * 1365 + 32) >> 6 = 171; mvL0 = ((171 * 16 + 128) >> 8, (171 * -8 + 128) >> 8) = (11, -5),
        // mvL1 = mvL0 - mvCol = (-5, 3)
        bed.assertMotion(0, 0, 0, 1, 1, 1, 11, 11, -5);
        bed.assertMotion(1, 0, 0, 1, 1, 0, 12, -5, 3);
        // (1, 0): pic0 = id 10 (POC 0): tb = 4, td = 8, tx = 16388 / 8 = 2048, DSF = 8224 >> 6 = 128;
        // mvL0 = ((-896 + 128) >> 8, (640 + 128) >> 8) = (-3, 3), mvL1 = (4, -2)
        bed.assertMotion(0, 1, 0, 1, 1, 0, 10, -3, 3);
        bed.assertMotion(1, 1, 0, 1, 1, 0, 12, 4, -2);
        // (2, 0): pic0 long-term -> mvL0 = mvCol, mvL1 = 0
        bed.assertMotion(0, 2, 0, 1, 1, 2, 13, 9, 9);
        bed.assertMotion(1, 2, 0, 1, 1, 0, 12, 0, 0);
        // (3, 0): intra co-located -> refIdxL0 0, zero vectors
        bed.assertMotion(0, 3, 0, 1, 1, 0, 10, 0, 0);
        bed.assertMotion(1, 3, 0, 1, 1, 0, 12, 0, 0);
        // (0, 1): list 1 of the co-located block, id 10, DSF 128: (4, 0) -> mvL0 (2, 0), mvL1 (-2, 0)
        bed.assertMotion(0, 0, 1, 1, 1, 0, 10, 2, 0);
        bed.assertMotion(1, 0, 1, 1, 1, 0, 12, -2, 0);
        // default blocks: id 10, (8, 8) -> ((1024 + 128) >> 8) = 4: mvL0 (4, 4), mvL1 (-4, -4)
        bed.assertMotion(0, 1, 2, 2, 1, 0, 10, 4, 4);
        bed.assertMotion(1, 1, 2, 2, 1, 0, 12, -4, -4);
    }

    @Test
    void temporalDirectWithInferenceUsesTheCornerBlockForAWhole8x8() throws MediaFormatException {
        colocatedForTemporal();
        slice(false, true).predict(bed.start(4, B_SKIP));
        bed.assertMotion(0, 0, 0, 2, 2, 1, 11, 11, -5);   // corner (0, 0)
        bed.assertMotion(1, 0, 0, 2, 2, 0, 12, -5, 3);
        bed.assertMotion(0, 2, 0, 2, 2, 0, 10, 0, 0);     // corner (3, 0): intra
        bed.assertMotion(1, 2, 0, 2, 2, 0, 12, 0, 0);
        bed.assertMotion(0, 0, 2, 2, 2, 0, 10, 4, 4);     // corner (0, 3): default
        bed.assertMotion(0, 2, 2, 2, 2, 2, 13, 9, 9);     // corner (3, 3): long-term
        bed.assertMotion(1, 2, 2, 2, 2, 0, 12, 0, 0);
    }

    @Test
    void distScaleFactorClipsTbTdAndTheFactor() {
        // td = 1, tb = 100: tx = 16384, (100 * 16384 + 32) >> 6 = 25600 -> Clip3(-1024, 1023) = 1023
        assertEquals(1023, DirectPredictor.distScaleFactor(100, 0, 1, false));
        // td = -1, tb = 98: tx = -16384, (98 * -16384 + 32) >> 6 = -25088 -> -1024
        assertEquals(-1024, DirectPredictor.distScaleFactor(100, 2, 1, false));
        // td = Clip3(-128, 127, 400) = 127, tb = 127: tx = 16447 / 127 = 129, (127 * 129 + 32) >> 6 = 256
        assertEquals(256, DirectPredictor.distScaleFactor(300, 0, 400, false));
        // tb = 2, td = 6: tx = 16387 / 6 = 2731, (2 * 2731 + 32) >> 6 = 85
        assertEquals(85, DirectPredictor.distScaleFactor(2, 0, 6, false));
        assertEquals(256, DirectPredictor.distScaleFactor(2, 0, 6, true));
        assertEquals(256, DirectPredictor.distScaleFactor(2, 6, 6, false));
    }

    @Test
    void temporalDirectRefusesAColocatedReferenceMissingFromList0() {
        block(col, 0, 4, 4, 0, 77, 0, 0);
        assertThrows(MediaFormatException.class, () -> slice(false, false).predict(bed.start(4, B_SKIP)));
    }

    @Test
    void directWithoutAColocatedPictureIsRefused() {
        MotionPredictor mp = new MotionPredictor(bed.context(SliceHeader.B, true, true, new AvcPicture[] {p0},
                new AvcPicture[0]));
        assertThrows(MediaFormatException.class, () -> mp.predict(bed.start(4, B_SKIP)));
    }
}
