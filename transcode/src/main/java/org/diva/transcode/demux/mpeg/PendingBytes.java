package org.diva.transcode.demux.mpeg;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Ticks;

/**
 * The bytes of a stream not yet cut into access units, with a mark where each PES payload began. A PES time stamp
 * belongs to the first access unit that starts in that PES packet (ISO/IEC 13818-1 section 2.4.3.7), so when a unit
 * starting at offset {@code s} is taken, the marks at or before {@code s} are consumed and the last timed one gives
 * its times; the last one of all gives the file position to restart from. Bounded: a stream that would buffer more
 * than {@link #MAX} bytes without completing a unit is damaged.
 */
final class PendingBytes {
    static final int MAX = 16 * 1024 * 1024;

    /** Where a PES payload began in the pending bytes. */
    record Mark(int offset, long pts, long dts, boolean randomAccess, long position) {
    }

    /** The times and position a unit starting at some offset takes from the marks. */
    record Stamp(long pts, long dts, boolean randomAccess, long position) {
    }

    byte[] bytes = new byte[64 * 1024];
    int length;
    private final Deque<Mark> marks = new ArrayDeque<>();
    private long lastPosition = -1;

    void append(PesChunk chunk) throws MediaFormatException {
        if ((long) length + chunk.length() > MAX) {
            throw new MediaFormatException(String.format("more than %,d bytes of one stream without an access unit"
                    + " boundary, at the PES packet at byte %,d", MAX, chunk.position()));
        }
        if (length + chunk.length() > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + chunk.length()));
        }
        marks.addLast(new Mark(length, chunk.pts(), chunk.dts(), chunk.randomAccess(), chunk.position()));
        System.arraycopy(chunk.data(), chunk.offset(), bytes, length, chunk.length());
        length += chunk.length();
    }

    /** Whether a PES payload began exactly at {@code offset}. */
    boolean pesStartsAt(int offset) {
        for (Mark m : marks) {
            if (m.offset() == offset) {
                return true;
            }
        }
        return false;
    }

    /** Consumes the marks at or before {@code start}, the offset where a unit begins. */
    Stamp stamp(int start) {
        long pts = Ticks.NONE;
        long dts = Ticks.NONE;
        boolean randomAccess = false;
        while (!marks.isEmpty() && marks.peekFirst().offset() <= start) {
            Mark m = marks.removeFirst();
            lastPosition = m.position();
            if (m.pts() != Ticks.NONE) {
                pts = m.pts();
                dts = m.dts();
                randomAccess = m.randomAccess();
            }
        }
        return new Stamp(pts, dts, randomAccess, lastPosition);
    }

    /** A copy of {@code bytes[from, to)}. */
    byte[] copy(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    /** Drops the first {@code n} bytes. */
    void discard(int n) {
        if (n <= 0) {
            return;
        }
        System.arraycopy(bytes, n, bytes, 0, length - n);
        length -= n;
        Mark carried = null;
        int size = marks.size();
        for (int i = 0; i < size; i++) {
            Mark m = marks.removeFirst();
            if (m.offset() >= n) {
                marks.addLast(new Mark(m.offset() - n, m.pts(), m.dts(), m.randomAccess(), m.position()));
            } else if (carried == null || m.pts() == Ticks.NONE) {
                // A PES that began inside the dropped bytes still holds the next unit's start: keep its position,
                // and the latest time stamp among them.
                carried = carried == null || m.pts() != Ticks.NONE ? m
                        : new Mark(0, carried.pts(), carried.dts(), carried.randomAccess(), m.position());
            } else {
                carried = m;
            }
        }
        if (carried != null) {
            marks.addFirst(new Mark(0, carried.pts(), carried.dts(), carried.randomAccess(), carried.position()));
        }
    }

    void clear() {
        length = 0;
        marks.clear();
        lastPosition = -1;
    }
}
