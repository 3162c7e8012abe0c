package org.diva.transcode.demux.matroska;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diva.transcode.demux.DecodeTimes;
import org.diva.transcode.stream.Packet;

/**
 * Packets in file order, where a video packet keeps its place while it waits for a decoding time: Matroska stores
 * none, and {@link DecodeTimes} can only derive one a few pictures later (B-frames reorder pictures).
 */
final class FileOrder {
    /** Pictures held back to derive decoding times: past the reorder depth of x264 with B-pyramids (2). */
    private static final int REORDER_DEPTH = 4;

    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    private final Map<Integer, DecodeTimes> decodeTimes = new HashMap<>();
    /** Per video stream, its slots still waiting for a decoding time, in order. */
    private final Map<Integer, ArrayDeque<Slot>> untimed = new HashMap<>();

    /** A place in file order, filled when the packet's decoding time is known. */
    private static final class Slot {
        Packet packet;

        Slot(Packet packet) {
            this.packet = packet;
        }
    }

    /** A packet whose times are complete (audio, subtitles). */
    void add(Packet packet) {
        slots.add(new Slot(packet));
    }

    /** A video packet without a decoding time: it gets one when enough pictures after it are known. */
    void addReordered(Packet packet) {
        Slot slot = new Slot(null);
        slots.add(slot);
        untimed.computeIfAbsent(packet.stream(), i -> new ArrayDeque<>()).add(slot);
        fill(packet.stream(), decodeTimes.computeIfAbsent(packet.stream(), i -> new DecodeTimes(REORDER_DEPTH))
                .push(packet));
    }

    /** Whether the next packet in file order can be handed out. */
    boolean ready() {
        return !slots.isEmpty() && slots.peek().packet != null;
    }

    Packet poll() {
        return slots.poll().packet;
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    /** The end of the file: every held packet gets its decoding time. */
    void flush() {
        decodeTimes.forEach((stream, times) -> fill(stream, times.flush()));
    }

    /** Forgets everything held (a seek, or closing). */
    void clear() {
        slots.clear();
        untimed.clear();
        decodeTimes.values().forEach(DecodeTimes::reset);
    }

    /** Drops the ready packets of streams not in {@code streams}. */
    void keepOnly(Set<Integer> streams) {
        slots.removeIf(slot -> slot.packet != null && !streams.contains(slot.packet.stream()));
    }

    private void fill(int stream, List<Packet> packets) {
        ArrayDeque<Slot> waiting = untimed.get(stream);
        for (Packet packet : packets) {
            waiting.poll().packet = packet;
        }
    }
}
