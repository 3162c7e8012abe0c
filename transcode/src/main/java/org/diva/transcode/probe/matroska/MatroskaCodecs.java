package org.diva.transcode.probe.matroska;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.codec.AacConfig;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.probe.riff.BitmapInfoHeader;
import org.diva.transcode.probe.riff.WaveFormatEx;

/**
 * Translates Matroska track entries into DiVA's tracks: CodecID to codec name (the Matroska codec mappings,
 * https://www.matroska.org/technical/codec_specs.html), and the profile, level and bit depth that the CodecPrivate
 * of H.264, HEVC, VP9, AV1, AAC and the Windows-compatibility tracks carries. A CodecPrivate that does not parse
 * costs only those details, never the track.
 */
public final class MatroskaCodecs {
    private MatroskaCodecs() {
    }

    public static VideoTrack video(MatroskaTrackEntry t) {
        String id = t.codecId().toUpperCase(Locale.ROOT);
        byte[] priv = t.codecPrivate().orElse(new byte[0]);
        int width = t.pixelWidth();
        int height = t.pixelHeight();
        boolean interlaced = t.flagInterlaced() == 1;
        OptionalDouble frameRate = frameRate(t.defaultDuration());
        CodecPrivateFacts facts = CodecPrivateFacts.NONE;
        String codec;
        switch (id) {
            case "V_MPEG4/ISO/AVC" -> {
                codec = "h264";
                facts = CodecPrivateFacts.avcC(priv);
            }
            case "V_MPEGH/ISO/HEVC" -> {
                codec = "hevc";
                facts = CodecPrivateFacts.hvcC(priv);
            }
            case "V_VP8" -> codec = "vp8";
            case "V_VP9" -> {
                codec = "vp9";
                facts = CodecPrivateFacts.vp9(priv);
            }
            case "V_AV1" -> {
                codec = "av1";
                facts = CodecPrivateFacts.av1C(priv);
            }
            case "V_MPEG2" -> codec = "mpeg2video";
            case "V_MPEG1" -> codec = "mpeg1video";
            case "V_MPEG4/ISO/ASP", "V_MPEG4/ISO/SP", "V_MPEG4/ISO/AP" -> codec = "mpeg4";
            case "V_MPEG4/MS/V3" -> codec = "msmpeg4v3";
            case "V_MS/VFW/FOURCC" -> {
                Optional<BitmapInfoHeader> bih = BitmapInfoHeader.parse(priv);
                codec = bih.map(BitmapInfoHeader::codec).orElse("v_ms/vfw/fourcc");
                width = width > 0 ? width : bih.map(BitmapInfoHeader::width).orElse(0);
                height = height > 0 ? height : bih.map(BitmapInfoHeader::height).orElse(0);
            }
            case "V_THEORA" -> codec = "theora";
            case "V_MJPEG" -> codec = "mjpeg";
            case "V_PRORES" -> codec = "prores";
            case "V_FFV1" -> codec = "ffv1";
            case "V_UNCOMPRESSED" -> codec = "rawvideo";
            default -> codec = unknown(t.codecId());
        }
        if (width == 0 || height == 0) {
            width = facts.width();
            height = facts.height();
        }
        OptionalInt bitDepth = t.colourBits().isPresent() ? t.colourBits() : facts.bitDepth();
        return new VideoTrack(codec, facts.profile(), facts.level(), width, height,
                frameRate.isPresent() ? frameRate : facts.frameRate(), bitDepth, interlaced || facts.interlaced(),
                OptionalLong.empty(), t.language());
    }

    public static AudioTrack audio(MatroskaTrackEntry t) {
        String id = t.codecId().toUpperCase(Locale.ROOT);
        byte[] priv = t.codecPrivate().orElse(new byte[0]);
        OptionalInt channels = AudioTrack.positive(t.channels());
        OptionalInt sampleRate = AudioTrack.positive(t.samplingRate());
        if (id.equals("A_MS/ACM")) {
            return WaveFormatEx.parse(priv).map(w -> w.toTrack(t.language()))
                    .orElse(new AudioTrack("a_ms/acm", Optional.empty(), channels, sampleRate, OptionalLong.empty(),
                            t.language()));
        }
        Optional<String> profile = Optional.empty();
        if (id.equals("A_AAC") || id.startsWith("A_AAC/")) {
            Optional<AacConfig> config = AacConfig.parse(priv);
            profile = config.map(AacConfig::profileName).or(() -> aacProfileFromId(id));
            boolean explicitSbr = config.map(c -> c.objectType() == 5 || c.objectType() == 29).orElse(false);
            if (explicitSbr && config.get().sampleRate() > 0) {
                sampleRate = OptionalInt.of(config.get().sampleRate());
            }
        } else if (id.equals("A_DTS/LOSSLESS")) {
            profile = Optional.of("DTS-HD MA");
        } else if (id.equals("A_DTS/EXPRESS")) {
            profile = Optional.of("DTS Express");
        }
        OptionalLong bitrate = OptionalLong.empty();
        String codec = audioCodec(id, t.codecId());
        if (codec.equals("pcm") && t.bitDepth().isPresent() && t.channels() > 0) {
            bitrate = OptionalLong.of((long) t.channels() * t.samplingRate() * t.bitDepth().getAsInt());
        }
        return new AudioTrack(codec, profile, channels, sampleRate, bitrate, t.language());
    }

    public static SubtitleTrack subtitle(MatroskaTrackEntry t) {
        String id = t.codecId().toUpperCase(Locale.ROOT);
        String format = switch (id) {
            case "S_TEXT/UTF8", "S_TEXT/ASCII" -> "srt";
            case "S_TEXT/ASS", "S_ASS" -> "ass";
            case "S_TEXT/SSA", "S_SSA" -> "ssa";
            case "S_TEXT/WEBVTT", "D_WEBVTT/SUBTITLES", "D_WEBVTT/CAPTIONS", "D_WEBVTT/DESCRIPTIONS" -> "webvtt";
            case "S_HDMV/PGS" -> "pgs";
            case "S_VOBSUB" -> "dvdsub";
            case "S_DVBSUB" -> "dvbsub";
            default -> unknown(t.codecId());
        };
        return SubtitleTrack.embedded(format, t.language(), t.name());
    }

    private static String audioCodec(String id, String original) {
        if (id.startsWith("A_AAC")) {
            return "aac";
        }
        if (id.startsWith("A_PCM/")) {
            return "pcm";
        }
        if (id.startsWith("A_AC3")) {
            return "ac3"; // also A_AC3/BSID9 and A_AC3/BSID10
        }
        if (id.startsWith("A_DTS")) {
            return "dts";
        }
        return switch (id) {
            case "A_EAC3" -> "eac3";
            case "A_MPEG/L3" -> "mp3";
            case "A_MPEG/L2" -> "mp2";
            case "A_MPEG/L1" -> "mp1";
            case "A_FLAC" -> "flac";
            case "A_VORBIS" -> "vorbis";
            case "A_OPUS" -> "opus";
            case "A_TRUEHD" -> "truehd";
            case "A_ALAC" -> "alac";
            case "A_TTA1" -> "tta";
            case "A_WAVPACK4" -> "wavpack";
            default -> unknown(original);
        };
    }

    /** The profile that the long AAC CodecIDs of older muxers name (A_AAC/MPEG4/LC/SBR and the like). */
    private static Optional<String> aacProfileFromId(String id) {
        if (id.endsWith("/SBR")) {
            return Optional.of("HE-AAC");
        }
        if (id.endsWith("/LC")) {
            return Optional.of("LC");
        }
        if (id.endsWith("/MAIN")) {
            return Optional.of("Main");
        }
        if (id.endsWith("/SSR")) {
            return Optional.of("SSR");
        }
        if (id.endsWith("/LTP")) {
            return Optional.of("LTP");
        }
        return Optional.empty();
    }

    /** Frames per second from a frame's DefaultDuration in nanoseconds, to three decimals (29.97, 23.976). */
    static OptionalDouble frameRate(long defaultDurationNanos) {
        if (defaultDurationNanos <= 0) {
            return OptionalDouble.empty();
        }
        double fps = Math.round(1e12 / defaultDurationNanos) / 1000.0;
        return fps > 0 && fps <= 1000 ? OptionalDouble.of(fps) : OptionalDouble.empty();
    }

    private static String unknown(String codecId) {
        return codecId.isBlank() ? "unknown" : codecId.toLowerCase(Locale.ROOT);
    }
}
