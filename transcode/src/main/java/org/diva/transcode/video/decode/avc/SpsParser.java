package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.video.decode.UnsupportedVideoException;

/**
 * seq_parameter_set_rbsp() (14496-10 7.3.2.1.1) into {@link Sps}, refusing with {@link UnsupportedVideoException}
 * what DiVA's decoder does not do (not 4:2:0, not 8-bit, lossless, interlaced).
 */
final class SpsParser {
    /** Profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices (7.3.2.1.1). */
    private static final int[] HIGH_PROFILES = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135};
    /** Largest picture {@link AvcPicture} accepts (level 6.2's MaxFS). */
    private static final int MAX_MBS = 139_264;
    /** 4096x2304, as the other decoders and the thumbnailer allow. */
    private static final int MAX_DECODED_MBS = 256 * 144;

    private SpsParser() {
    }

    static Sps parse(byte[] rbsp) throws MediaFormatException {
        RbspBits bits = new RbspBits(rbsp, "H.264 SPS");
        int profile = bits.u(8);
        int constraints = bits.u(8);
        int level = bits.u(8);
        int spsId = bits.ue("seq_parameter_set_id", 0, 31);
        int[][] scaling4x4 = ScalingLists.flat(6, 16);
        int[][] scaling8x8 = ScalingLists.flat(2, 64);
        boolean scalingPresent = false;
        if (isHigh(profile)) {
            int chroma = bits.ue("chroma_format_idc", 0, 3);
            if (chroma != 1) {
                throw new UnsupportedVideoException("H.264 chroma_format_idc " + chroma
                        + " (only 4:2:0 is decoded; 0 = monochrome, 2 = 4:2:2, 3 = 4:4:4)");
            }
            int depthLuma = bits.ue("bit_depth_luma_minus8", 0, 6) + 8;
            int depthChroma = bits.ue("bit_depth_chroma_minus8", 0, 6) + 8;
            if (depthLuma != 8 || depthChroma != 8) {
                throw new UnsupportedVideoException(Math.max(depthLuma, depthChroma) + "-bit H.264 (bit depth luma "
                        + depthLuma + ", chroma " + depthChroma + "; only 8-bit is decoded)");
            }
            if (bits.flag()) {
                throw new UnsupportedVideoException("H.264 lossless coding (qpprime_y_zero_transform_bypass_flag)");
            }
            scalingPresent = bits.flag();
            if (scalingPresent) {
                int[][] fallback4x4 = {ScalingLists.defaultList(0), null, null, ScalingLists.defaultList(3)};
                int[][] fallback8x8 = {ScalingLists.defaultList(6), ScalingLists.defaultList(7)};
                ScalingLists.read(bits, 8, fallback4x4, fallback8x8, scaling4x4, scaling8x8); // rule A
            }
        }
        int log2MaxFrameNum = bits.ue("log2_max_frame_num_minus4", 0, 12) + 4;
        int pocType = bits.ue("pic_order_cnt_type", 0, 2);
        int log2MaxPocLsb = 0;
        boolean alwaysZero = false;
        int offsetNonRef = 0;
        int offsetTopBottom = 0;
        int[] offsetForRefFrame = new int[0];
        if (pocType == 0) {
            log2MaxPocLsb = bits.ue("log2_max_pic_order_cnt_lsb_minus4", 0, 12) + 4;
        } else if (pocType == 1) {
            alwaysZero = bits.flag();
            offsetNonRef = bits.se();
            offsetTopBottom = bits.se();
            offsetForRefFrame = new int[bits.ue("num_ref_frames_in_pic_order_cnt_cycle", 0, 255)];
            for (int i = 0; i < offsetForRefFrame.length; i++) {
                offsetForRefFrame[i] = bits.se();
            }
        }
        int maxNumRefFrames = bits.ue("max_num_ref_frames", 0, 16);
        boolean gaps = bits.flag();
        int widthMbs = bits.ue("pic_width_in_mbs_minus1", 0, MAX_MBS - 1) + 1;
        int heightMbs = bits.ue("pic_height_in_map_units_minus1", 0, MAX_MBS - 1) + 1;
        if (!bits.flag()) {
            throw new UnsupportedVideoException("interlaced H.264 (frame_mbs_only_flag 0: field or MBAFF coding)");
        }
        if ((long) widthMbs * heightMbs > MAX_MBS) {
            throw new MediaFormatException("H.264 SPS: picture of " + widthMbs + "x" + heightMbs
                    + " macroblocks is larger than any level allows (" + MAX_MBS + ")");
        }
        // Up to 17 pictures of this size are kept (references, reordering): bound what a stream can make us hold.
        if ((long) widthMbs * heightMbs > MAX_DECODED_MBS) {
            throw new UnsupportedVideoException("H.264 pictures of " + 16 * widthMbs + "x" + 16 * heightMbs
                    + " (DiVA decodes up to 4096x2304)");
        }
        boolean direct8x8 = bits.flag();
        int cropLeft = 0;
        int cropRight = 0;
        int cropTop = 0;
        int cropBottom = 0;
        if (bits.flag()) {
            // 7.4.2.1.1: CropUnitX = CropUnitY = 2 for 4:2:0 frames
            cropLeft = 2 * bits.ue("frame_crop_left_offset", 0, 8 * widthMbs);
            cropRight = 2 * bits.ue("frame_crop_right_offset", 0, 8 * widthMbs);
            cropTop = 2 * bits.ue("frame_crop_top_offset", 0, 8 * heightMbs);
            cropBottom = 2 * bits.ue("frame_crop_bottom_offset", 0, 8 * heightMbs);
            if (cropLeft + cropRight >= 16 * widthMbs || cropTop + cropBottom >= 16 * heightMbs) {
                throw new MediaFormatException("H.264 SPS: frame cropping " + cropLeft + "+" + cropRight + " x "
                        + cropTop + "+" + cropBottom + " leaves nothing of " + 16 * widthMbs + "x" + 16 * heightMbs);
            }
        }
        int dpbFrames = Math.max(maxDpbFrames(level, constraints, widthMbs * heightMbs), maxNumRefFrames);
        // Without bitstream_restriction, 7.4.2.1.1/E.2.1: reordering may be as deep as the DPB, except in the
        // intra-only profiles (constraint_set3 on 44/86/100/110/122/244), which never reorder
        boolean intraOnly = (constraints & 0x10) != 0 && (profile == 44 || profile == 86 || profile == 100
                || profile == 110 || profile == 122 || profile == 244);
        int[] reorderAndBuffering = {intraOnly ? 0 : dpbFrames, intraOnly ? 0 : dpbFrames};
        if (bits.flag()) {
            Vui.skipToBitstreamRestriction(bits, reorderAndBuffering);
        }
        int maxDecFrameBuffering = Math.max(Math.max(reorderAndBuffering[1], maxNumRefFrames), 1);
        int maxNumReorderFrames = Math.min(reorderAndBuffering[0], maxDecFrameBuffering);
        return new Sps(spsId, profile, level, scaling4x4, scaling8x8, scalingPresent, log2MaxFrameNum, pocType,
                log2MaxPocLsb, alwaysZero, offsetNonRef, offsetTopBottom, offsetForRefFrame, maxNumRefFrames, gaps,
                widthMbs, heightMbs, direct8x8, cropLeft, cropRight, cropTop, cropBottom, maxNumReorderFrames,
                maxDecFrameBuffering);
    }

    private static boolean isHigh(int profile) {
        for (int p : HIGH_PROFILES) {
            if (p == profile) {
                return true;
            }
        }
        return false;
    }

    /** MaxDpbFrames = Min(MaxDpbMbs / (PicWidthInMbs * FrameHeightInMbs), 16) with MaxDpbMbs of Table A-1. */
    static int maxDpbFrames(int level, int constraints, int frameMbs) {
        int maxDpbMbs = switch (level) {
            case 9, 10 -> 396;
            case 11 -> (constraints & 0x10) != 0 ? 396 : 900; // level 1b in Baseline/Main/Extended
            case 12, 13, 20 -> 2376;
            case 21 -> 4752;
            case 22, 30 -> 8100;
            case 31 -> 18000;
            case 32 -> 20480;
            case 40, 41 -> 32768;
            case 42 -> 34816;
            case 50 -> 110400;
            case 51, 52 -> 184320;
            default -> 696320; // 6.x and unknown levels: the largest, so that nothing is bumped too early
        };
        return Math.max(1, Math.min(maxDpbMbs / frameMbs, 16));
    }
}
