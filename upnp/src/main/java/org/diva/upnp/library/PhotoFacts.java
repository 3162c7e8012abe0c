package org.diva.upnp.library;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A photo's EXIF facts.
 *
 * @param dateTaken   EXIF DateTimeOriginal, the camera's local time, if present
 * @param width       pixels as stored (before orientation is applied)
 * @param height      pixels as stored
 * @param orientation EXIF orientation 1..8 (1 = upright)
 */
public record PhotoFacts(Optional<LocalDateTime> dateTaken, int width, int height, int orientation) {
    public PhotoFacts {
        Objects.requireNonNull(dateTaken, "dateTaken");
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative picture size " + width + "x" + height);
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation is 1..8, not " + orientation);
        }
    }
}
