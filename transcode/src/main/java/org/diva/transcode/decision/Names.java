package org.diva.transcode.decision;

import java.util.Locale;
import java.util.Map;

/** How codecs and containers are written in reasons: the way people say them, not the probe's short names. */
final class Names {
    private static final Map<String, String> CODECS = Map.ofEntries(
            Map.entry("h264", "H.264"), Map.entry("hevc", "HEVC"), Map.entry("mpeg2video", "MPEG-2"),
            Map.entry("mpeg1video", "MPEG-1"), Map.entry("mpeg4", "MPEG-4 Part 2"), Map.entry("vp8", "VP8"),
            Map.entry("vp9", "VP9"), Map.entry("av1", "AV1"), Map.entry("vc1", "VC-1"), Map.entry("mjpeg", "MJPEG"),
            Map.entry("theora", "Theora"), Map.entry("aac", "AAC"), Map.entry("mp3", "MP3"),
            Map.entry("mp2", "MP2"), Map.entry("ac3", "AC-3"), Map.entry("eac3", "E-AC-3"),
            Map.entry("dts", "DTS"), Map.entry("flac", "FLAC"), Map.entry("vorbis", "Vorbis"),
            Map.entry("opus", "Opus"), Map.entry("pcm", "PCM"), Map.entry("alac", "ALAC"),
            Map.entry("truehd", "TrueHD"), Map.entry("wmav2", "WMA"));
    private static final Map<String, String> CONTAINERS = Map.ofEntries(
            Map.entry("mp4", "MP4"), Map.entry("mov", "QuickTime"), Map.entry("matroska", "Matroska"),
            Map.entry("webm", "WebM"), Map.entry("mpegts", "MPEG-TS"), Map.entry("m2ts", "M2TS"),
            Map.entry("mpegps", "MPEG-PS"), Map.entry("avi", "AVI"), Map.entry("mp3", "MP3"),
            Map.entry("flac", "FLAC"), Map.entry("aac", "ADTS AAC"), Map.entry("ogg", "Ogg"),
            Map.entry("wav", "WAV"), Map.entry("jpeg", "JPEG"), Map.entry("png", "PNG"), Map.entry("heif", "HEIF"));

    private Names() {
    }

    static String codec(String codec) {
        return CODECS.getOrDefault(codec, codec.toUpperCase(Locale.ROOT));
    }

    static String container(String container) {
        return CONTAINERS.getOrDefault(container, container.toUpperCase(Locale.ROOT));
    }

    static String channels(int channels) {
        return switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            case 6 -> "5.1";
            case 8 -> "7.1";
            default -> channels + " channels";
        };
    }

    static String megabits(long bitsPerSecond) {
        return String.format(Locale.ROOT, "%.1f Mbit/s", bitsPerSecond / 1e6);
    }

    static String rate(double framesPerSecond) {
        return framesPerSecond == Math.rint(framesPerSecond) ? String.valueOf((long) framesPerSecond)
                : String.format(Locale.ROOT, "%.2f", framesPerSecond);
    }
}
