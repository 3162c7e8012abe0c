package org.diva.transcode.profile;

import java.util.Objects;

/**
 * One audio codec a device decodes.
 *
 * @param codec       the probe's name for it (aac, mp3, mp2, ac3, eac3, dts, flac, vorbis, opus, pcm, ...)
 * @param maxChannels the most channels it takes in that codec (a TV that only passes AC-3 through in stereo says 2)
 */
public record AudioCapability(String codec, int maxChannels) {
    public AudioCapability {
        Objects.requireNonNull(codec, "codec");
        if (maxChannels < 1 || maxChannels > 32) {
            throw new IllegalArgumentException("maxChannels must be 1..32, not " + maxChannels);
        }
    }
}
