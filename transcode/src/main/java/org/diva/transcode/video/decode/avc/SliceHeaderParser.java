package org.diva.transcode.video.decode.avc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.video.decode.UnsupportedVideoException;

/**
 * slice_header() (14496-10 7.3.3) of a frame slice in a NAL unit of type 1 or 5. SP/SI slices and redundant pictures
 * are refused with {@link UnsupportedVideoException}; field slices cannot occur since the SPS parser refused
 * frame_mbs_only_flag 0.
 */
final class SliceHeaderParser {
    private static final int NAL_SLICE = 1;
    private static final int NAL_IDR = 5;

    private SliceHeaderParser() {
    }

    static SliceStart parse(byte[] rbsp, int nalUnitType, int nalRefIdc, IntFunction<Sps> spsById,
                            IntFunction<Pps> ppsById) throws MediaFormatException {
        if (nalUnitType != NAL_SLICE && nalUnitType != NAL_IDR) {
            throw new IllegalArgumentException("NAL unit type " + nalUnitType + " is not a slice of a picture");
        }
        if (nalRefIdc < 0 || nalRefIdc > 3) {
            throw new IllegalArgumentException("nal_ref_idc " + nalRefIdc);
        }
        boolean idr = nalUnitType == NAL_IDR;
        RbspBits bits = new RbspBits(rbsp, "H.264 slice header");
        int firstMb = bits.ue("first_mb_in_slice", 0, 139_263);
        int rawType = bits.ue("slice_type", 0, 9);
        int type = rawType % 5;
        if (type > 2) {
            throw new UnsupportedVideoException("H.264 " + (type == 3 ? "SP" : "SI") + " slices (Extended profile)");
        }
        if (idr && type != SliceHeader.I) {
            throw bits.error("IDR picture with a " + "PBI".charAt(type) + " slice");
        }
        int ppsId = bits.ue("pic_parameter_set_id", 0, 255);
        Pps pps = ppsById.apply(ppsId);
        if (pps == null) {
            throw new MediaFormatException("H.264 slice refers to PPS " + ppsId + ", which was not sent");
        }
        Sps sps = spsById.apply(pps.spsId());
        if (sps == null) {
            throw new MediaFormatException("H.264 PPS " + ppsId + " refers to SPS " + pps.spsId()
                    + ", which was not sent");
        }
        if (firstMb >= sps.widthMbs() * sps.heightMbs()) {
            throw bits.error("first_mb_in_slice " + firstMb + " beyond the picture's "
                    + sps.widthMbs() * sps.heightMbs() + " macroblocks");
        }
        int frameNum = bits.u(sps.log2MaxFrameNum());
        if (idr && frameNum != 0) {
            throw bits.error("IDR picture with frame_num " + frameNum);
        }
        int idrPicId = idr ? bits.ue("idr_pic_id", 0, 65535) : 0;
        int pocLsb = 0;
        int deltaPocBottom = 0;
        int deltaPoc0 = 0;
        int deltaPoc1 = 0;
        if (sps.pocType() == 0) {
            pocLsb = bits.u(sps.log2MaxPocLsb());
            if (pps.bottomFieldPicOrderPresent()) {
                deltaPocBottom = bits.se();
            }
        } else if (sps.pocType() == 1 && !sps.deltaPicOrderAlwaysZero()) {
            deltaPoc0 = bits.se();
            if (pps.bottomFieldPicOrderPresent()) {
                deltaPoc1 = bits.se();
            }
        }
        if (pps.redundantPicCntPresent() && bits.ue("redundant_pic_cnt", 0, 127) > 0) {
            throw new UnsupportedVideoException("H.264 redundant coded pictures (redundant_pic_cnt > 0)");
        }
        boolean directSpatial = type == SliceHeader.B && bits.flag();
        int[] numRefIdxActive = new int[2];
        if (type != SliceHeader.I) {
            numRefIdxActive[0] = pps.numRefIdxL0Default();
            numRefIdxActive[1] = type == SliceHeader.B ? pps.numRefIdxL1Default() : 0;
            if (bits.flag()) { // num_ref_idx_active_override_flag
                numRefIdxActive[0] = bits.ue("num_ref_idx_l0_active_minus1", 0, 15) + 1;
                if (type == SliceHeader.B) {
                    numRefIdxActive[1] = bits.ue("num_ref_idx_l1_active_minus1", 0, 15) + 1;
                }
            }
            if (numRefIdxActive[0] > 16 || numRefIdxActive[1] > 16) {
                throw bits.error("more than 16 active reference indices in a frame slice (PPS " + ppsId + ")");
            }
        }
        List<List<int[]>> modifications = List.of(
                type == SliceHeader.I ? List.of() : modification(bits, numRefIdxActive[0]),
                type == SliceHeader.B ? modification(bits, numRefIdxActive[1]) : List.of());
        Optional<PredWeights> weights = Optional.empty();
        if ((pps.weightedPred() && type == SliceHeader.P) || (pps.weightedBipredIdc() == 1 && type == SliceHeader.B)) {
            weights = Optional.of(SliceHeaderParts.predWeightTable(bits, numRefIdxActive));
        }
        Optional<RefPicMarking> marking = nalRefIdc == 0 ? Optional.empty()
                : Optional.of(SliceHeaderParts.decRefPicMarking(bits, idr));
        int cabacInitIdc = pps.cabac() && type != SliceHeader.I ? bits.ue("cabac_init_idc", 0, 2) : 0;
        int sliceQp = pps.picInitQp() + bits.se("slice_qp_delta", -pps.picInitQp(), 51 - pps.picInitQp());
        int disableDeblocking = 0;
        int alpha = 0;
        int beta = 0;
        if (pps.deblockingFilterControlPresent()) {
            disableDeblocking = bits.ue("disable_deblocking_filter_idc", 0, 2);
            if (disableDeblocking != 1) {
                alpha = 2 * bits.se("slice_alpha_c0_offset_div2", -6, 6);
                beta = 2 * bits.se("slice_beta_offset_div2", -6, 6);
            }
        }
        SliceHeader header = new SliceHeader(firstMb, type, ppsId, nalRefIdc, idr, frameNum, idrPicId, pocLsb,
                deltaPocBottom, deltaPoc0, deltaPoc1, directSpatial, numRefIdxActive, modifications, weights, marking,
                cabacInitIdc, sliceQp, disableDeblocking, alpha, beta);
        return new SliceStart(header, bits.position());
    }

    /**
     * ref_pic_list_modification() for one list (7.3.3.1): (modification_of_pic_nums_idc, abs_diff_pic_num_minus1 or
     * long_term_pic_num) pairs, without the closing idc 3. At most one entry per active index may be sent.
     */
    private static List<int[]> modification(RbspBits bits, int active) throws MediaFormatException {
        if (!bits.flag()) {
            return List.of();
        }
        List<int[]> ops = new ArrayList<>();
        while (true) {
            int idc = bits.ue("modification_of_pic_nums_idc", 0, 3);
            if (idc == 3) {
                return List.copyOf(ops);
            }
            if (ops.size() == active) {
                throw bits.error("more reference list modifications than the " + active + " active entries");
            }
            int value = idc == 2 ? bits.ue("long_term_pic_num", 0, 31) : bits.ue("abs_diff_pic_num_minus1", 0, 131_071);
            ops.add(new int[] {idc, value});
        }
    }
}
