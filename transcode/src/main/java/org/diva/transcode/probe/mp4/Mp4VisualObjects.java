package org.diva.transcode.probe.mp4;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.VideoTrack;

/** Video codecs whose MP4 configuration is small enough to read in a few lines: MPEG-1/2/4 via esds, VP9, AV1. */
final class Mp4VisualObjects {
    private static final int VOS_START_CODE = 0x000001b0;

    private Mp4VisualObjects() {
    }

    /** An 'mp4v' entry: the esds object type says which MPEG video it is (ISO/IEC 14496-1 table 5). */
    static VideoTrack fromEsds(VideoTrack t, Mp4Esds esds) {
        int oti = esds.objectType();
        OptionalLong bitrate = esds.avgBitrate() > 0 ? OptionalLong.of(esds.avgBitrate()) : t.bitrate();
        VideoTrack base = new VideoTrack(t.codec(), t.profile(), t.level(), t.width(), t.height(), t.frameRate(),
                t.bitDepth(), t.interlaced(), bitrate, t.language());
        if (oti >= 0x60 && oti <= 0x65) {
            String[] profiles = {"Simple", "Main", "SNR Scalable", "Spatially Scalable", "High", "4:2:2"};
            return rename(base, "mpeg2video", Optional.of(profiles[oti - 0x60]), Optional.empty());
        }
        return switch (oti) {
            case 0x6a -> rename(base, "mpeg1video", Optional.empty(), Optional.empty());
            case 0x6c -> rename(base, "mjpeg", Optional.empty(), Optional.empty());
            case 0x20 -> visualObjectSequence(base, esds.specificInfo());
            default -> base;
        };
    }

    /**
     * MPEG-4 Part 2 names its profile and level in the visual object sequence header that opens the decoder
     * configuration: profile_and_level_indication, ISO/IEC 14496-2 table G-1.
     */
    private static VideoTrack visualObjectSequence(VideoTrack t, byte[] info) {
        if (info.length < 5 || ByteBuffer.wrap(info).getInt() != VOS_START_CODE) {
            return t;
        }
        int indication = info[4] & 0xff;
        String profile = switch (indication >> 4) {
            case 0x0 -> "Simple";
            case 0x1 -> "Simple Scalable";
            case 0x2 -> "Core";
            case 0x3 -> "Main";
            case 0xf -> indication <= 0xf7 ? "Advanced Simple" : null;
            default -> null;
        };
        String level = switch (indication) {
            case 0x08 -> "0";
            case 0x09 -> "0b";
            case 0x04 -> "4a";
            case 0xf7 -> "3b";
            default -> String.valueOf(indication & 0x0f);
        };
        return profile == null ? t : rename(t, "mpeg4", Optional.of(profile), Optional.of(level));
    }

    /** 'vpcC', the VP codec configuration box (VP9 in ISO BMFF, version 1): profile, level, bit depth. */
    static VideoTrack vp9(VideoTrack t, ByteBuffer vpcC) {
        int at = vpcC.position() + 4; // version, flags
        if (vpcC.limit() - at < 3) {
            return t;
        }
        int level = vpcC.get(at + 1) & 0xff;
        int bitDepth = (vpcC.get(at + 2) & 0xf0) >> 4;
        return Mp4VideoEntry.with(t, "vp9", "Profile " + (vpcC.get(at) & 0xff), (level / 10) + "." + (level % 10),
                t.width(), t.height(), bitDepth > 0 ? OptionalInt.of(bitDepth) : OptionalInt.empty(), false,
                OptionalDouble.empty());
    }

    /** 'av1C', the AV1CodecConfigurationRecord (AV1 in ISO BMFF, section 2.3): seq_profile, level, bit depth. */
    static VideoTrack av1(VideoTrack t, ByteBuffer av1C) {
        int at = av1C.position();
        if (av1C.remaining() < 3 || (av1C.get(at) & 0x80) == 0) {
            return t;
        }
        int profile = (av1C.get(at + 1) & 0xe0) >> 5;
        int levelIdx = av1C.get(at + 1) & 0x1f;
        int flags = av1C.get(at + 2) & 0xff;
        int bitDepth = (flags & 0x40) == 0 ? 8 : (flags & 0x20) != 0 ? 12 : 10;
        String profileName = switch (profile) {
            case 0 -> "Main";
            case 1 -> "High";
            case 2 -> "Professional";
            default -> "profile " + profile;
        };
        String level = levelIdx == 31 ? null : (2 + (levelIdx >> 2)) + "." + (levelIdx & 3);
        return Mp4VideoEntry.with(t, "av1", profileName, level, t.width(), t.height(), OptionalInt.of(bitDepth),
                false, OptionalDouble.empty());
    }

    private static VideoTrack rename(VideoTrack t, String codec, Optional<String> profile, Optional<String> level) {
        return new VideoTrack(codec, profile, level, t.width(), t.height(), t.frameRate(), t.bitDepth(),
                t.interlaced(), t.bitrate(), t.language());
    }
}
