package org.diva.transcode.mux.ts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.diva.transcode.stream.Packet;

/**
 * Orders packets of several streams by decoding time, as a TS receiver's buffers want them, holding as little as it
 * can: a packet leaves once every stream has one queued (so nothing earlier can still come), or once the queue spans
 * more than {@link #MAX_SPAN} ticks or {@link #MAX_BYTES} bytes (a stream that has gone quiet, or a source that
 * interleaves loosely, must not make the muxer hold the rest without bound).
 */
final class Interleaver {
    static final long MAX_SPAN = 2 * 90_000;
    static final long MAX_BYTES = 32L << 20;

    private final List<ArrayDeque<Packet>> queues = new ArrayList<>();
    private long bytes;
    private long newest = Long.MIN_VALUE;

    Interleaver(int streams) {
        for (int i = 0; i < streams; i++) {
            queues.add(new ArrayDeque<>());
        }
    }

    void add(int slot, Packet packet) {
        queues.get(slot).add(packet);
        bytes += packet.data().remaining();
        newest = Math.max(newest, packet.decodeTime());
    }

    /** The next packet to write, or -1 when it must wait; with {@code draining}, whatever is queued. */
    int nextSlot(boolean draining) {
        int best = -1;
        boolean allHave = true;
        for (int i = 0; i < queues.size(); i++) {
            Packet head = queues.get(i).peek();
            if (head == null) {
                allHave = false;
            } else if (best < 0 || head.decodeTime() < queues.get(best).peek().decodeTime()) {
                best = i;
            }
        }
        if (best < 0) {
            return -1;
        }
        long oldest = queues.get(best).peek().decodeTime();
        return draining || allHave || newest - oldest > MAX_SPAN || bytes > MAX_BYTES ? best : -1;
    }

    Packet take(int slot) {
        Packet p = queues.get(slot).poll();
        bytes -= p.data().remaining();
        return p;
    }

    void clear() {
        queues.forEach(ArrayDeque::clear);
        bytes = 0;
    }
}
