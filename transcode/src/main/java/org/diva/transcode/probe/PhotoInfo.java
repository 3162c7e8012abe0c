package org.diva.transcode.probe;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A photo's dimensions and EXIF facts.
 *
 * @param width       pixels as stored (before orientation is applied)
 * @param height      pixels as stored
 * @param orientation EXIF orientation 1..8 (1 = upright)
 * @param dateTaken   EXIF DateTimeOriginal (local time of the camera), if present
 * @param cameraMake  EXIF Make, if present
 * @param cameraModel EXIF Model, if present
 */
public record PhotoInfo(int width, int height, int orientation, Optional<LocalDateTime> dateTaken,
                        Optional<String> cameraMake, Optional<String> cameraModel) {

    public PhotoInfo {
        if (orientation < 1 || orientation > 8) {
            orientation = 1;
        }
    }
}
