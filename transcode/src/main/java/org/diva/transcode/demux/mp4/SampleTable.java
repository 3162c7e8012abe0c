package org.diva.transcode.demux.mp4;

import java.util.Arrays;
import java.util.Locale;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Every sample of one track, in decoding order, as parallel primitive arrays: where it is, how big, its decoding
 * time and composition offset in the track's timescale, and whether it is a sync sample. Classic sample tables and
 * movie fragments both append here, so reading and seeking have one shape. The count is capped, so a hostile
 * table cannot make the demuxer allocate without bound (24 bytes a sample: the cap is about 480 MB of arrays only
 * for a file that really has 20 million samples, some 90 hours of 60 fps video).
 */
final class SampleTable {
    static final int MAX_SAMPLES = 20_000_000;
    /** DiVA refuses single samples bigger than this; real ones (a 4K intra frame) are a few MB. */
    static final int MAX_SAMPLE_SIZE = 64 << 20;

    private long[] offsets = new long[16];
    private int[] sizes = new int[16];
    private long[] dts = new long[16];
    private int[] ctsOffsets = new int[16];
    private boolean[] sync = new boolean[16];
    private int count;

    int count() {
        return count;
    }

    long offset(int i) {
        return offsets[i];
    }

    int size(int i) {
        return sizes[i];
    }

    long dts(int i) {
        return dts[i];
    }

    long cts(int i) {
        return dts[i] + ctsOffsets[i];
    }

    boolean sync(int i) {
        return sync[i];
    }

    void add(long offset, long size, long decodeTime, int ctsOffset, boolean isSync, String where)
            throws MediaFormatException {
        if (count == MAX_SAMPLES) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "MP4 track too long: more than %,d samples (%s); DiVA does not read such files", count, where));
        }
        if (size < 0 || size > MAX_SAMPLE_SIZE || offset < 0) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "damaged MP4: sample %,d at byte %,d claims %,d bytes (%s)", count + 1, offset, size, where));
        }
        if (count == offsets.length) {
            int grown = (int) Math.min(MAX_SAMPLES, count * 2L);
            offsets = Arrays.copyOf(offsets, grown);
            sizes = Arrays.copyOf(sizes, grown);
            dts = Arrays.copyOf(dts, grown);
            ctsOffsets = Arrays.copyOf(ctsOffsets, grown);
            sync = Arrays.copyOf(sync, grown);
        }
        offsets[count] = offset;
        sizes[count] = (int) size;
        dts[count] = decodeTime;
        ctsOffsets[count] = ctsOffset;
        sync[count] = isSync;
        count++;
    }

    /** The decoding time just after the last sample, for the next fragment without a tfdt. */
    long endTime(long lastDuration) {
        return count == 0 ? 0 : dts[count - 1] + lastDuration;
    }
}
