package org.diva.upnp.library;

import java.util.Objects;
import java.util.Optional;

/**
 * A subtitle track inside the item's container: srt, ass, webvtt, mov_text, pgs, dvbsub, dvdsub, ...
 *
 * @param servedAsSrt whether the server extracts it as a SubRip document (text tracks only: bitmap subtitles such
 *                    as pgs, dvdsub and dvbsub are pictures and cannot become SubRip)
 */
public record EmbeddedSubtitle(String format, Optional<String> language, boolean servedAsSrt) {
    public EmbeddedSubtitle {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(language, "language");
    }

    /** A track the server does not serve on its own. */
    public EmbeddedSubtitle(String format, Optional<String> language) {
        this(format, language, false);
    }
}
