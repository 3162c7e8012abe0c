package org.diva.upnp.library;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The item's main video stream.
 *
 * @param codec   h264, hevc, mpeg2video, mpeg1video, mpeg4, vp8, vp9, av1, vc1, mjpeg, ... (the probe's names)
 * @param profile as people write it: "High", "Main", "Baseline", "Constrained Baseline", if known
 * @param level   "4.1", if known
 * @param width   pixels, 0 if unknown
 * @param height  pixels, 0 if unknown
 */
public record VideoStream(String codec, Optional<String> profile, Optional<String> level, int width, int height,
                          OptionalDouble frameRate) {
    public VideoStream {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(frameRate, "frameRate");
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative picture size " + width + "x" + height);
        }
    }

    /** A stream of which only the codec and picture size are known. */
    public static VideoStream of(String codec, int width, int height) {
        return new VideoStream(codec, Optional.empty(), Optional.empty(), width, height, OptionalDouble.empty());
    }
}
