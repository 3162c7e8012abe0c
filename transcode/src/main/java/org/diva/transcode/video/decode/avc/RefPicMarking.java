package org.diva.transcode.video.decode.avc;

import java.util.List;

/**
 * dec_ref_pic_marking (14496-10 7.3.3.3).
 *
 * @param operations memory_management_control_operation entries as {op, a, b}: op 1 {difference_of_pic_nums_minus1},
 *                   2 {long_term_pic_num}, 3 {difference_of_pic_nums_minus1, long_term_frame_idx},
 *                   4 {max_long_term_frame_idx_plus1}, 5 {}, 6 {long_term_frame_idx}; empty = sliding window
 */
record RefPicMarking(boolean noOutputOfPriorPics, boolean longTermReference, boolean adaptive,
                     List<int[]> operations) {
}
