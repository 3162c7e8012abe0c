package org.diva.transcode.demux.mp4;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Expands a classic sample table (ISO/IEC 14496-12 section 8.6-8.7) into a {@link SampleTable}.
 *
 * <p>Sizes come from stsz (or the compact stz2); chunk offsets from stco/co64; stsc maps chunks to runs of samples
 * (each entry holds from its first chunk until the next entry's), so a sample's offset is its chunk's offset plus
 * the sizes of the samples before it in that chunk. stts gives decoding deltas as (count, delta) runs; ctts adds
 * signed composition offsets (version 1 or ffmpeg's negative offsets in version 0 read the same way, as
 * two's complement); stss lists sync samples, and without it every sample is one. Every count is checked against
 * the bytes its box holds before anything is allocated.
 */
final class StblReader {
    private StblReader() {
    }

    /** @param fileSize bounds a constant-size table: its samples must fit in the file */
    static SampleTable read(Box stbl, long fileSize) throws MediaFormatException {
        int[] sizes = sizes(stbl, fileSize);
        long[] chunks = chunkOffsets(stbl);
        SampleTable table = new SampleTable();
        Cursor deltas = runs(stbl.child("stts"), "stts", sizes.length);
        Cursor cts = runs(stbl.child("ctts"), "ctts", sizes.length);
        boolean[] sync = syncSamples(stbl.child("stss"), sizes.length);
        ByteBuffer stsc = fullBox(stbl.need("stsc"));
        int entries = checkedCount(stsc, 12, stbl.need("stsc"));
        int sample = 0;
        long time = 0;
        for (int e = 0; e < entries && sample < sizes.length; e++) {
            long firstChunk = u32(stsc, 8 + 12 * e) - 1;
            long perChunk = u32(stsc, 8 + 12 * e + 4);
            long nextFirst = e + 1 < entries ? u32(stsc, 8 + 12 * (e + 1)) - 1 : chunks.length;
            if (firstChunk < 0 || nextFirst > chunks.length || nextFirst < firstChunk || perChunk > sizes.length) {
                throw new MediaFormatException(String.format(Locale.ROOT,
                        "damaged MP4: 'stsc' entry %d (first chunk %d, %d samples) does not fit %d chunks (%s)",
                        e + 1, firstChunk + 1, perChunk, chunks.length, stbl.describe()));
            }
            for (long c = firstChunk; c < nextFirst && sample < sizes.length; c++) {
                long offset = chunks[(int) c];
                for (long k = 0; k < perChunk && sample < sizes.length; k++, sample++) {
                    table.add(offset, sizes[sample], time, (int) cts.next(0), sync == null || sync[sample],
                            stbl.describe());
                    offset += sizes[sample];
                    time += deltas.next(1);
                }
            }
        }
        if (sample < sizes.length) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "damaged MP4: the chunks of the %s hold %,d samples but 'stsz' lists %,d",
                    stbl.describe(), sample, sizes.length));
        }
        return table;
    }

    private static int[] sizes(Box stbl, long fileSize) throws MediaFormatException {
        Optional<Box> stsz = stbl.child("stsz");
        if (stsz.isPresent()) {
            ByteBuffer b = fullBox(stsz.get());
            long fixed = u32(b, 4);
            long declared = u32(b, 8);
            if (fixed == 0 && declared > (b.limit() - 12L) / 4) {
                throw new MediaFormatException(String.format(Locale.ROOT,
                        "damaged MP4: the %s declares %,d sample sizes but has room for %,d", stsz.get().describe(),
                        declared, (b.limit() - 12L) / 4));
            }
            if (fixed != 0 && declared > fileSize / fixed) {
                throw new MediaFormatException(String.format(Locale.ROOT,
                        "damaged MP4: the %s declares %,d samples of %,d bytes, more than the %,d-byte file holds",
                        stsz.get().describe(), declared, fixed, fileSize));
            }
            int count = boundedCount(declared, stsz.get());
            int[] sizes = new int[count];
            for (int i = 0; i < count; i++) {
                sizes[i] = (int) Math.min(Integer.MAX_VALUE, fixed != 0 ? fixed : u32(b, 12 + 4 * i));
            }
            return sizes;
        }
        Box stz2 = stbl.need("stz2");
        ByteBuffer b = fullBox(stz2);
        int fieldBits = b.get(7) & 0xff;
        long count = u32(b, 8);
        if (fieldBits != 4 && fieldBits != 8 && fieldBits != 16 || count * fieldBits / 8 > b.limit() - 12) {
            throw new MediaFormatException("damaged MP4: bad field size or count in the " + stz2.describe());
        }
        int[] sizes = new int[(int) count];
        for (int i = 0; i < count; i++) {
            sizes[i] = switch (fieldBits) {
                case 4 -> (b.get(12 + i / 2) >> (i % 2 == 0 ? 4 : 0)) & 0xf;
                case 8 -> b.get(12 + i) & 0xff;
                default -> b.getShort(12 + 2 * i) & 0xffff;
            };
        }
        return sizes;
    }

    private static long[] chunkOffsets(Box stbl) throws MediaFormatException {
        Optional<Box> stco = stbl.child("stco");
        Box box = stco.isPresent() ? stco.get() : stbl.need("co64");
        boolean wide = stco.isEmpty();
        ByteBuffer b = fullBox(box);
        int count = checkedCount(b, wide ? 8 : 4, box);
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = wide ? b.getLong(8 + 8 * i) : u32(b, 8 + 4 * i);
        }
        return offsets;
    }

    private static boolean[] syncSamples(Optional<Box> stss, int samples) throws MediaFormatException {
        if (stss.isEmpty()) {
            return null;
        }
        ByteBuffer b = fullBox(stss.get());
        int count = checkedCount(b, 4, stss.get());
        boolean[] sync = new boolean[samples];
        for (int i = 0; i < count; i++) {
            long n = u32(b, 8 + 4 * i);
            if (n >= 1 && n <= samples) {
                sync[(int) n - 1] = true;
            }
        }
        return sync;
    }

    private static Cursor runs(Optional<Box> box, String name, int samples) throws MediaFormatException {
        if (box.isEmpty()) {
            if (name.equals("stts") && samples > 0) {
                throw new MediaFormatException("damaged MP4: a track has samples but no 'stts' (decoding times)");
            }
            return new Cursor(ByteBuffer.allocate(0), 0);
        }
        ByteBuffer b = fullBox(box.get());
        return new Cursor(b, checkedCount(b, 8, box.get()));
    }

    /** Walks (count, value) runs; past the last run it repeats the fallback, as readers of short tables do. */
    private static final class Cursor {
        private final ByteBuffer runs;
        private final int entries;
        private int entry;
        private long left;
        private long value;

        Cursor(ByteBuffer runs, int entries) {
            this.runs = runs;
            this.entries = entries;
        }

        long next(long fallback) {
            while (left == 0 && entry < entries) {
                left = u32(runs, 8 + 8 * entry);
                value = runs.getInt(12 + 8 * entry); // signed: ctts offsets may be negative
                entry++;
            }
            if (left == 0) {
                return entries == 0 ? fallback : value;
            }
            left--;
            return value;
        }
    }

    private static ByteBuffer fullBox(Box box) throws MediaFormatException {
        ByteBuffer b = box.data();
        if (b.remaining() < 8) {
            throw new MediaFormatException("damaged MP4: the " + box.describe() + " is too short");
        }
        return b;
    }

    /** The entry count at byte 4 of a full box, checked against the room its entries of {@code width} bytes need. */
    private static int checkedCount(ByteBuffer b, int width, Box box) throws MediaFormatException {
        long count = u32(b, 4);
        if (count > (b.limit() - 8L) / width) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "damaged MP4: the %s declares %,d entries but has room for %,d", box.describe(), count,
                    (b.limit() - 8L) / width));
        }
        return boundedCount(count, box);
    }

    private static int boundedCount(long count, Box box) throws MediaFormatException {
        if (count > SampleTable.MAX_SAMPLES) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "MP4 track too long: the %s lists %,d samples; DiVA reads at most %,d", box.describe(), count,
                    SampleTable.MAX_SAMPLES));
        }
        return (int) count;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xffff_ffffL;
    }
}
