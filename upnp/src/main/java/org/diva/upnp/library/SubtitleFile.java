package org.diva.upnp.library;

import java.util.Objects;
import java.util.Optional;

/**
 * A subtitle file beside the item's file.
 *
 * @param index    its number among the item's subtitle files, from 0: the server serves it at
 *                 {@code /media/{id}/subtitles/{index}}
 * @param format   srt, ass, ssa, webvtt, smi, sub, ... in lower case
 * @param language ISO 639 code, if the file name tells it (e.g. {@code film.en.srt})
 */
public record SubtitleFile(int index, String format, Optional<String> language) {
    public SubtitleFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(language, "language");
        if (index < 0) {
            throw new IllegalArgumentException("negative subtitle index " + index);
        }
    }
}
