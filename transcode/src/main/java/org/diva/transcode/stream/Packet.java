package org.diva.transcode.stream;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One access unit of one stream: a coded picture, an audio frame (or a few), a subtitle cue.
 *
 * @param stream   the {@link ElementaryStream#index()} it belongs to
 * @param pts      presentation time in {@link Ticks}, or {@link Ticks#NONE}
 * @param dts      decoding time in ticks, or {@link Ticks#NONE} (then equal to pts for streams without reordering)
 * @param duration how long it lasts in ticks, 0 when unknown (subtitle cues always state it)
 * @param keyframe whether decoding can start here
 * @param data     the payload, normalised as {@link ElementaryStream} describes; the packet owns it
 */
public record Packet(int stream, long pts, long dts, long duration, boolean keyframe, ByteBuffer data) {
    public Packet {
        Objects.requireNonNull(data, "data");
        if (stream < 0 || duration < 0) {
            throw new IllegalArgumentException("bad packet: stream " + stream + ", duration " + duration);
        }
    }

    /** The decoding time, falling back to the presentation time. */
    public long decodeTime() {
        return dts != Ticks.NONE ? dts : pts;
    }
}
