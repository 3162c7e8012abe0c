package org.diva.transcode.demux.mpeg;

/**
 * Turns 33-bit MPEG time stamps (ISO/IEC 13818-1 section 2.4.3.7: 90 kHz, wrapping every 26.5 hours) into one
 * monotonic long: each value is placed within half a wrap of the last one placed, so a recording that crosses the
 * wrap keeps counting up, and reordered B-frames or another stream a little behind stay a little behind. The first
 * value is kept as it is, so packets carry the times ffprobe shows.
 */
final class Timeline {
    private static final long WRAP = 1L << 33;
    private static final long HALF = WRAP / 2;

    private long last = -1;

    /** The unwrapped value of a 33-bit stamp. */
    long unwrap(long raw) {
        long value = raw & (WRAP - 1);
        if (last < 0) {
            last = value;
            return value;
        }
        long delta = Math.floorMod(value - last, WRAP);
        if (delta >= HALF) {
            delta -= WRAP;
        }
        last += delta;
        return last;
    }
}
