package org.diva.transcode.thumbnail;

import java.util.Objects;

/**
 * A finished JPEG (baseline, JFIF, no metadata) and what it is.
 *
 * @param jpeg the file's bytes
 * @param size its pixel size, which fits {@code box}
 * @param box  the box it was made for; its DLNA profile name is the one to announce
 */
public record Thumbnail(byte[] jpeg, PixelSize size, ImageBox box) {
    public static final String MIME_TYPE = "image/jpeg";

    public Thumbnail {
        Objects.requireNonNull(jpeg, "jpeg");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(box, "box");
    }
}
