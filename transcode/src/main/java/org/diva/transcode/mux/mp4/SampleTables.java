package org.diva.transcode.mux.mp4;

import org.diva.transcode.probe.MediaFormatException;

/**
 * The sample table box 'stbl' (ISO/IEC 14496-12 section 8.5) of one track: descriptions, times (stts, ctts), sync
 * samples (stss), sizes (stsz) and chunks (stsc, stco/co64). Runs of equal values are written as one entry where
 * the box allows it.
 */
final class SampleTables {
    private SampleTables() {
    }

    static void write(BoxBuffer b, TrackRecorder t, TrackTiming timing) throws MediaFormatException {
        int stbl = b.begin("stbl");
        int stsd = b.beginFull("stsd", 0, 0);
        b.u32(1);
        t.entry.write(b, t.trackId);
        b.end(stsd);
        timeToSample(b, t, timing);
        compositionOffsets(b, t, timing);
        syncSamples(b, t);
        sizes(b, t);
        chunks(b, t);
        b.end(stbl);
    }

    /** stts (section 8.6.1.2): decoding time deltas. */
    private static void timeToSample(BoxBuffer b, TrackRecorder t, TrackTiming timing) {
        int box = b.beginFull("stts", 0, 0);
        int countAt = b.size();
        b.u32(0);
        Runs runs = new Runs(b);
        int n = t.samples();
        long previous = timing.decodeTime(t, 0);
        for (int i = 1; i <= n; i++) {
            long next = i < n ? timing.decodeTime(t, i) : Math.max(previous + 1, timing.mediaDuration(t));
            runs.add(next - previous);
            previous = next;
        }
        runs.finish();
        b.patch32(countAt, runs.entries);
        b.end(box);
    }

    /** ctts version 0 (section 8.6.1.3), only when some picture is shown later than it is decoded. */
    private static void compositionOffsets(BoxBuffer b, TrackRecorder t, TrackTiming timing) {
        int n = t.samples();
        boolean any = false;
        for (int i = 0; i < n && !any; i++) {
            any = t.ptsOffset.get(i) != 0;
        }
        if (!any) {
            return;
        }
        int box = b.beginFull("ctts", 0, 0);
        int countAt = b.size();
        b.u32(0);
        Runs runs = new Runs(b);
        for (int i = 0; i < n; i++) {
            runs.add(timing.compositionOffset(t, i));
        }
        runs.finish();
        b.patch32(countAt, runs.entries);
        b.end(box);
    }

    /** stss (section 8.6.2), left out when every sample is a sync sample. */
    private static void syncSamples(BoxBuffer b, TrackRecorder t) {
        int n = t.samples();
        int count = t.sync.cardinality();
        if (count == n) {
            return;
        }
        int box = b.beginFull("stss", 0, 0);
        b.u32(count);
        for (int i = t.sync.nextSetBit(0); i >= 0 && i < n; i = t.sync.nextSetBit(i + 1)) {
            b.u32(i + 1L);
        }
        b.end(box);
    }

    /** stsz (section 8.7.3): one size for all when they are equal (constant-rate audio), else a table. */
    private static void sizes(BoxBuffer b, TrackRecorder t) {
        int n = t.samples();
        boolean constant = true;
        for (int i = 1; i < n && constant; i++) {
            constant = t.sizes.get(i) == t.sizes.get(0);
        }
        int box = b.beginFull("stsz", 0, 0);
        b.u32(constant && n > 0 ? t.sizes.get(0) : 0);
        b.u32(n);
        if (!constant) {
            for (int i = 0; i < n; i++) {
                b.u32(t.sizes.get(i));
            }
        }
        b.end(box);
    }

    /** stsc (section 8.7.4) as runs of chunks with the same sample count, then stco or co64 (section 8.7.5). */
    private static void chunks(BoxBuffer b, TrackRecorder t) {
        int chunks = t.chunkOffsets.size();
        int box = b.beginFull("stsc", 0, 0);
        int countAt = b.size();
        b.u32(0);
        long entries = 0;
        for (int i = 0; i < chunks; i++) {
            if (i == 0 || t.chunkSamples.get(i) != t.chunkSamples.get(i - 1)) {
                b.u32(i + 1L); // first_chunk
                b.u32(t.chunkSamples.get(i));
                b.u32(1); // sample_description_index
                entries++;
            }
        }
        b.patch32(countAt, entries);
        b.end(box);
        boolean wide = chunks > 0 && t.chunkOffsets.get(chunks - 1) > 0xffff_ffffL;
        int offsets = b.beginFull(wide ? "co64" : "stco", 0, 0);
        b.u32(chunks);
        for (int i = 0; i < chunks; i++) {
            if (wide) {
                b.u64(t.chunkOffsets.get(i));
            } else {
                b.u32(t.chunkOffsets.get(i));
            }
        }
        b.end(offsets);
    }

    /** Writes (count, value) entries, one per run of equal values. */
    private static final class Runs {
        private final BoxBuffer b;
        private long value;
        private long count;
        long entries;

        Runs(BoxBuffer b) {
            this.b = b;
        }

        void add(long v) {
            if (count > 0 && (v != value || count == 0xffff_ffffL)) {
                flush();
            }
            value = v;
            count++;
        }

        void finish() {
            if (count > 0) {
                flush();
            }
        }

        private void flush() {
            b.u32(count);
            b.u32(value);
            entries++;
            count = 0;
        }
    }
}
