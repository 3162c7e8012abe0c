package org.diva.transcode.demux;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;

/**
 * Derives decoding times for a video stream whose container stores only presentation times (Matroska).
 *
 * <p>Pictures come in decoding order; with B-frames their presentation times are out of order. MPEG-TS needs a
 * DTS that rises and never passes the PTS. The i-th picture in decoding order is decoded when the i-th earliest
 * presentation time has come, so DTS(i) = (i-th smallest PTS) - shift, where the shift covers the reorder depth
 * (ffmpeg's Matroska demuxer does the same in spirit). Finding the i-th smallest needs only a window of
 * {@code depth} pictures ahead, so this holds back that many packets. {@code depth} must be at least the stream's
 * reorder depth (x264 uses 2 with B-pyramids; 4 leaves room); a stream that reorders deeper still gets rising
 * times, clamped to its PTS.
 */
public final class DecodeTimes {
    private static final long DEFAULT_FRAME = 3003; // 29.97 fps, when nothing tells the frame duration

    private final int depth;
    private final ArrayDeque<Packet> held = new ArrayDeque<>();
    private final PriorityQueue<Long> times = new PriorityQueue<>();
    private long shift = -1;
    private long last = Long.MIN_VALUE;

    public DecodeTimes(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("negative reorder depth " + depth);
        }
        this.depth = depth;
    }

    /** Takes the next packet in decoding order; returns those whose decoding time is now known. */
    public List<Packet> push(Packet packet) {
        held.add(packet);
        if (packet.pts() != Ticks.NONE) {
            times.add(packet.pts());
        }
        List<Packet> out = new ArrayList<>(1);
        while (held.size() > depth) {
            out.add(emit());
        }
        return out;
    }

    /** The end of the stream: everything held, timed. */
    public List<Packet> flush() {
        List<Packet> out = new ArrayList<>(held.size());
        while (!held.isEmpty()) {
            out.add(emit());
        }
        return out;
    }

    /** Forgets what is held (after a seek); the shift, a property of the stream, is kept. */
    public void reset() {
        held.clear();
        times.clear();
        last = Long.MIN_VALUE;
    }

    private Packet emit() {
        Packet packet = held.poll();
        if (shift < 0) {
            shift = depth * frameDuration(packet);
        }
        long dts;
        if (packet.pts() == Ticks.NONE || times.isEmpty()) {
            dts = last == Long.MIN_VALUE ? Ticks.NONE : last + 1;
        } else {
            dts = Math.min(times.poll() - shift, packet.pts());
            if (last != Long.MIN_VALUE && dts <= last) {
                dts = last + 1;
            }
        }
        if (dts != Ticks.NONE) {
            last = dts;
        }
        return new Packet(packet.stream(), packet.pts(), dts, packet.duration(), packet.keyframe(), packet.data());
    }

    /** The packet's stated duration, else the smallest gap between the presentation times held. */
    private long frameDuration(Packet packet) {
        if (packet.duration() > 0) {
            return packet.duration();
        }
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < sorted.size(); i++) {
            long gap = sorted.get(i) - sorted.get(i - 1);
            if (gap > 0) {
                smallest = Math.min(smallest, gap);
            }
        }
        return smallest == Long.MAX_VALUE ? DEFAULT_FRAME : smallest;
    }
}
