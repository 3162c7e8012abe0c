package org.diva.transcode.probe.mpeg;

import java.util.OptionalLong;

/**
 * What the tail of one elementary stream tells: when its last frame ends. For video that is the latest PTS plus one
 * frame; for audio, whose last PES packet may hold many frames, the last PTS plus the frames that follow it.
 */
final class MpegStreamTail {
    private static final int TRAILING_CAP = 64 * 1024;

    private final boolean collectTrailing;
    private long maxTicks = Long.MIN_VALUE;
    private long lastTicks;
    private byte[] trailing;
    private int trailingLength;

    MpegStreamTail(boolean audio) {
        this.collectTrailing = audio;
    }

    void packetStart(long pts, PtsClock clock) {
        if (pts < 0) {
            return;
        }
        lastTicks = clock.offset(pts);
        maxTicks = Math.max(maxTicks, lastTicks);
        trailingLength = 0;
    }

    void payload(byte[] data, int offset, int length) {
        if (!collectTrailing || maxTicks == Long.MIN_VALUE) {
            return;
        }
        if (trailing == null) {
            trailing = new byte[TRAILING_CAP];
        }
        int n = Math.min(length, TRAILING_CAP - trailingLength);
        System.arraycopy(data, offset, trailing, trailingLength, n);
        trailingLength += n;
    }

    /** The end in ticks from the clock's reference, given what the head learnt about the stream; empty if unseen. */
    OptionalLong endTicks(MpegStreamHead head) {
        if (maxTicks == Long.MIN_VALUE) {
            return OptionalLong.empty();
        }
        return switch (head.codec().kind()) {
            case VIDEO -> OptionalLong.of(maxTicks + MpegEsInspector.frameTicks(head.videoTrack()));
            case AUDIO -> {
                OptionalLong tail = trailing == null ? OptionalLong.empty()
                        : MpegEsInspector.audioTicks(head.codec().parse(), head.audioTrack(), trailing, trailingLength);
                yield OptionalLong.of(Math.max(maxTicks, lastTicks + tail.orElse(0)));
            }
            case SUBTITLE -> OptionalLong.empty();
        };
    }
}
