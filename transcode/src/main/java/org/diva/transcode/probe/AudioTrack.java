package org.diva.transcode.probe;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One audio stream.
 *
 * @param codec      aac, mp3, mp2, ac3, eac3, dts, flac, vorbis, opus, pcm, alac, wmav2, truehd, or the
 *                   container's own code in lower case when DiVA does not know it
 * @param profile    codec profile ("LC", "HE-AAC"), if known
 * @param channels   channel count, if known
 * @param sampleRate samples per second, if known
 * @param bitrate    bits per second, if known
 * @param language   ISO 639 language code, if tagged
 */
public record AudioTrack(
        String codec,
        Optional<String> profile,
        OptionalInt channels,
        OptionalInt sampleRate,
        OptionalLong bitrate,
        Optional<String> language) {

    public AudioTrack {
        Objects.requireNonNull(codec, "codec");
    }

    public static AudioTrack of(String codec, int channels, int sampleRate) {
        return new AudioTrack(codec, Optional.empty(), positive(channels), positive(sampleRate),
                OptionalLong.empty(), Optional.empty());
    }

    /** {@code value} if it is positive; headers write 0 for "not stated". */
    public static OptionalInt positive(int value) {
        return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
    }
}
