package org.diva.transcode.audio;

import java.nio.ByteBuffer;
import java.util.List;

import org.diva.transcode.audio.mp2.Mp2Encoder;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;

/**
 * Collects planar PCM at the MP2 rate into whole 1152-sample frames, encodes them and stamps each with its
 * segment's start plus its sample offset. The first {@link Mp2Encoder#CODEC_DELAY} samples of a segment are dropped
 * and the same number of zeros close it, so decoded audio lines up with the timestamps (see {@link AudioConverter}).
 */
final class Mp2Fifo {
    private static final int FRAME = Mp2Encoder.SAMPLES_PER_FRAME;

    private final Mp2Encoder encoder;
    private final int streamIndex;
    private final float[][] pending;
    private int length;
    private int toSkip;
    private long segmentPts;
    private int rate;
    private long framesInSegment;

    Mp2Fifo(Mp2Encoder encoder, int streamIndex) {
        this.encoder = encoder;
        this.streamIndex = streamIndex;
        this.pending = new float[encoder.settings().channels()][FRAME];
    }

    void startSegment(long pts, int sampleRate) {
        segmentPts = pts;
        rate = sampleRate;
        framesInSegment = 0;
        toSkip = Mp2Encoder.CODEC_DELAY;
    }

    void add(float[][] planar, List<Packet> out) {
        int frames = planar[0].length;
        int from = Math.min(frames, toSkip);
        toSkip -= from;
        while (from < frames) {
            int take = Math.min(frames - from, FRAME - length);
            for (int ch = 0; ch < pending.length; ch++) {
                System.arraycopy(planar[ch], from, pending[ch], length, take);
            }
            length += take;
            from += take;
            if (length == FRAME) {
                emit(out);
            }
        }
    }

    /** Pushes the delay's worth of silence through and pads the last frame. */
    void endSegment(List<Packet> out) {
        add(new float[pending.length][Mp2Encoder.CODEC_DELAY], out);
        if (length > 0) {
            for (float[] channel : pending) {
                java.util.Arrays.fill(channel, length, FRAME, 0f);
            }
            length = FRAME;
            emit(out);
        }
    }

    private void emit(List<Packet> out) {
        byte[] frame = encoder.encodeFrame(pending, 0);
        long pts = segmentPts + Ticks.fromTimescale(framesInSegment * FRAME, rate);
        long next = segmentPts + Ticks.fromTimescale((framesInSegment + 1) * FRAME, rate);
        out.add(new Packet(streamIndex, pts, pts, next - pts, true, ByteBuffer.wrap(frame)));
        framesInSegment++;
        length = 0;
    }
}
