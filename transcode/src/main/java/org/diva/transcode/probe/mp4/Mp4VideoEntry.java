package org.diva.transcode.probe.mp4;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.codec.H264Sps;
import org.diva.transcode.codec.HevcConfig;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.probe.mp4.Mp4InlineBoxes.Inline;

/**
 * Reads a visual sample entry (ISO/IEC 14496-12 section 12.1.3) into a {@link VideoTrack}: the codec from the format
 * code, the picture size from the entry, and profile, level and bit depth from the codec configuration box (avcC,
 * hvcC, esds, vpcC, av1C). Damaged configuration costs only the facts it would have given.
 */
final class Mp4VideoEntry {
    /** Header, reserved, data reference index, then 70 bytes of fixed fields; child boxes follow. */
    static final int FIXED_SIZE = 86;
    private static final int MAX_PLAUSIBLE_SIZE = 16384;

    private Mp4VideoEntry() {
    }

    /** The track as far as the sample entry tells it; the frame rate comes from the codec's own timing, if any. */
    static VideoTrack read(Mp4SampleEntry entry) {
        ByteBuffer b = entry.bytes();
        int width = b.limit() >= 36 ? b.getShort(32) & 0xffff : 0;
        int height = b.limit() >= 36 ? b.getShort(34) & 0xffff : 0;
        List<Inline> children = entry.children(FIXED_SIZE);
        OptionalLong bitrate = Mp4InlineBoxes.find(children, "btrt").filter(btrt -> btrt.remaining() >= 12)
                .map(btrt -> btrt.getInt(btrt.position() + 8) & 0xffff_ffffL).filter(rate -> rate > 0)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        VideoTrack sized = new VideoTrack(codec(entry.format()).orElse(entry.unknownCodec()), Optional.empty(),
                Optional.empty(), width, height, OptionalDouble.empty(), OptionalInt.empty(), false, bitrate,
                Optional.empty());
        return switch (sized.codec()) {
            case "h264" -> Mp4InlineBoxes.find(children, "avcC").map(avcC -> avc(sized, avcC)).orElse(sized);
            case "hevc" -> Mp4InlineBoxes.find(children, "hvcC").map(hvcC -> hevc(sized, hvcC)).orElse(sized);
            case "mpeg4" -> Mp4InlineBoxes.find(children, "esds").flatMap(Mp4Esds::parse)
                    .map(esds -> Mp4VisualObjects.fromEsds(sized, esds)).orElse(sized);
            case "vp9" -> Mp4InlineBoxes.find(children, "vpcC").map(vpcC -> Mp4VisualObjects.vp9(sized, vpcC))
                    .orElse(sized);
            case "av1" -> Mp4InlineBoxes.find(children, "av1C").map(av1C -> Mp4VisualObjects.av1(sized, av1C))
                    .orElse(sized);
            default -> sized;
        };
    }

    private static Optional<String> codec(String format) {
        return Optional.ofNullable(switch (format) {
            case "avc1", "avc2", "avc3", "avc4", "dvav", "dva1" -> "h264";
            case "hvc1", "hev1", "dvh1", "dvhe" -> "hevc";
            case "mp4v" -> "mpeg4"; // refined by the esds object type
            case "vp08" -> "vp8";
            case "vp09" -> "vp9";
            case "av01" -> "av1";
            case "jpeg", "mjpa", "mjpb", "AVDJ" -> "mjpeg";
            case "s263", "h263", "H263" -> "h263";
            case "mp2v", "m2v1", "hdv1", "hdv2", "hdv3", "hdv5", "hdv6", "xdv7", "xdv8", "xdva", "xdvb", "xdvc",
                 "xdvd", "xdve", "xdvf", "xd54", "xd55", "xd5a", "xd5b", "xd5c", "xd5d", "xd5e", "xd5f" -> "mpeg2video";
            case "mp1v" -> "mpeg1video";
            case "apch", "apcn", "apcs", "apco", "ap4h", "ap4x" -> "prores";
            default -> null;
        });
    }

    /** avcC (ISO/IEC 14496-15 section 5.3.3.1): the first SPS tells everything; its own head is the fallback. */
    private static VideoTrack avc(VideoTrack sized, ByteBuffer avcC) {
        int start = avcC.position();
        if (avcC.remaining() < 4) {
            return sized;
        }
        int profileIdc = avcC.get(start + 1) & 0xff;
        int constraints = avcC.get(start + 2) & 0xff;
        int levelIdc = avcC.get(start + 3) & 0xff;
        Optional<H264Sps> sps = firstSps(avcC);
        if (sps.isEmpty() || sps.get().profileIdc() != profileIdc) {
            // Only the record's own profile and level can be trusted; the names follow the same rules.
            H264Sps head = new H264Sps(profileIdc, constraints, levelIdc, 0, 0, 1, 8, true, OptionalDouble.empty());
            return with(sized, "h264", head.profileName(), head.levelName(), sized.width(), sized.height(),
                    OptionalInt.empty(), false, OptionalDouble.empty());
        }
        H264Sps s = sps.get();
        boolean plausible = s.width() > 0 && s.height() > 0 && s.width() <= MAX_PLAUSIBLE_SIZE
                && s.height() <= MAX_PLAUSIBLE_SIZE;
        return with(sized, "h264", s.profileName(), s.levelName(), plausible ? s.width() : sized.width(),
                plausible ? s.height() : sized.height(), OptionalInt.of(s.bitDepthLuma()), !s.frameMbsOnly(),
                s.frameRate());
    }

    private static Optional<H264Sps> firstSps(ByteBuffer avcC) {
        int start = avcC.position();
        if (avcC.remaining() < 8 || (avcC.get(start + 5) & 0x1f) == 0) {
            return Optional.empty();
        }
        int length = avcC.getShort(start + 6) & 0xffff;
        if (length > avcC.remaining() - 8) {
            return Optional.empty();
        }
        byte[] nal = new byte[length];
        avcC.duplicate().position(start + 8).get(nal);
        return H264Sps.parse(nal);
    }

    private static VideoTrack hevc(VideoTrack sized, ByteBuffer hvcC) {
        return HevcConfig.parse(Mp4InlineBoxes.bytes(hvcC))
                .map(c -> with(sized, "hevc", c.profileName(), c.levelName(), sized.width(), sized.height(),
                        OptionalInt.of(c.bitDepthLuma()), false, OptionalDouble.empty()))
                .orElse(sized);
    }

    static VideoTrack with(VideoTrack t, String codec, String profile, String level, int width, int height,
                           OptionalInt bitDepth, boolean interlaced, OptionalDouble frameRate) {
        return new VideoTrack(codec, Optional.ofNullable(profile), Optional.ofNullable(level), width, height,
                frameRate, bitDepth, interlaced, t.bitrate(), t.language());
    }
}
