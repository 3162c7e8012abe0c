package org.diva.upnp.library;

import java.util.Objects;
import java.util.Optional;

/** A subtitle track inside the item's container: srt, ass, webvtt, mov_text, pgs, dvbsub, dvdsub, ... */
public record EmbeddedSubtitle(String format, Optional<String> language) {
    public EmbeddedSubtitle {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(language, "language");
    }
}
