package org.diva.server.pool.swarm;

import java.time.Duration;
import java.util.Objects;

/**
 * How a swarm read is scheduled.
 *
 * @param readAhead     chunks fetched ahead of the read position (the position's chunk included)
 * @param perHolder     requests in flight to one holder at once
 * @param stallAfter    a holder with requests in flight and no byte for this long (or for three slices' time at its
 *                      measured rate, if longer) has stalled: its chunks go to the others
 * @param readTimeout   how long a read waits for its chunk before failing (no holder could give it)
 * @param maxBadChunks  bad chunks after which a holder is dropped from this read
 * @param tick          how often stalls are checked and rates measured
 */
public record SwarmSettings(int readAhead, int perHolder, Duration stallAfter, Duration readTimeout,
                            int maxBadChunks, Duration tick) {
    public SwarmSettings {
        Objects.requireNonNull(stallAfter, "stallAfter");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(tick, "tick");
        if (readAhead < 1 || perHolder < 1 || maxBadChunks < 1 || stallAfter.isNegative() || tick.isZero()
                || tick.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("bad swarm settings: " + readAhead + " chunks ahead, " + perHolder
                    + " per holder, stall " + stallAfter + ", timeout " + readTimeout + ", " + maxBadChunks
                    + " bad chunks, tick " + tick);
        }
    }

    /**
     * 16 MiB ahead (a second at 16 MB/s, enough to keep four residential uplinks busy); 2 requests per holder: one
     * streaming while the next starts covers the round trip, and the chunk under the read position shares its
     * holder's upload with one other request, not more.
     */
    public static SwarmSettings defaults() {
        return new SwarmSettings(16, 2, Duration.ofSeconds(1), Duration.ofSeconds(30), 3, Duration.ofMillis(100));
    }
}
