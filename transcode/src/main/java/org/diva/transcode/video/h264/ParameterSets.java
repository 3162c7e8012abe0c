package org.diva.transcode.video.h264;

/**
 * Writes the sequence and picture parameter sets (ISO/IEC 14496-10 clauses 7.3.2.1 and 7.3.2.2) and slice headers
 * (7.3.3) of the one configuration this encoder uses: Constrained Baseline (profile 66, constraint_set0/1), one
 * reference frame, pic_order_cnt_type 2 (output order is decoding order: there are no B pictures), frame cropping
 * for sizes that are not a multiple of 16, CAVLC, and the deblocking filter switched off per slice
 * (disable_deblocking_filter_idc 1), which is legal in every profile and saves the decoder and us the filter.
 */
final class ParameterSets {
    static final int LOG2_MAX_FRAME_NUM = 8;
    static final int NAL_SLICE = 1;
    static final int NAL_IDR = 5;
    static final int NAL_SPS = 7;
    static final int NAL_PPS = 8;

    /** Levels of Table A-1: level_idc, MaxMBPS, MaxFS, MaxBR (kbit/s, VCL). */
    private static final int[][] LEVELS = {
        {10, 1485, 99, 64}, {11, 3000, 396, 192}, {12, 6000, 396, 384}, {13, 11880, 396, 768},
        {20, 11880, 396, 2000}, {21, 19800, 792, 4000}, {22, 20250, 1620, 4000}, {30, 40500, 1620, 10000},
        {31, 108000, 3600, 14000}, {32, 216000, 5120, 20000}, {40, 245760, 8192, 20000},
        {41, 245760, 8192, 50000}, {42, 522240, 8704, 50000}, {50, 589824, 22080, 135000},
        {51, 983040, 36864, 240000}, {52, 2073600, 36864, 240000},
    };

    private final int width;
    private final int height;
    private final int mbWidth;
    private final int mbHeight;
    private final int levelIdc;
    private final double frameRate;

    ParameterSets(int width, int height, double frameRate, long bitrate) {
        this.frameRate = frameRate;
        this.width = width;
        this.height = height;
        this.mbWidth = (width + 15) / 16;
        this.mbHeight = (height + 15) / 16;
        this.levelIdc = level(mbWidth, mbHeight, frameRate, bitrate);
    }

    int levelIdc() {
        return levelIdc;
    }

    /**
     * The lowest level whose frame size, macroblock rate and bit rate limits admit the stream, but at least 2.1:
     * below it the vertical vector range (Table A-1, MaxVmvR) is narrower than the ±255 samples the motion search
     * may use, and every decoder of interest supports 2.1.
     */
    static int level(int mbWidth, int mbHeight, double frameRate, long bitrate) {
        int frameSize = mbWidth * mbHeight;
        for (int[] level : LEVELS) {
            if (level[0] < 21) {
                continue;
            }
            int maxDim = (int) Math.sqrt(level[2] * 8.0);
            if (frameSize <= level[2] && mbWidth <= maxDim && mbHeight <= maxDim
                    && frameSize * frameRate <= level[1] && bitrate <= level[3] * 1000L) {
                return level[0];
            }
        }
        return 52;
    }

    void writeSps(BitWriter bw) {
        bw.u(8, 66);
        bw.u(8, 0b1100_0000); // constraint_set0 and set1: decodable by Baseline and Main decoders
        bw.u(8, levelIdc);
        bw.ue(0); // seq_parameter_set_id
        bw.ue(LOG2_MAX_FRAME_NUM - 4);
        bw.ue(2); // pic_order_cnt_type
        bw.ue(1); // max_num_ref_frames
        bw.flag(false); // gaps_in_frame_num_value_allowed_flag
        bw.ue(mbWidth - 1);
        bw.ue(mbHeight - 1);
        bw.flag(true); // frame_mbs_only_flag
        bw.flag(true); // direct_8x8_inference_flag
        int cropRight = (mbWidth * 16 - width) / 2;
        int cropBottom = (mbHeight * 16 - height) / 2;
        boolean crop = cropRight != 0 || cropBottom != 0;
        bw.flag(crop);
        if (crop) {
            bw.ue(0);
            bw.ue(cropRight);
            bw.ue(0);
            bw.ue(cropBottom);
        }
        bw.flag(true); // vui_parameters_present_flag
        writeVui(bw);
        bw.trailingBits();
    }

    /**
     * VUI (Annex E.1.1) with only what helps players: the frame rate (timing_info, two ticks per frame) and
     * bitstream_restriction saying no picture is ever reordered and one reference picture suffices, so a decoder
     * may output each picture as soon as it is decoded instead of filling its whole DPB first.
     */
    private void writeVui(BitWriter bw) {
        bw.flag(false); // aspect_ratio_info_present_flag
        bw.flag(false); // overscan_info_present_flag
        bw.flag(false); // video_signal_type_present_flag
        bw.flag(false); // chroma_loc_info_present_flag
        bw.flag(true); // timing_info_present_flag
        // NTSC-style rates (29.97 = 30000/1001) get a tick of 1001; others are rounded to a thousandth.
        double ntsc = frameRate * 1.001;
        boolean ntscRate = Math.abs(ntsc - Math.rint(ntsc)) < 1e-3 && Math.abs(frameRate - Math.rint(frameRate)) > 1e-3;
        long tick = ntscRate ? 1001 : 1000;
        long scale = ntscRate ? 2000 * Math.round(ntsc) : Math.round(2000 * frameRate);
        bw.u(32, (int) tick);
        bw.u(32, (int) Math.min(scale, 0xFFFF_FFFFL));
        bw.flag(false); // fixed_frame_rate_flag: sources may have variable rate
        bw.flag(false); // nal_hrd_parameters_present_flag
        bw.flag(false); // vcl_hrd_parameters_present_flag
        bw.flag(false); // pic_struct_present_flag
        bw.flag(true); // bitstream_restriction_flag
        bw.flag(true); // motion_vectors_over_pic_boundaries_flag
        bw.ue(0); // max_bytes_per_pic_denom: no limit
        bw.ue(0); // max_bits_per_mb_denom: no limit
        bw.ue(16); // log2_max_mv_length_horizontal
        bw.ue(16); // log2_max_mv_length_vertical
        bw.ue(0); // max_num_reorder_frames
        bw.ue(1); // max_dec_frame_buffering
    }

    void writePps(BitWriter bw) {
        bw.ue(0); // pic_parameter_set_id
        bw.ue(0); // seq_parameter_set_id
        bw.flag(false); // entropy_coding_mode_flag: CAVLC
        bw.flag(false); // bottom_field_pic_order_in_frame_present_flag
        bw.ue(0); // num_slice_groups_minus1
        bw.ue(0); // num_ref_idx_l0_default_active_minus1
        bw.ue(0); // num_ref_idx_l1_default_active_minus1
        bw.flag(false); // weighted_pred_flag
        bw.u(2, 0); // weighted_bipred_idc
        bw.se(0); // pic_init_qp_minus26
        bw.se(0); // pic_init_qs_minus26
        bw.se(0); // chroma_qp_index_offset
        bw.flag(true); // deblocking_filter_control_present_flag
        bw.flag(false); // constrained_intra_pred_flag
        bw.flag(false); // redundant_pic_cnt_present_flag
        bw.trailingBits();
    }

    /** A slice header for a whole-picture slice; I slices are coded as type 7, P slices as type 5. */
    void writeSliceHeader(BitWriter bw, boolean idr, int frameNum, int idrPicId, int qp) {
        bw.ue(0); // first_mb_in_slice
        bw.ue(idr ? 7 : 5);
        bw.ue(0); // pic_parameter_set_id
        bw.u(LOG2_MAX_FRAME_NUM, frameNum & ((1 << LOG2_MAX_FRAME_NUM) - 1));
        if (idr) {
            bw.ue(idrPicId & 0xFFFF);
        } else {
            bw.flag(false); // num_ref_idx_active_override_flag
            bw.flag(false); // ref_pic_list_modification_flag_l0
        }
        if (idr) {
            bw.flag(false); // no_output_of_prior_pics_flag
            bw.flag(false); // long_term_reference_flag
        } else {
            bw.flag(false); // adaptive_ref_pic_marking_mode_flag: sliding window
        }
        bw.se(qp - 26);
        bw.ue(1); // disable_deblocking_filter_idc
    }
}
