package org.diva.transcode.probe;

import java.util.Objects;
import java.util.Optional;

/**
 * One subtitle stream, embedded in the container or in a file beside it.
 *
 * @param format   srt (SubRip), ass, ssa, webvtt, mov_text, pgs, dvbsub, dvdsub, or the container's code
 * @param language ISO 639 language code, if tagged
 * @param title    the track's name, if any
 * @param external for a file beside the video, its file name (never a path); empty for embedded tracks
 */
public record SubtitleTrack(String format, Optional<String> language, Optional<String> title,
                            Optional<String> external) {

    public SubtitleTrack {
        Objects.requireNonNull(format, "format");
        external.ifPresent(name -> {
            if (name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException("external subtitle must be a file name, not a path: " + name);
            }
        });
    }

    public static SubtitleTrack embedded(String format, Optional<String> language, Optional<String> title) {
        return new SubtitleTrack(format, language, title, Optional.empty());
    }
}
