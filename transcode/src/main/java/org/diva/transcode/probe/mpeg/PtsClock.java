package org.diva.transcode.probe.mpeg;

/**
 * Turns 33-bit MPEG time stamps (90 kHz, wrapping every 26.5 hours) into signed offsets from the first one seen,
 * so a programme that crosses the wrap still measures forward. A time stamp up to a minute before the reference
 * counts as earlier (reordered B-frames, another stream starting first); anything else counts as later, so
 * durations are right up to 26.5 hours less a minute.
 */
final class PtsClock {
    static final long TICKS_PER_SECOND = 90_000;
    private static final long WRAP = 1L << 33;
    private static final long SLACK = 60 * TICKS_PER_SECOND;

    private long reference = -1;

    /** The offset in ticks of {@code pts} from the reference; the first call sets the reference. */
    long offset(long pts) {
        long value = pts & (WRAP - 1);
        if (reference < 0) {
            reference = value;
        }
        long forward = Math.floorMod(value - reference, WRAP);
        return forward > WRAP - SLACK ? forward - WRAP : forward;
    }

    static long toMillis(long ticks) {
        return ticks / 90;
    }
}
