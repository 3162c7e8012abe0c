package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * vui_parameters() (14496-10 E.1.1): the decoder needs only bitstream_restriction's max_num_reorder_frames and
 * max_dec_frame_buffering, which come last, so everything before them (including both HRD parameter sets, E.1.2)
 * is read and dropped.
 */
final class Vui {
    private static final int EXTENDED_SAR = 255;

    private Vui() {
    }

    /**
     * Reads the VUI; when it has bitstream_restriction, stores max_num_reorder_frames in {@code reorderAndBuffering[0]}
     * and max_dec_frame_buffering in {@code [1]}, otherwise leaves them.
     */
    static void skipToBitstreamRestriction(RbspBits bits, int[] reorderAndBuffering) throws MediaFormatException {
        if (bits.flag() && bits.u(8) == EXTENDED_SAR) { // aspect_ratio_info_present_flag, aspect_ratio_idc
            bits.u(16);
            bits.u(16);
        }
        if (bits.flag()) { // overscan_info_present_flag
            bits.flag();
        }
        if (bits.flag()) { // video_signal_type_present_flag
            bits.u(4); // video_format, video_full_range_flag
            if (bits.flag()) {
                bits.u(24); // colour_primaries, transfer_characteristics, matrix_coefficients
            }
        }
        if (bits.flag()) { // chroma_loc_info_present_flag
            bits.ue();
            bits.ue();
        }
        if (bits.flag()) { // timing_info_present_flag
            bits.u(16);
            bits.u(16);
            bits.u(16);
            bits.u(16);
            bits.flag();
        }
        boolean nalHrd = bits.flag();
        if (nalHrd) {
            skipHrd(bits);
        }
        boolean vclHrd = bits.flag();
        if (vclHrd) {
            skipHrd(bits);
        }
        if (nalHrd || vclHrd) {
            bits.flag(); // low_delay_hrd_flag
        }
        bits.flag(); // pic_struct_present_flag
        if (bits.flag()) { // bitstream_restriction_flag
            bits.flag(); // motion_vectors_over_pic_boundaries_flag
            bits.ue("max_bytes_per_pic_denom", 0, 16);
            bits.ue("max_bits_per_mb_denom", 0, 16);
            bits.ue("log2_max_mv_length_horizontal", 0, 16);
            bits.ue("log2_max_mv_length_vertical", 0, 16);
            reorderAndBuffering[0] = bits.ue("max_num_reorder_frames", 0, 16);
            reorderAndBuffering[1] = bits.ue("max_dec_frame_buffering", 0, 16);
        }
    }

    /** hrd_parameters() (E.1.2). */
    private static void skipHrd(RbspBits bits) throws MediaFormatException {
        int cpbCount = bits.ue("cpb_cnt_minus1", 0, 31) + 1;
        bits.u(8); // bit_rate_scale, cpb_size_scale
        for (int i = 0; i < cpbCount; i++) {
            bits.skipUe(); // bit_rate_value_minus1
            bits.skipUe(); // cpb_size_value_minus1
            bits.flag(); // cbr_flag
        }
        bits.u(20); // four 5-bit lengths: initial_cpb_removal_delay, cpb_removal_delay, dpb_output_delay, time_offset
    }
}
