package org.diva.transcode.demux.mpeg;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;

/**
 * Seeks in an unindexed MPEG stream. Time grows with the byte position (ISO/IEC 13818-1 muxers keep the buffers
 * within bounds, so a PES packet sits within a second or so of its time), so a binary search over byte positions
 * finds a region whose first keyframe is at or before the target: each probe restarts reading at a position and
 * takes the first keyframe of the reference stream found after it. The search stops once the region is smaller
 * than {@link #GRANULE}; a forward scan from the last keyframe known to be early enough then finds the latest
 * keyframe at or before the target, and reading restarts at the container packet where that keyframe began.
 */
final class MpegSeeker {
    static final long GRANULE = 128 * 1024;
    /** How far a probe reads looking for a keyframe before it gives up on its region. */
    private static final long PROBE_LIMIT = 32L * 1024 * 1024;

    /** A keyframe of the reference stream and where reading must restart to get it first. */
    record Landing(long pts, long position) {
    }

    private final Engine engine;
    private final ArrayDeque<Unit> queue;
    private final int reference;

    MpegSeeker(Engine engine, ArrayDeque<Unit> queue, int reference) {
        this.engine = engine;
        this.queue = queue;
        this.reference = reference;
    }

    /**
     * Restarts reading so that the landing keyframe comes soon; units of the reference stream before it may come
     * first (its PES packet can begin with earlier pictures) and are for the caller to drop.
     *
     * @return the keyframe landed on, empty if the reference stream has no timed keyframe
     */
    Optional<Landing> seek(long ticks) throws IOException {
        long lo = engine.dataStart();
        long hi = engine.size();
        Optional<Landing> first = firstKeyframe(lo);
        if (first.isEmpty()) {
            restart(lo);
            return Optional.empty();
        }
        Landing best = first.get();
        if (best.pts() < ticks) {
            while (hi - lo > GRANULE) {
                long mid = lo + (hi - lo) / 2;
                Optional<Landing> found = firstKeyframe(mid);
                if (found.isPresent() && found.get().pts() <= ticks) {
                    best = found.get();
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            best = latestFrom(best, ticks);
        }
        restart(best.position());
        engine.framers().get(reference).anchor(best.pts());
        return Optional.of(best);
    }

    /** The first timed keyframe of the reference stream read after {@code position}. */
    private Optional<Landing> firstKeyframe(long position) throws IOException {
        restart(position);
        boolean more = true;
        while (more && engine.position() - position < PROBE_LIMIT) {
            more = engine.pump();
            while (!queue.isEmpty()) {
                Unit unit = queue.removeFirst();
                if (isTimedKeyframe(unit.packet())) {
                    return Optional.of(new Landing(unit.packet().pts(), unit.position()));
                }
            }
        }
        return Optional.empty();
    }

    /** The latest timed keyframe at or before {@code ticks}, reading forward from {@code from}. */
    private Landing latestFrom(Landing from, long ticks) throws IOException {
        restart(from.position());
        Landing best = from;
        boolean more = true;
        while (more) {
            more = engine.pump();
            while (!queue.isEmpty()) {
                Unit unit = queue.removeFirst();
                if (isTimedKeyframe(unit.packet())) {
                    if (unit.packet().pts() > ticks) {
                        return best;
                    }
                    best = new Landing(unit.packet().pts(), unit.position());
                }
            }
        }
        return best;
    }

    boolean isTimedKeyframe(Packet packet) {
        return packet.stream() == reference && packet.keyframe() && packet.pts() != Ticks.NONE;
    }

    private void restart(long position) throws IOException {
        engine.restart(position);
        queue.clear();
    }
}
