package org.diva.web.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the server may send: where it is, what it is, and the size and modification time the catalogue
 * recorded (a file that changed since is re-read by the library before it is served again).
 */
public record ServedFile(Path path, String contentType, long size, long lastModifiedMillis) {
    public ServedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }

    /** A strong validator: the same size and modification time mean the same bytes for a media file. */
    public String etag() {
        return "\"" + Long.toHexString(size) + "-" + Long.toHexString(lastModifiedMillis) + "\"";
    }
}
