package org.diva.transcode.codec;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The facts DiVA needs from an H.264 sequence parameter set (ITU-T H.264 section 7.3.2.1.1): profile, level,
 * picture size after cropping, chroma format, bit depth, interlacing, and the frame rate when the VUI carries
 * timing.
 */
public record H264Sps(int profileIdc, int constraintFlags, int levelIdc, int width, int height, int chromaFormatIdc,
                      int bitDepthLuma, boolean frameMbsOnly, OptionalDouble frameRate) {

    /** The profile's name as ffprobe and device specifications write it. */
    public String profileName() {
        return switch (profileIdc) {
            case 66 -> (constraintFlags & 0x40) != 0 ? "Constrained Baseline" : "Baseline";
            case 77 -> "Main";
            case 88 -> "Extended";
            case 100 -> "High";
            case 110 -> "High 10";
            case 122 -> "High 4:2:2";
            case 244 -> "High 4:4:4 Predictive";
            case 44 -> "CAVLC 4:4:4";
            default -> "profile " + profileIdc;
        };
    }

    /** The level as written ("3.1"); level_idc 9 and Baseline 11 with constraint_set3 mean 1b. */
    public String levelName() {
        if (levelIdc == 9 || (levelIdc == 11 && (constraintFlags & 0x10) != 0 && profileIdc == 66)) {
            return "1b";
        }
        return (levelIdc / 10) + "." + (levelIdc % 10);
    }

    /**
     * Parses an SPS NAL unit (starting with the NAL header byte 0x67 or equivalent, without a start code).
     *
     * @return empty when the bytes are not a parseable SPS
     */
    public static Optional<H264Sps> parse(byte[] nal) {
        if (nal.length < 4 || (nal[0] & 0x1f) != 7) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseRbsp(new BitReader(Rbsp.unescape(ByteBuffer.wrap(nal, 1, nal.length - 1)))));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static H264Sps parseRbsp(BitReader r) {
        int profileIdc = r.readInt(8);
        int constraints = r.readInt(8);
        int levelIdc = r.readInt(8);
        r.readUE(); // seq_parameter_set_id
        int chromaFormatIdc = 1;
        int bitDepthLuma = 8;
        boolean separateColourPlanes = false;
        if (profileIdc == 100 || profileIdc == 110 || profileIdc == 122 || profileIdc == 244 || profileIdc == 44
                || profileIdc == 83 || profileIdc == 86 || profileIdc == 118 || profileIdc == 128
                || profileIdc == 138 || profileIdc == 139 || profileIdc == 134 || profileIdc == 135) {
            chromaFormatIdc = r.readUE();
            if (chromaFormatIdc == 3) {
                separateColourPlanes = r.readFlag();
            }
            bitDepthLuma = r.readUE() + 8;
            r.readUE(); // bit_depth_chroma_minus8
            r.readFlag(); // qpprime_y_zero_transform_bypass_flag
            if (r.readFlag()) { // seq_scaling_matrix_present_flag
                for (int i = 0; i < (chromaFormatIdc != 3 ? 8 : 12); i++) {
                    if (r.readFlag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.readUE(); // log2_max_frame_num_minus4
        int picOrderCntType = r.readUE();
        if (picOrderCntType == 0) {
            r.readUE();
        } else if (picOrderCntType == 1) {
            r.readFlag();
            r.readSE();
            r.readSE();
            int cycle = r.readUE();
            for (int i = 0; i < cycle; i++) {
                r.readSE();
            }
        }
        r.readUE(); // max_num_ref_frames
        r.readFlag(); // gaps_in_frame_num_value_allowed_flag
        int widthMbs = r.readUE() + 1;
        int heightMapUnits = r.readUE() + 1;
        boolean frameMbsOnly = r.readFlag();
        if (!frameMbsOnly) {
            r.readFlag(); // mb_adaptive_frame_field_flag
        }
        r.readFlag(); // direct_8x8_inference_flag
        int width = widthMbs * 16;
        int height = heightMapUnits * 16 * (frameMbsOnly ? 1 : 2);
        if (r.readFlag()) { // frame_cropping_flag
            int left = r.readUE();
            int right = r.readUE();
            int top = r.readUE();
            int bottom = r.readUE();
            int arrayType = separateColourPlanes ? 0 : chromaFormatIdc;
            int cropX = arrayType == 0 ? 1 : (arrayType == 3 ? 1 : 2);
            int cropY = (arrayType == 0 ? 1 : (arrayType == 1 ? 2 : 1)) * (frameMbsOnly ? 1 : 2);
            width -= (left + right) * cropX;
            height -= (top + bottom) * cropY;
        }
        OptionalDouble frameRate = OptionalDouble.empty();
        if (r.readFlag()) { // vui_parameters_present_flag
            frameRate = readVuiFrameRate(r);
        }
        return new H264Sps(profileIdc, constraints, levelIdc, Math.max(0, width), Math.max(0, height),
                chromaFormatIdc, bitDepthLuma, frameMbsOnly, frameRate);
    }

    private static OptionalDouble readVuiFrameRate(BitReader r) {
        try {
            if (r.readFlag()) { // aspect_ratio_info_present_flag
                if (r.readInt(8) == 255) {
                    r.skipBits(32);
                }
            }
            if (r.readFlag()) { // overscan_info_present_flag
                r.readFlag();
            }
            if (r.readFlag()) { // video_signal_type_present_flag
                r.skipBits(4);
                if (r.readFlag()) {
                    r.skipBits(24);
                }
            }
            if (r.readFlag()) { // chroma_loc_info_present_flag
                r.readUE();
                r.readUE();
            }
            if (r.readFlag()) { // timing_info_present_flag
                long unitsInTick = r.readBits(32);
                long timeScale = r.readBits(32);
                if (unitsInTick > 0 && timeScale > 0) {
                    // H.264 counts field ticks: a frame is two ticks.
                    return OptionalDouble.of(Math.round(timeScale / (2.0 * unitsInTick) * 1000) / 1000.0);
                }
            }
        } catch (IllegalStateException truncatedVui) {
            // A VUI cut short only costs us the frame rate.
        }
        return OptionalDouble.empty();
    }

    private static void skipScalingList(BitReader r, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + r.readSE() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }
}
