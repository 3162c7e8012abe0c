package org.diva.transcode.video.decode.avc;

import static org.diva.transcode.video.decode.avc.MbKind.*;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Translates mb_type and sub_mb_type numbers (14496-10 tables 7-11, 7-13, 7-14, 7-17, 7-18) into {@link Macroblock}
 * fields. Both entropy decoders call it after reading the number, so the tables exist once.
 */
final class MbTypes {
    private MbTypes() {
    }

    /** B_16x8 / B_8x16 types 4..21 in table order: the two partitions' predictions. */
    private static final int[][] B_TWO_PARTS = {
            {PRED_L0, PRED_L0}, {PRED_L0, PRED_L0}, {PRED_L1, PRED_L1}, {PRED_L1, PRED_L1},
            {PRED_L0, PRED_L1}, {PRED_L0, PRED_L1}, {PRED_L1, PRED_L0}, {PRED_L1, PRED_L0},
            {PRED_L0, PRED_BI}, {PRED_L0, PRED_BI}, {PRED_L1, PRED_BI}, {PRED_L1, PRED_BI},
            {PRED_BI, PRED_L0}, {PRED_BI, PRED_L0}, {PRED_BI, PRED_L1}, {PRED_BI, PRED_L1},
            {PRED_BI, PRED_BI}, {PRED_BI, PRED_BI}};
    private static final int[] B_SUB_PRED = {PRED_DIRECT, PRED_L0, PRED_L1, PRED_BI, PRED_L0, PRED_L0, PRED_L1,
            PRED_L1, PRED_BI, PRED_BI, PRED_L0, PRED_L1, PRED_BI};
    private static final int[] B_SUB_SHAPE = {SUB_8X8, SUB_8X8, SUB_8X8, SUB_8X8, SUB_8X4, SUB_4X8, SUB_8X4,
            SUB_4X8, SUB_8X4, SUB_4X8, SUB_4X4, SUB_4X4, SUB_4X4};

    /**
     * An I-slice mb_type 0..25 (also the intra part of P and B types after subtracting 5 / 23). For I_NxN the caller
     * adds I4X4 or I8X8 once it has read transform_size_8x8_flag.
     */
    static void intra(int mbType, Macroblock mb) throws MediaFormatException {
        if (mbType == 0) {
            mb.kind = INTRA;
        } else if (mbType <= 24) {
            int t = mbType - 1;
            mb.kind = INTRA | I16X16;
            mb.intra16x16Mode = t % 4;
            mb.cbp = ((t / 4) % 3) << 4 | (t >= 12 ? 15 : 0);
        } else if (mbType == 25) {
            mb.kind = INTRA | PCM;
        } else {
            throw new MediaFormatException("H.264 intra mb_type " + mbType + " is out of range (0..25)");
        }
    }

    /** A P-slice mb_type 0..30; returns true for P_8x8ref0 (type 4: ref_idx not coded, all 0). */
    static boolean p(int mbType, Macroblock mb) throws MediaFormatException {
        if (mbType >= 5) {
            intra(mbType - 5, mb);
            return false;
        }
        mb.kind = 0;
        mb.partition = switch (mbType) {
            case 0 -> PART_16X16;
            case 1 -> PART_16X8;
            case 2 -> PART_8X16;
            default -> PART_8X8;
        };
        java.util.Arrays.fill(mb.partPred, PRED_L0);
        return mbType == 4;
    }

    /** A B-slice mb_type 0..48. */
    static void b(int mbType, Macroblock mb) throws MediaFormatException {
        if (mbType >= 23) {
            intra(mbType - 23, mb);
            return;
        }
        mb.kind = B;
        if (mbType == 0) {
            mb.kind = B | DIRECT16X16;
            mb.partition = PART_8X8;
            java.util.Arrays.fill(mb.partPred, PRED_DIRECT);
            java.util.Arrays.fill(mb.subPartition, SUB_8X8);
        } else if (mbType <= 3) {
            mb.partition = PART_16X16;
            mb.partPred[0] = mbType; // 1 L0, 2 L1, 3 Bi: the PRED_* codes
        } else if (mbType <= 21) {
            mb.partition = (mbType & 1) == 0 ? PART_16X8 : PART_8X16;
            mb.partPred[0] = B_TWO_PARTS[mbType - 4][0];
            mb.partPred[1] = B_TWO_PARTS[mbType - 4][1];
        } else {
            mb.partition = PART_8X8;
        }
    }

    /** P sub_mb_type 0..3 of 8x8 block b8. */
    static void subP(int subType, int b8, Macroblock mb) throws MediaFormatException {
        if (subType < 0 || subType > 3) {
            throw new MediaFormatException("H.264 P sub_mb_type " + subType + " is out of range (0..3)");
        }
        mb.subPartition[b8] = subType; // 0 8x8, 1 8x4, 2 4x8, 3 4x4: the SUB_* codes
        mb.partPred[b8] = PRED_L0;
    }

    /** B sub_mb_type 0..12 of 8x8 block b8. */
    static void subB(int subType, int b8, Macroblock mb) throws MediaFormatException {
        if (subType < 0 || subType > 12) {
            throw new MediaFormatException("H.264 B sub_mb_type " + subType + " is out of range (0..12)");
        }
        mb.subPartition[b8] = B_SUB_SHAPE[subType];
        mb.partPred[b8] = B_SUB_PRED[subType];
    }

    /** Number of (sub-)partitions of a sub-macroblock shape. */
    static int subParts(int subPartition) {
        return subPartition == SUB_8X8 ? 1 : subPartition == SUB_4X4 ? 4 : 2;
    }

    /** Number of partitions of an mb partition shape. */
    static int parts(int partition) {
        return partition == PART_16X16 ? 1 : partition == PART_8X8 ? 4 : 2;
    }
}
