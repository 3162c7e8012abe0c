package org.diva.transcode.probe;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which file names the library considers media, and which are subtitles that travel beside a video. */
public final class MediaExtensions {
    private static final Map<String, MediaKind> KINDS = Map.ofEntries(
            Map.entry("mp4", MediaKind.VIDEO), Map.entry("m4v", MediaKind.VIDEO), Map.entry("mov", MediaKind.VIDEO),
            Map.entry("mkv", MediaKind.VIDEO), Map.entry("webm", MediaKind.VIDEO), Map.entry("ts", MediaKind.VIDEO),
            Map.entry("m2ts", MediaKind.VIDEO), Map.entry("mts", MediaKind.VIDEO), Map.entry("mpg", MediaKind.VIDEO),
            Map.entry("mpeg", MediaKind.VIDEO), Map.entry("vob", MediaKind.VIDEO), Map.entry("avi", MediaKind.VIDEO),
            Map.entry("mp3", MediaKind.AUDIO), Map.entry("flac", MediaKind.AUDIO), Map.entry("m4a", MediaKind.AUDIO),
            Map.entry("aac", MediaKind.AUDIO), Map.entry("ogg", MediaKind.AUDIO), Map.entry("oga", MediaKind.AUDIO),
            Map.entry("opus", MediaKind.AUDIO), Map.entry("mka", MediaKind.AUDIO), Map.entry("wav", MediaKind.AUDIO),
            Map.entry("jpg", MediaKind.PHOTO), Map.entry("jpeg", MediaKind.PHOTO), Map.entry("png", MediaKind.PHOTO),
            Map.entry("heic", MediaKind.PHOTO), Map.entry("heif", MediaKind.PHOTO));
    private static final Set<String> SUBTITLES = Set.of("srt", "ass", "ssa", "vtt");

    private MediaExtensions() {
    }

    public static Optional<MediaKind> kindOf(String fileName) {
        return extension(fileName).map(KINDS::get);
    }

    public static boolean isSubtitle(String fileName) {
        return extension(fileName).filter(SUBTITLES::contains).isPresent();
    }

    /** The lower-cased extension without the dot; hidden files (".foo") have none. */
    public static Optional<String> extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
