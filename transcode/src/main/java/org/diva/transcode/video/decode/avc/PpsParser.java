package org.diva.transcode.video.decode.avc;

import java.util.function.IntFunction;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.video.decode.UnsupportedVideoException;

/**
 * pic_parameter_set_rbsp() (14496-10 7.3.2.2) into {@link Pps}. The effective scaling lists are resolved here, against
 * the SPS the PPS names: without pic_scaling_matrix the SPS's lists; with it, fall-back rule B (lists 0/3/6/7 not
 * sent take the SPS's), or rule A (the defaults) when the SPS itself had no matrix (7.4.2.2).
 */
final class PpsParser {
    private PpsParser() {
    }

    static Pps parse(byte[] rbsp, IntFunction<Sps> spsById) throws MediaFormatException {
        RbspBits bits = new RbspBits(rbsp, "H.264 PPS");
        int ppsId = bits.ue("pic_parameter_set_id", 0, 255);
        int spsId = bits.ue("seq_parameter_set_id", 0, 31);
        Sps sps = spsById.apply(spsId);
        if (sps == null) {
            throw new MediaFormatException("H.264 PPS " + ppsId + " refers to SPS " + spsId + ", which was not sent");
        }
        boolean cabac = bits.flag();
        boolean bottomFieldPicOrder = bits.flag();
        int sliceGroups = bits.ue("num_slice_groups_minus1", 0, 7) + 1;
        if (sliceGroups > 1) {
            throw new UnsupportedVideoException("H.264 slice groups (FMO, " + sliceGroups + " groups in PPS " + ppsId
                    + ")");
        }
        int refL0 = bits.ue("num_ref_idx_l0_default_active_minus1", 0, 31) + 1;
        int refL1 = bits.ue("num_ref_idx_l1_default_active_minus1", 0, 31) + 1;
        boolean weightedPred = bits.flag();
        int weightedBipred = bits.u(2);
        if (weightedBipred == 3) {
            throw bits.error("weighted_bipred_idc 3 is reserved");
        }
        int picInitQp = 26 + bits.se("pic_init_qp_minus26", -26, 25);
        bits.se("pic_init_qs_minus26", -26, 25);
        int chromaQpOffset = bits.se("chroma_qp_index_offset", -12, 12);
        boolean deblockingControl = bits.flag();
        boolean constrainedIntra = bits.flag();
        boolean redundantPicCnt = bits.flag();
        boolean transform8x8 = false;
        int secondChromaQpOffset = chromaQpOffset;
        int[][] scaling4x4 = sps.scaling4x4();
        int[][] scaling8x8 = sps.scaling8x8();
        if (bits.moreData()) {
            transform8x8 = bits.flag();
            if (bits.flag()) { // pic_scaling_matrix_present_flag
                int[][] fallback4x4 = sps.scalingPresent() ? sps.scaling4x4()
                        : new int[][] {ScalingLists.defaultList(0), null, null, ScalingLists.defaultList(3)};
                int[][] fallback8x8 = sps.scalingPresent() ? sps.scaling8x8()
                        : new int[][] {ScalingLists.defaultList(6), ScalingLists.defaultList(7)};
                scaling4x4 = new int[6][];
                scaling8x8 = sps.scaling8x8().clone();
                ScalingLists.read(bits, transform8x8 ? 8 : 6, fallback4x4, fallback8x8, scaling4x4, scaling8x8);
            }
            secondChromaQpOffset = bits.se("second_chroma_qp_index_offset", -12, 12);
        }
        return new Pps(ppsId, spsId, cabac, bottomFieldPicOrder, refL0, refL1, weightedPred, weightedBipred,
                picInitQp, chromaQpOffset, secondChromaQpOffset, deblockingControl, constrainedIntra, redundantPicCnt,
                transform8x8, scaling4x4, scaling8x8);
    }
}
