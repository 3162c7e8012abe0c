package org.diva.transcode.mux.mp4;

import org.diva.transcode.stream.Ticks;

/**
 * Where one track sits on the movie's timeline, and its samples' times in its own timescale.
 *
 * <p>The movie counts 90 kHz ticks, so the gaps between tracks are exact. Zero is the earliest presentation
 * time of any track that is not negative: TS sources start at 1.4 s or so and all move by the same amount, which
 * keeps A/V sync; negative times are samples a source's edit list hid (AAC encoder priming in an MP4), and stay
 * hidden. Each track then gets an edit list (ISO/IEC 14496-12 section 8.6.6) when it needs one: an empty edit
 * as long as it starts after zero, then its media from the composition time of its first presented sample. That
 * is how B-frames' delay is taken out too: composition offsets stay non-negative ('ctts' version 0, section
 * 8.6.1.3) and the edit starts at the first picture's offset. This is what ffmpeg writes by default, and what
 * browsers, QuickTime and ffmpeg itself play; negative offsets (version 1) are not read by some older devices.
 *
 * @param timescale    media time units per second
 * @param firstDts     the first sample's decoding time, in ticks; media time 0
 * @param emptyTicks   the empty edit before the track, in ticks (movie timescale)
 * @param mediaTime    the media time the presentation starts at, in timescale units
 * @param segmentTicks how long the media edit plays, in ticks
 */
record TrackTiming(long timescale, long firstDts, long emptyTicks, long mediaTime, long segmentTicks) {
    TrackTiming {
        if (timescale <= 0 || emptyTicks < 0 || mediaTime < 0 || segmentTicks < 0) {
            throw new IllegalArgumentException("bad track timing: timescale " + timescale + ", empty " + emptyTicks
                    + ", media time " + mediaTime + ", segment " + segmentTicks);
        }
    }

    /** The movie's zero for these tracks, in ticks. */
    static long movieZero(Iterable<TrackRecorder> tracks) {
        long zero = Long.MAX_VALUE;
        for (TrackRecorder t : tracks) {
            if (t.samples() > 0) {
                zero = Math.min(zero, Math.max(0, t.firstPresentation()));
            }
        }
        return zero == Long.MAX_VALUE ? 0 : zero;
    }

    static TrackTiming of(TrackRecorder t, long zero) {
        long firstDts = t.dts.get(0);
        long start = Math.max(t.firstPresentation(), zero);
        long end = Long.MIN_VALUE;
        int n = t.samples();
        for (int i = 0; i < n; i++) {
            long duration = i + 1 < n ? t.dts.get(i + 1) - t.dts.get(i) : t.lastDuration();
            end = Math.max(end, t.dts.get(i) + t.ptsOffset.get(i) + duration);
        }
        long timescale = t.entry.timescale();
        return new TrackTiming(timescale, firstDts, start - zero, Ticks.toTimescale(start - firstDts, timescale),
                Math.max(0, end - start));
    }

    /** A sample's decoding time in timescale units, from its absolute time so that rounding never adds up. */
    long decodeTime(TrackRecorder t, int sample) {
        return Ticks.toTimescale(t.dts.get(sample) - firstDts, timescale);
    }

    /** A sample's composition offset in timescale units. */
    long compositionOffset(TrackRecorder t, int sample) {
        long dts = t.dts.get(sample) - firstDts;
        return Ticks.toTimescale(dts + t.ptsOffset.get(sample), timescale) - Ticks.toTimescale(dts, timescale);
    }

    /** The media's length: the last sample's decoding time plus its duration, in timescale units. */
    long mediaDuration(TrackRecorder t) {
        int last = t.samples() - 1;
        return Ticks.toTimescale(t.dts.get(last) - firstDts + t.lastDuration(), timescale);
    }

    boolean needsEdit() {
        return emptyTicks > 0 || mediaTime > 0;
    }

    long presentedTicks() {
        return emptyTicks + segmentTicks;
    }
}
