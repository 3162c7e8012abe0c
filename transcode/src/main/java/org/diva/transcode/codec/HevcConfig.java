package org.diva.transcode.codec;

import java.util.Optional;

/**
 * The facts DiVA needs from an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 section 8.3.3.1, the MP4 'hvcC' box
 * and Matroska's V_MPEGH/ISO/HEVC CodecPrivate): general profile, tier and level, chroma format and bit depth. Its
 * fixed 23-byte head repeats the SPS's profile_tier_level, so no SPS parsing is needed for these.
 */
public record HevcConfig(int profileIdc, long compatibilityFlags, boolean highTier, int levelIdc, int chromaFormatIdc,
                         int bitDepthLuma, int bitDepthChroma) {
    private static final int HEAD_SIZE = 23;

    /** The profile's name as ffprobe and device specifications write it. */
    public String profileName() {
        return switch (effectiveProfile()) {
            case 1 -> "Main";
            case 2 -> "Main 10";
            case 3 -> "Main Still Picture";
            case 4 -> "Rext";
            case 9 -> "SCC";
            default -> "profile " + profileIdc;
        };
    }

    /** The level as written ("5.1"): general_level_idc is 30 times the level number (H.265 section A.4). */
    public String levelName() {
        return (levelIdc / 30) + "." + (levelIdc % 30) / 3;
    }

    /** A stream may leave general_profile_idc 0 and say what it conforms to in the compatibility flags. */
    private int effectiveProfile() {
        if (profileIdc != 0) {
            return profileIdc;
        }
        for (int j = 1; j < 32; j++) {
            if ((compatibilityFlags & (1L << (31 - j))) != 0) {
                return j;
            }
        }
        return 0;
    }

    /** @return empty when the bytes are too short or not configuration version 1 */
    public static Optional<HevcConfig> parse(byte[] hvcC) {
        if (hvcC.length < HEAD_SIZE || hvcC[0] != 1) {
            return Optional.empty();
        }
        BitReader r = new BitReader(hvcC, 1, HEAD_SIZE - 1);
        r.skipBits(2); // general_profile_space
        boolean highTier = r.readFlag();
        int profileIdc = r.readInt(5);
        long compatibility = r.readBits(32);
        r.skipBits(48); // general_constraint_indicator_flags
        int levelIdc = r.readInt(8);
        r.skipBits(4 + 12 + 6 + 2 + 6); // min_spatial_segmentation_idc, parallelismType and reserved bits
        int chromaFormat = r.readInt(2);
        r.skipBits(5);
        int bitDepthLuma = r.readInt(3) + 8;
        r.skipBits(5);
        int bitDepthChroma = r.readInt(3) + 8;
        return Optional.of(new HevcConfig(profileIdc, compatibility, highTier, levelIdc, chromaFormat, bitDepthLuma,
                bitDepthChroma));
    }
}
