package org.diva.transcode.probe;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One video stream.
 *
 * @param codec     h264, hevc, mpeg2video, mpeg1video, mpeg4, vp8, vp9, av1, vc1, mjpeg, theora, or the
 *                  container's own code in lower case when DiVA does not know it
 * @param profile   codec profile as people write it ("High", "Main", "Simple"), if known
 * @param level     codec level ("4.1"), if known
 * @param width     coded picture width in pixels (0 if unknown)
 * @param height    coded picture height in pixels (0 if unknown)
 * @param frameRate frames per second, if known
 * @param bitDepth  luma bit depth, if known
 * @param interlaced whether the stream is coded interlaced (false when unknown)
 * @param bitrate   bits per second of this stream, if known
 * @param language  ISO 639 language code, if tagged
 */
public record VideoTrack(
        String codec,
        Optional<String> profile,
        Optional<String> level,
        int width,
        int height,
        OptionalDouble frameRate,
        OptionalInt bitDepth,
        boolean interlaced,
        OptionalLong bitrate,
        Optional<String> language) {

    public VideoTrack {
        Objects.requireNonNull(codec, "codec");
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative picture size " + width + "x" + height);
        }
    }

    /** A track of which only the codec and picture size are known. */
    public static VideoTrack of(String codec, int width, int height) {
        return new VideoTrack(codec, Optional.empty(), Optional.empty(), width, height, OptionalDouble.empty(),
                OptionalInt.empty(), false, OptionalLong.empty(), Optional.empty());
    }
}
