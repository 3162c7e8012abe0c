package org.diva.transcode.stream;

/**
 * DiVA's media clock: 90,000 ticks per second, the MPEG system clock. Every timestamp between demuxers, codecs and
 * muxers is in these ticks, so MPEG-TS/PS times pass through exactly and Matroska's default millisecond scale
 * converts without rounding; MP4 timescales convert from the absolute sample time (never by summing rounded
 * durations), so rounding never accumulates.
 */
public final class Ticks {
    public static final long PER_SECOND = 90_000;
    /** A timestamp the container did not state. */
    public static final long NONE = Long.MIN_VALUE;

    private Ticks() {
    }

    /** {@code value} counted at {@code timescale} units per second, in ticks, rounded to the nearest. */
    public static long fromTimescale(long value, long timescale) {
        return rescale(value, timescale, PER_SECOND);
    }

    /** {@code ticks} counted at {@code timescale} units per second, rounded to the nearest. */
    public static long toTimescale(long ticks, long timescale) {
        return rescale(ticks, PER_SECOND, timescale);
    }

    public static long fromMillis(long millis) {
        return millis * 90;
    }

    public static long toMillis(long ticks) {
        return Math.floorDiv(ticks, 90);
    }

    /** value * to / from, rounded half up, without overflowing for any value a media file can hold. */
    static long rescale(long value, long from, long to) {
        if (from <= 0 || to <= 0) {
            throw new IllegalArgumentException("timescales must be positive: " + from + ", " + to);
        }
        if (from == to) {
            return value;
        }
        long whole = Math.floorDiv(value, from);
        long rest = Math.floorMod(value, from);
        return whole * to + (rest * to + from / 2) / from;
    }
}
