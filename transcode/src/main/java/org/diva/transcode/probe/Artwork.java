package org.diva.transcode.probe;

import java.util.Objects;

/** Embedded cover art: the image bytes and their MIME type. */
public record Artwork(String mimeType, byte[] data) {
    public Artwork {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(data, "data");
    }
}
