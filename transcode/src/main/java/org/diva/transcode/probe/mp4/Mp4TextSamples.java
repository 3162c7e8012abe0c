package org.diva.transcode.probe.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Where the samples of an MP4's subtitle tracks lie, for reading timed text (3GPP 'tx3g', ffmpeg's mov_text)
 * without a full demuxer.
 *
 * <p>The sample table (ISO/IEC 14496-12 section 8.6 and 8.7) is expanded run by run: stts gives each sample's
 * duration in the media timescale (so start times are sums of exact integers), stsz each sample's size, stsc how
 * many samples each chunk holds, and stco/co64 where each chunk starts; a sample's offset is its chunk's plus the
 * sizes of the samples before it in that chunk. Counts are bounded by {@link #MAX_SAMPLES} and by the bytes each
 * table really has, so a hostile table costs nothing.
 */
public final class Mp4TextSamples {
    /** More cues than this in one track is damage: a two-hour film has under 2,000. */
    public static final int MAX_SAMPLES = 200_000;
    private static final int MAX_TABLE = 16 << 20;

    /** One sample: where it is and when it plays, in the track's timescale. */
    public record Sample(long offset, int size, long start, long duration) {
    }

    /**
     * A subtitle track in the order the probe lists them.
     *
     * @param format    the probe's format name (mov_text, webvtt, ...)
     * @param timescale units per second of the sample times
     * @param samples   the samples, for mov_text tracks; empty for other formats
     */
    public record TextTrack(String format, long timescale, List<Sample> samples) {
        public TextTrack {
            samples = List.copyOf(samples);
        }
    }

    private Mp4TextSamples() {
    }

    /** The subtitle tracks of the file (chapter tracks left out, as the probe does). */
    public static List<TextTrack> read(SeekableByteChannel channel) throws IOException {
        try {
            return read(new Mp4Source(channel));
        } catch (RuntimeException bug) {
            // Every check should turn damage into a readable message; should one be missing, it is still a
            // format error of this file, not a server error.
            throw new MediaFormatException("MP4 text track reading failed on unexpected data: " + bug, bug);
        }
    }

    private static List<TextTrack> read(Mp4Source source) throws IOException {
        Mp4Box moov = new Mp4BoxWalker(source).findMovie().moov();
        Set<Long> chapters = Mp4Probe.chapterTrackIds(source, moov);
        Mp4TrackReader reader = new Mp4TrackReader(source);
        List<TextTrack> tracks = new ArrayList<>();
        for (Mp4Box trak : moov.all("trak")) {
            Optional<Mp4TrackReader.Track> track = reader.read(trak);
            if (track.isEmpty() || track.get().subtitle().isEmpty() || chapters.contains(track.get().trackId())) {
                continue;
            }
            String format = track.get().subtitle().get().format();
            if (!format.equals("mov_text")) {
                tracks.add(new TextTrack(format, 1, List.of()));
                continue;
            }
            Mp4Box mdia = trak.child("mdia").orElseThrow();
            tracks.add(new TextTrack(format, timescale(source, mdia), samples(source, mdia)));
        }
        return tracks;
    }

    private static long timescale(Mp4Source source, Mp4Box mdia) throws IOException {
        Mp4Box mdhd = mdia.child("mdhd").orElseThrow(() -> damage(mdia, "has no 'mdhd'"));
        ByteBuffer b = source.body(mdhd, 24);
        boolean v1 = b.remaining() > 0 && b.get(0) == 1;
        if (b.remaining() < (v1 ? 24 : 16)) {
            throw damage(mdhd, "is too short");
        }
        long timescale = b.getInt(v1 ? 20 : 12) & 0xffff_ffffL;
        if (timescale == 0) {
            throw damage(mdhd, "states a timescale of 0");
        }
        return timescale;
    }

    private static List<Sample> samples(Mp4Source source, Mp4Box mdia) throws IOException {
        Mp4Box stbl = mdia.path("minf", "stbl").orElseThrow(() -> damage(mdia, "has no sample table"));
        ByteBuffer stts = table(source, stbl, "stts");
        ByteBuffer stsz = table(source, stbl, "stsz");
        ByteBuffer stsc = table(source, stbl, "stsc");
        Optional<Mp4Box> co64 = stbl.child("co64");
        ByteBuffer stco = table(source, stbl, co64.isPresent() ? "co64" : "stco");
        int chunkOffsetSize = co64.isPresent() ? 8 : 4;

        if (stsz.remaining() < 8) {
            throw damage(stbl.child("stsz").orElseThrow(), "is too short for its sample size and count");
        }
        int fixedSize = stsz.getInt();
        int count = count(stsz.getInt(), fixedSize == 0 ? stsz.remaining() / 4 : MAX_SAMPLES, stbl);
        long[] starts = new long[count];
        long[] durations = new long[count];
        int n = 0;
        long time = 0;
        for (int runs = count(stts.getInt(), stts.remaining() / 8, stbl), r = 0; r < runs && n < count; r++) {
            long inRun = stts.getInt() & 0xffff_ffffL;
            long delta = stts.getInt() & 0xffff_ffffL;
            for (long i = 0; i < inRun && n < count; i++, n++) {
                starts[n] = time;
                durations[n] = delta;
                time += delta;
            }
        }
        int chunks = count(stco.getInt(), stco.remaining() / chunkOffsetSize, stbl);
        int stscEntries = count(stsc.getInt(), stsc.remaining() / 12, stbl);
        long[] firstChunk = new long[stscEntries];
        long[] perChunk = new long[stscEntries];
        for (int i = 0; i < stscEntries; i++) {
            firstChunk[i] = stsc.getInt() & 0xffff_ffffL;
            perChunk[i] = stsc.getInt() & 0xffff_ffffL;
            stsc.getInt(); // sample description index: every tx3g sample is read the same way
        }
        List<Sample> samples = new ArrayList<>(Math.min(count, 4096));
        int sample = 0;
        for (int chunk = 1, entry = 0; chunk <= chunks && sample < Math.min(n, count); chunk++) {
            while (entry + 1 < stscEntries && firstChunk[entry + 1] <= chunk) {
                entry++;
            }
            long offset = chunkOffsetSize == 8 ? stco.getLong() : stco.getInt() & 0xffff_ffffL;
            long inChunk = stscEntries == 0 ? 0 : perChunk[entry];
            for (long i = 0; i < inChunk && sample < n; i++, sample++) {
                int size = fixedSize != 0 ? fixedSize : stsz.getInt();
                if (size < 0 || offset < 0 || offset + size > source.size()) {
                    throw new MediaFormatException(Mp4Fields.format("damaged MP4: text sample %,d at byte %,d "
                            + "(%,d bytes) lies outside the file of %,d bytes", sample + 1, offset, size,
                            source.size()));
                }
                samples.add(new Sample(offset, size, starts[sample], durations[sample]));
                offset += size;
            }
        }
        return samples;
    }

    /** A table's body after its version and flags. */
    private static ByteBuffer table(Mp4Source source, Mp4Box stbl, String type) throws IOException {
        Mp4Box box = stbl.child(type).orElseThrow(() -> damage(stbl, "has no '" + type + "'"));
        if (box.bodySize() > MAX_TABLE || box.bodySize() < 8) {
            throw damage(box, "has an impossible size");
        }
        ByteBuffer b = source.body(box, MAX_TABLE);
        b.getInt();
        return b;
    }

    private static int count(int stated, long available, Mp4Box where) throws MediaFormatException {
        long value = stated & 0xffff_ffffL;
        if (value > MAX_SAMPLES) {
            throw damage(where, "lists " + value + " entries; DiVA reads at most " + MAX_SAMPLES);
        }
        return (int) Math.min(value, available);
    }

    private static MediaFormatException damage(Mp4Box box, String problem) {
        return new MediaFormatException("damaged MP4: the " + box.describe() + " " + problem);
    }
}
