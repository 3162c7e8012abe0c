package org.diva.transcode.video.decode.avc;

/**
 * Macroblock kinds as bit flags, kept per macroblock in {@link AvcPicture#kind} and {@link Macroblock#kind}, and the
 * partition / prediction codes of {@link Macroblock}.
 *
 * <p>The parsers translate mb_type and sub_mb_type (14496-10 tables 7-11, 7-13, 7-14, 7-17, 7-18) into these so the
 * rest of the decoder never looks at raw type numbers.
 */
final class MbKind {
    private MbKind() {
    }

    /** Any intra macroblock (I_NxN, I_16x16, I_PCM). */
    static final int INTRA = 1;
    /** I_NxN with 4x4 transform (Intra_4x4 prediction). */
    static final int I4X4 = 1 << 1;
    /** I_NxN with transform_size_8x8_flag (Intra_8x8 prediction). */
    static final int I8X8 = 1 << 2;
    static final int I16X16 = 1 << 3;
    static final int PCM = 1 << 4;
    /** P_Skip or B_Skip. */
    static final int SKIP = 1 << 5;
    /** B_Skip or B_Direct_16x16: every 4x4 block's motion comes from direct prediction. */
    static final int DIRECT16X16 = 1 << 6;
    /** The luma residual uses the 8x8 transform (I8X8 macroblocks and inter ones with transform_size_8x8_flag). */
    static final int T8X8 = 1 << 7;
    /** Inter macroblock in a B slice (B_*), as opposed to P_*. */
    static final int B = 1 << 8;

    // Macroblock.partition: the inter partition shape of mb_type.
    static final int PART_16X16 = 0;
    static final int PART_16X8 = 1;
    static final int PART_8X16 = 2;
    static final int PART_8X8 = 3;

    // Macroblock.subPartition (per 8x8): the shape of sub_mb_type.
    static final int SUB_8X8 = 0;
    static final int SUB_8X4 = 1;
    static final int SUB_4X8 = 2;
    static final int SUB_4X4 = 3;

    // Macroblock.partPred: which lists a (sub-)partition predicts from. Bit 0 = list 0, bit 1 = list 1.
    static final int PRED_DIRECT = 0;
    static final int PRED_L0 = 1;
    static final int PRED_L1 = 2;
    static final int PRED_BI = 3;

    static boolean intra(int kind) {
        return (kind & INTRA) != 0;
    }

    static boolean has(int kind, int flag) {
        return (kind & flag) != 0;
    }

    static boolean usesList(int pred, int list) {
        return (pred & (1 << list)) != 0;
    }
}
