package org.diva.transcode.probe;

import java.util.Objects;
import java.util.Optional;

/** A probe's result: the metadata, plus cover art when the file embeds one. */
public record Probed(MediaInfo info, Optional<Artwork> artwork) {
    public Probed {
        Objects.requireNonNull(info, "info");
    }

    public static Probed of(MediaInfo info) {
        return new Probed(info, Optional.empty());
    }
}
