package org.diva.transcode.probe.matroska;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.diva.transcode.codec.H264Sps;
import org.diva.transcode.codec.HevcConfig;

/**
 * What a video track's decoder configuration record says about the stream: profile, level, bit depth, picture size
 * and interlacing. Each parser takes the raw record, checks every length before it reads, and returns
 * {@link #NONE} (or what it got to) for bytes that do not parse.
 */
record CodecPrivateFacts(Optional<String> profile, Optional<String> level, int width, int height,
                         OptionalInt bitDepth, boolean interlaced, OptionalDouble frameRate) {

    static final CodecPrivateFacts NONE = new CodecPrivateFacts(Optional.empty(), Optional.empty(), 0, 0,
            OptionalInt.empty(), false, OptionalDouble.empty());

    /**
     * An AVCDecoderConfigurationRecord (ISO/IEC 14496-15 section 5.3.3.1): its first SPS is parsed for the facts;
     * when that fails, the profile and level bytes of the record itself still name the profile and level.
     */
    static CodecPrivateFacts avcC(byte[] record) {
        if (record.length < 7 || record[0] != 1) {
            return NONE;
        }
        int spsCount = record[5] & 0x1f;
        if (spsCount > 0 && record.length >= 8) {
            int length = (record[6] & 0xff) << 8 | (record[7] & 0xff);
            if (8 + length <= record.length) {
                Optional<H264Sps> sps = H264Sps.parse(Arrays.copyOfRange(record, 8, 8 + length));
                if (sps.isPresent()) {
                    H264Sps s = sps.get();
                    return new CodecPrivateFacts(Optional.of(s.profileName()), Optional.of(s.levelName()),
                            s.width(), s.height(), OptionalInt.of(s.bitDepthLuma()), !s.frameMbsOnly(),
                            s.frameRate());
                }
            }
        }
        // The record repeats the SPS's profile_idc, constraint flags and level_idc in bytes 1 to 3.
        H264Sps names = new H264Sps(record[1] & 0xff, record[2] & 0xff, record[3] & 0xff, 0, 0, 1, 8, true,
                OptionalDouble.empty());
        return new CodecPrivateFacts(Optional.of(names.profileName()), Optional.of(names.levelName()), 0, 0,
                OptionalInt.empty(), false, OptionalDouble.empty());
    }

    /** An HEVCDecoderConfigurationRecord, through {@link HevcConfig}. */
    static CodecPrivateFacts hvcC(byte[] record) {
        return HevcConfig.parse(record)
                .map(c -> new CodecPrivateFacts(Optional.of(c.profileName()), Optional.of(c.levelName()), 0, 0,
                        OptionalInt.of(c.bitDepthLuma()), false, OptionalDouble.empty()))
                .orElse(NONE);
    }

    /**
     * VP9 codec feature metadata (Matroska codec mappings, V_VP9): a list of (ID, length, value) with ID 1 the
     * profile, 2 the level (ten times it) and 3 the bit depth.
     */
    static CodecPrivateFacts vp9(byte[] features) {
        Optional<String> profile = Optional.empty();
        Optional<String> level = Optional.empty();
        OptionalInt bitDepth = OptionalInt.empty();
        int i = 0;
        while (i + 2 <= features.length) {
            int id = features[i] & 0xff;
            int length = features[i + 1] & 0xff;
            if (i + 2 + length > features.length) {
                break;
            }
            if (length == 1) {
                int value = features[i + 2] & 0xff;
                switch (id) {
                    case 1 -> profile = Optional.of("Profile " + value);
                    case 2 -> level = Optional.of((value / 10) + "." + (value % 10));
                    case 3 -> bitDepth = OptionalInt.of(value);
                    default -> { }
                }
            }
            i += 2 + length;
        }
        return new CodecPrivateFacts(profile, level, 0, 0, bitDepth, false, OptionalDouble.empty());
    }

    /**
     * An AV1CodecConfigurationRecord (AV1 Codec ISO Media File Format Binding section 2.3.3): seq_profile and
     * seq_level_idx_0 in byte 1, high_bitdepth and twelve_bit in byte 2.
     */
    static CodecPrivateFacts av1C(byte[] record) {
        if (record.length < 4 || (record[0] & 0xff) != 0x81) {
            return NONE;
        }
        int seqProfile = (record[1] & 0xff) >> 5;
        int levelIdx = record[1] & 0x1f;
        String profile = switch (seqProfile) {
            case 0 -> "Main";
            case 1 -> "High";
            case 2 -> "Professional";
            default -> "profile " + seqProfile;
        };
        Optional<String> level = levelIdx == 31
                ? Optional.empty() : Optional.of((2 + (levelIdx >> 2)) + "." + (levelIdx & 3));
        boolean highBitDepth = (record[2] & 0x40) != 0;
        boolean twelveBit = (record[2] & 0x20) != 0;
        int bitDepth = highBitDepth ? (twelveBit ? 12 : 10) : 8;
        return new CodecPrivateFacts(Optional.of(profile), level, 0, 0, OptionalInt.of(bitDepth), false,
                OptionalDouble.empty());
    }
}
