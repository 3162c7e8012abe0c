package org.diva.transcode.decision;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The video a device gets.
 *
 * @param track     index of the source's video track it comes from
 * @param codec     the probe's codec name (h264 when converted)
 * @param copy      whether the stream is passed through untouched
 * @param profile   the codec profile, if known ("Main" when converted)
 * @param level     the codec level, if known
 * @param width     pixels (even when converted)
 * @param height    pixels
 * @param frameRate frames per second, if known
 * @param bitrate   the bits per second to aim at when converting; the source's when copied, if known
 */
public record VideoTarget(int track, String codec, boolean copy, Optional<String> profile, Optional<String> level,
                          int width, int height, OptionalDouble frameRate, OptionalLong bitrate) {
    public VideoTarget {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(frameRate, "frameRate");
        Objects.requireNonNull(bitrate, "bitrate");
        if (track < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("negative track or size: " + track + ", " + width + "x" + height);
        }
        if (!copy && (width % 2 != 0 || height % 2 != 0 || width == 0 || height == 0)) {
            throw new IllegalArgumentException("converted video needs even, non-zero sizes, not " + width + "x"
                    + height);
        }
    }
}
