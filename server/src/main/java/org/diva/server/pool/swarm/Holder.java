package org.diva.server.pool.swarm;

import java.util.BitSet;
import java.util.Optional;
import org.diva.server.pool.Neighbours.Neighbour;

/**
 * One neighbour holding the content, as the swarm sees it: what it holds, how fast it has been, and whether it may
 * be asked now. Mutable; guarded by the swarm's lock.
 */
final class Holder {
    /** A rate to plan with before a holder has sent anything: modest, so the first chunks spread out. */
    static final double UNKNOWN_RATE = 1_000_000;

    final Neighbour neighbour;
    private Optional<BitSet> chunks;
    int inFlight;
    double rate;
    private double sendingRate;
    long lastProgress;
    long bytesSinceTick;
    long bytesTotal;
    int badChunks;
    int setbacks;
    long excludedUntil;
    boolean dropped;

    Holder(Neighbour neighbour, Optional<BitSet> chunks) {
        this.neighbour = neighbour;
        this.chunks = chunks;
    }

    boolean holds(int chunk) {
        return chunks.map(held -> held.get(chunk)).orElse(true);
    }

    void update(Optional<BitSet> held) {
        chunks = held;
    }

    boolean usable(long now) {
        return !dropped && now >= excludedUntil;
    }

    double plannedRate() {
        return rate > 0 ? rate : UNKNOWN_RATE;
    }

    /** Keeps it out of new work for a while that doubles with each setback (0.5 s, 1 s, ... at most 8 s). */
    void setback(long now) {
        setbacks = Math.min(setbacks + 1, 5);
        excludedUntil = now + (250_000_000L << setbacks);
    }

    /** Folds the bytes of the last tick into the rate (an exponentially weighted average, weight 0.3). */
    void measure(double seconds) {
        if (inFlight > 0 || bytesSinceTick > 0) {
            double sample = bytesSinceTick / seconds;
            rate = rate == 0 ? sample : 0.7 * rate + 0.3 * sample;
            if (bytesSinceTick > 0) {
                sendingRate = rate;
            }
        }
        bytesSinceTick = 0;
    }

    /**
     * How long it may send nothing before it has stalled: {@code floor}, or three slices' time at the rate it had
     * while it was sending, if longer. Not the current rate: that falls while it sends nothing, and the patience
     * would then grow as fast as the silence.
     */
    long patienceNanos(long floor, int slice) {
        double sending = sendingRate > 0 ? sendingRate : UNKNOWN_RATE;
        return Math.max(floor, (long) (3e9 * slice / sending));
    }

    @Override
    public String toString() {
        return neighbour.name() + " (" + neighbour.id().shortForm() + ")";
    }
}
