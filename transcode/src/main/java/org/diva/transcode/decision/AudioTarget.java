package org.diva.transcode.decision;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The audio a device gets.
 *
 * @param track    index of the source's audio track it comes from (not always the first: a file's second track
 *                 may be the one the device plays)
 * @param codec    the probe's codec name (mp2 when converted)
 * @param copy     whether the stream is passed through untouched
 * @param channels channels, if known
 * @param sampleRate samples per second, if known: the source's, or when converting the MP2 rate closest to it
 * @param bitrate  bits per second to encode at when converting; the source's when copied, if known
 */
public record AudioTarget(int track, String codec, boolean copy, OptionalInt channels, OptionalInt sampleRate,
                          OptionalLong bitrate) {
    public AudioTarget {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(sampleRate, "sampleRate");
        Objects.requireNonNull(bitrate, "bitrate");
        if (track < 0) {
            throw new IllegalArgumentException("negative audio track " + track);
        }
    }
}
