package org.diva.web.media;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A file the server may send: where it is, what it is, and the size and modification time the catalogue
 * recorded (a file that changed since is re-read by the library before it is served again).
 *
 * @param contentFeatures the DLNA {@code contentFeatures.dlna.org} value, for files DLNA clients play
 * @param layout          the bytes to send instead of the file as it is, made for the file at exactly this size and
 *                        modification time (the endpoint sends the plain file if it has changed since)
 */
public record ServedFile(Path path, String contentType, long size, long lastModifiedMillis,
                         Optional<String> contentFeatures, Optional<Layout> layout) {
    public ServedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(contentFeatures, "contentFeatures");
        Objects.requireNonNull(layout, "layout");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        for (Layout.Segment segment : layout.map(Layout::segments).orElse(java.util.List.of())) {
            if (segment instanceof Layout.FileRange range && range.offset() > size - range.length()) {
                throw new IllegalArgumentException("layout range of " + range.length() + " bytes at "
                        + range.offset() + " is outside " + path + " (" + size + " bytes)");
            }
        }
    }

    /** A file sent as it is. */
    public ServedFile(Path path, String contentType, long size, long lastModifiedMillis,
                      Optional<String> contentFeatures) {
        this(path, contentType, size, lastModifiedMillis, contentFeatures, Optional.empty());
    }

    /** A file with no DLNA announcement (subtitles, artwork, files of tests). */
    public ServedFile(Path path, String contentType, long size, long lastModifiedMillis) {
        this(path, contentType, size, lastModifiedMillis, Optional.empty());
    }

    /** The number of bytes sent: the layout's, or the file's. */
    public long length() {
        return layout.map(Layout::size).orElse(size);
    }

    /**
     * A strong validator: the same size and modification time mean the same bytes for a media file; a layout's tag
     * tells its bytes from the plain file's.
     */
    public String etag() {
        return "\"" + Long.toHexString(size) + "-" + Long.toHexString(lastModifiedMillis)
                + layout.map(l -> "-" + l.tag()).orElse("") + "\"";
    }
}
