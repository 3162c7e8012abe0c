package org.diva.transcode.video.decode.avc;

import java.util.List;
import java.util.Optional;

/**
 * A slice header (14496-10 7.3.3) of a frame slice, as the decoder needs it.
 *
 * @param sliceType          0 P, 1 B, 2 I (slice_type % 5; SP/SI refused by the parser)
 * @param nalRefIdc          of the slice's NAL unit; 0 = not a reference picture
 * @param idr                NAL unit type 5
 * @param sliceQp            26 + pic_init_qp_minus26 + slice_qp_delta
 * @param numRefIdxActive    [0] list 0, [1] list 1 (override or the PPS default; 0 for lists the slice type lacks)
 * @param modifications      ref_pic_list_modification per list: (modification_of_pic_nums_idc, value) pairs
 * @param weights            explicit weights when the PPS asks for them for this slice type (weighted_pred_flag for
 *                           P, weighted_bipred_idc 1 for B); empty otherwise (implicit weights are computed)
 * @param marking            dec_ref_pic_marking; empty when the picture is not a reference
 * @param alphaC0Offset      slice_alpha_c0_offset_div2 * 2
 * @param betaOffset         slice_beta_offset_div2 * 2
 */
record SliceHeader(int firstMbInSlice, int sliceType, int ppsId, int nalRefIdc, boolean idr, int frameNum,
                   int idrPicId, int pocLsb, int deltaPocBottom, int deltaPoc0, int deltaPoc1,
                   boolean directSpatialMvPred, int[] numRefIdxActive, List<List<int[]>> modifications,
                   Optional<PredWeights> weights, Optional<RefPicMarking> marking, int cabacInitIdc, int sliceQp,
                   int disableDeblockingFilterIdc, int alphaC0Offset, int betaOffset) {
    static final int P = 0;
    static final int B = 1;
    static final int I = 2;

    boolean isB() {
        return sliceType == B;
    }

    boolean isI() {
        return sliceType == I;
    }
}
