package org.diva.transcode.audio;

import org.diva.transcode.stream.Ticks;

/**
 * Decoded audio: interleaved float samples, nominally in [-1, 1], starting at {@code pts}.
 *
 * @param pts        presentation time of the first sample in {@link Ticks}
 * @param sampleRate samples per second per channel
 * @param channels   interleaved channel count, in WAVE order: L, R, C, LFE, Ls, Rs (mono is one channel)
 * @param samples    {@code frames() * channels} samples; the block owns the array
 */
public record PcmBlock(long pts, int sampleRate, int channels, float[] samples) {
    public PcmBlock {
        if (sampleRate <= 0 || channels <= 0 || samples.length % channels != 0) {
            throw new IllegalArgumentException("bad PCM block: " + sampleRate + " Hz, " + channels + " channels, "
                    + samples.length + " samples");
        }
        if (pts == Ticks.NONE) {
            throw new IllegalArgumentException("a PCM block needs a timestamp");
        }
    }

    /** Samples per channel. */
    public int frames() {
        return samples.length / channels;
    }

    /** How long the block lasts, in ticks (rounded). */
    public long duration() {
        return Ticks.fromTimescale(frames(), sampleRate);
    }
}
