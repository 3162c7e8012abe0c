package org.diva.web.media;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A file the server may send: where it is, what it is, and the size and modification time the catalogue
 * recorded (a file that changed since is re-read by the library before it is served again).
 *
 * @param contentFeatures the DLNA {@code contentFeatures.dlna.org} value, for files DLNA clients play
 */
public record ServedFile(Path path, String contentType, long size, long lastModifiedMillis,
                         Optional<String> contentFeatures) {
    public ServedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(contentFeatures, "contentFeatures");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }

    /** A file with no DLNA announcement (subtitles, artwork, files of tests). */
    public ServedFile(Path path, String contentType, long size, long lastModifiedMillis) {
        this(path, contentType, size, lastModifiedMillis, Optional.empty());
    }

    /** A strong validator: the same size and modification time mean the same bytes for a media file. */
    public String etag() {
        return "\"" + Long.toHexString(size) + "-" + Long.toHexString(lastModifiedMillis) + "\"";
    }
}
