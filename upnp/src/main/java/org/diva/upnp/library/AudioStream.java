package org.diva.upnp.library;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The item's main audio stream.
 *
 * @param codec    aac, mp3, mp2, ac3, eac3, dts, flac, vorbis, opus, pcm, alac, wmav2, ... (the probe's names)
 * @param profile  "LC", "HE-AAC", "HE-AACv2" for AAC, if known
 * @param language ISO 639 code, if tagged
 */
public record AudioStream(String codec, Optional<String> profile, OptionalInt channels, OptionalInt sampleRate,
                          Optional<String> language) {
    public AudioStream {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(sampleRate, "sampleRate");
        Objects.requireNonNull(language, "language");
        if (channels.isPresent() && channels.getAsInt() <= 0 || sampleRate.isPresent() && sampleRate.getAsInt() <= 0) {
            throw new IllegalArgumentException("channels and sample rate must be positive when known");
        }
    }

    public static AudioStream of(String codec, int channels, int sampleRate) {
        return new AudioStream(codec, Optional.empty(), OptionalInt.of(channels), OptionalInt.of(sampleRate),
                Optional.empty());
    }
}
