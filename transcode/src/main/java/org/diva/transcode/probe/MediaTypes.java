package org.diva.transcode.probe;

import java.util.Map;

/** The MIME type to send for a probed container, as DLNA devices expect them. */
public final class MediaTypes {
    private static final Map<String, String> BY_CONTAINER = Map.ofEntries(
            Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"),
            Map.entry("matroska", "video/x-matroska"), Map.entry("webm", "video/webm"),
            Map.entry("mpegts", "video/mp2t"), Map.entry("m2ts", "video/mp2t"),
            Map.entry("mpegps", "video/mpeg"), Map.entry("avi", "video/x-msvideo"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("flac", "audio/flac"), Map.entry("aac", "audio/aac"),
            Map.entry("ogg", "audio/ogg"), Map.entry("wav", "audio/wav"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"), Map.entry("heif", "image/heif"));

    private MediaTypes() {
    }

    /** The MIME type for a container and kind; audio-only MP4 and Matroska get their audio types. */
    public static String of(String container, MediaKind kind) {
        if (kind == MediaKind.AUDIO) {
            switch (container) {
                case "mp4", "mov" -> {
                    return "audio/mp4";
                }
                case "matroska", "webm" -> {
                    return container.equals("webm") ? "audio/webm" : "audio/x-matroska";
                }
                default -> {
                    // the container's own type below
                }
            }
        }
        return BY_CONTAINER.getOrDefault(container, "application/octet-stream");
    }
}
