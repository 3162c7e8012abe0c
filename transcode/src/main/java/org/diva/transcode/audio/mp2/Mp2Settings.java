package org.diva.transcode.audio.mp2;

import java.util.Set;

/**
 * What an MP2 stream is encoded as.
 *
 * @param sampleRate 48000, 44100 or 32000 (the MPEG-1 rates)
 * @param channels   1 (single channel) or 2 (stereo, coded as two independent channels)
 * @param kbps       bitrate: 112..384 kb/s for stereo, 56..192 kb/s for mono (the combinations layer II allows
 *                   and whose allocation tables B.2a/B.2b apply)
 * @param crc        whether each frame carries the CRC-16 of its header and side information
 */
public record Mp2Settings(int sampleRate, int channels, int kbps, boolean crc) {
    private static final Set<Integer> STEREO_KBPS = Set.of(112, 128, 160, 192, 224, 256, 320, 384);
    private static final Set<Integer> MONO_KBPS = Set.of(56, 64, 80, 96, 112, 128, 160, 192);

    public Mp2Settings {
        if (sampleRate != 48000 && sampleRate != 44100 && sampleRate != 32000) {
            throw new IllegalArgumentException("MP2 sample rate must be 32000, 44100 or 48000, not " + sampleRate);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("MP2 carries 1 or 2 channels, not " + channels);
        }
        if (!(channels == 2 ? STEREO_KBPS : MONO_KBPS).contains(kbps)) {
            throw new IllegalArgumentException("MP2 bitrate " + kbps + " kb/s is not allowed for " + channels
                    + " channel(s); use " + (channels == 2 ? "112..384" : "56..192") + " kb/s (a layer II rate)");
        }
    }

    /** Stereo (or mono) at 192 kb/s per two channels, 96 per one, with CRC: what DVB broadcasts. */
    public static Mp2Settings standard(int sampleRate, int channels) {
        return new Mp2Settings(sampleRate, channels, channels == 2 ? 192 : 96, true);
    }

    int bitrateIndex() {
        for (int i = 1; i < Mp2Tables.KBPS.length; i++) {
            if (Mp2Tables.KBPS[i] == kbps) {
                return i;
            }
        }
        throw new IllegalStateException("validated bitrate " + kbps);
    }

    int sampleRateIndex() {
        return sampleRate == 44100 ? 0 : sampleRate == 48000 ? 1 : 2;
    }
}
