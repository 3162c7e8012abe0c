package org.diva.transcode.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;

/**
 * Puts the packets of several stages back into one decoding-time order.
 *
 * <p>Stages deliver with different delays: audio at once, video a GOP later when it is transcoded. A muxer that
 * got them as they come would write seconds of audio ahead of its video, and TVs starve or overflow their
 * buffers. So packets wait per stream, and the earliest is released only when every stream that has not ended has
 * something queued (then nothing earlier can still arrive). A stream that falls silent (a gap in the audio) must
 * not stall the rest for ever: once a queue holds more than {@code maxLead} ticks beyond the silent stream, its
 * head is released anyway.
 */
final class Interleaver {
    private final List<ArrayDeque<Packet>> queues = new ArrayList<>();
    private final boolean[] ended;
    private final long maxLead;

    Interleaver(int streams, long maxLead) {
        for (int i = 0; i < streams; i++) {
            queues.add(new ArrayDeque<>());
        }
        this.ended = new boolean[streams];
        this.maxLead = maxLead;
    }

    void add(List<Packet> packets) {
        for (Packet packet : packets) {
            queues.get(packet.stream()).add(packet);
        }
    }

    void end(int stream) {
        ended[stream] = true;
    }

    /** Packets that can be written now, in decoding order. */
    List<Packet> ready() {
        List<Packet> out = new ArrayList<>();
        Packet next;
        while ((next = nextReady()) != null) {
            out.add(next);
        }
        return out;
    }

    /** Everything left, in decoding order (all streams ended). */
    List<Packet> drain() {
        for (int i = 0; i < ended.length; i++) {
            ended[i] = true;
        }
        return ready();
    }

    private Packet nextReady() {
        int earliest = -1;
        long earliestTime = Long.MAX_VALUE;
        long latestQueued = Long.MIN_VALUE;
        boolean waiting = false;
        for (int i = 0; i < queues.size(); i++) {
            ArrayDeque<Packet> queue = queues.get(i);
            if (queue.isEmpty()) {
                waiting |= !ended[i];
                continue;
            }
            long time = time(queue.peekFirst());
            if (time < earliestTime) {
                earliestTime = time;
                earliest = i;
            }
            latestQueued = Math.max(latestQueued, time(queue.peekLast()));
        }
        if (earliest < 0) {
            return null;
        }
        if (waiting && latestQueued - earliestTime <= maxLead) {
            return null;
        }
        return queues.get(earliest).pollFirst();
    }

    private static long time(Packet packet) {
        long time = packet.decodeTime();
        return time == Ticks.NONE ? Long.MIN_VALUE : time;
    }
}
