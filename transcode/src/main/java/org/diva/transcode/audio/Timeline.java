package org.diva.transcode.audio;

import org.diva.transcode.stream.Ticks;

/**
 * The timestamps of decoded audio: a packet's own pts when it has one, otherwise the end of what came before,
 * counted in samples from the last stated pts so that rounding to ticks never accumulates.
 */
final class Timeline {
    private final int sampleRate;
    private long anchor = 0;
    private long samplesSinceAnchor;

    Timeline(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** The pts of a block that a packet with {@code packetPts} starts. */
    long start(long packetPts) {
        if (packetPts != Ticks.NONE) {
            anchor = packetPts;
            samplesSinceAnchor = 0;
        }
        return anchor + Ticks.fromTimescale(samplesSinceAnchor, sampleRate);
    }

    void advance(int samples) {
        samplesSinceAnchor += samples;
    }
}
