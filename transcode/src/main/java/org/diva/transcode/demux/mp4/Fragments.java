package org.diva.transcode.demux.mp4;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Appends the samples of a movie fragment ('moof', ISO/IEC 14496-12 section 8.8) to the tracks' sample tables.
 *
 * <p>Each 'traf' names its track in 'tfhd', with defaults that override the movie's 'trex'; 'tfdt' gives the
 * fragment's first decoding time (without it, the time continues from the previous fragment); each 'trun' lists
 * samples with optional duration, size, flags and composition offset, the data starting at the trun's data_offset
 * from the base: the tfhd's explicit base_data_offset, else the moof's first byte when default-base-is-moof is set
 * or for the moof's first traf, else where the previous traf's data ended (section 8.8.7.1). A run without a
 * data_offset follows the previous run's data. A sample is a sync sample unless its flags set
 * sample_is_non_sync_sample (bit 16).
 */
final class Fragments {
    private final Map<Long, Mp4Track> tracks = new HashMap<>();
    private final Map<Long, long[]> defaults = new HashMap<>(); // track id -> {duration, size, flags}
    private final Map<Long, Long> lastDuration = new HashMap<>();
    private final long fileSize;

    Fragments(Iterable<Mp4Track> all, Box moov, long fileSize) throws MediaFormatException {
        this.fileSize = fileSize;
        for (Mp4Track t : all) {
            tracks.put(t.id(), t);
        }
        for (Box trex : moov.path("mvex").map(this::trexes).orElse(new Box[0])) {
            ByteBuffer b = trex.data();
            if (b.remaining() >= 24) {
                defaults.put(b.getInt(4) & 0xffff_ffffL,
                        new long[] {b.getInt(12) & 0xffff_ffffL, b.getInt(16) & 0xffff_ffffL, b.getInt(20)});
            }
        }
    }

    private Box[] trexes(Box mvex) {
        try {
            return mvex.all("trex").toArray(new Box[0]);
        } catch (MediaFormatException e) {
            return new Box[0];
        }
    }

    void add(Box moof) throws MediaFormatException {
        long implicitBase = moof.offset();
        for (Box traf : moof.all("traf")) {
            try {
                implicitBase = traf(traf, moof.offset(), implicitBase);
            } catch (IndexOutOfBoundsException e) {
                throw new MediaFormatException("damaged MP4: the " + traf.describe() + " is cut short");
            }
        }
    }

    /** Adds a traf's samples; returns where its data ends, the implicit base of the next traf. */
    private long traf(Box traf, long moofOffset, long implicitBase) throws MediaFormatException {
        ByteBuffer tfhd = traf.need("tfhd").data();
        int flags = tfhd.getInt(0) & 0xffffff;
        long id = tfhd.getInt(4) & 0xffff_ffffL;
        Mp4Track track = tracks.get(id);
        long[] d = defaults.getOrDefault(id, new long[] {0, 0, 0}).clone();
        int at = 8;
        long base = (flags & 0x20000) != 0 ? moofOffset : implicitBase;
        if ((flags & 0x1) != 0) {
            base = tfhd.getLong(at);
            at += 8;
        }
        if ((flags & 0x2) != 0) {
            at += 4;
        }
        if ((flags & 0x8) != 0) {
            d[0] = tfhd.getInt(at) & 0xffff_ffffL;
            at += 4;
        }
        if ((flags & 0x10) != 0) {
            d[1] = tfhd.getInt(at) & 0xffff_ffffL;
            at += 4;
        }
        if ((flags & 0x20) != 0) {
            d[2] = tfhd.getInt(at);
        }
        long time = track == null ? 0 : track.samples().endTime(lastDuration.getOrDefault(id, 0L));
        var tfdt = traf.child("tfdt");
        if (tfdt.isPresent()) {
            ByteBuffer b = tfdt.get().data();
            time = b.get(0) == 1 ? b.getLong(4) : b.getInt(4) & 0xffff_ffffL;
        }
        long end = base;
        for (Box trun : traf.all("trun")) {
            long[] ended = trun(trun, track, base, end, d, time);
            time = ended[0];
            end = ended[1];
        }
        return end;
    }

    /** Adds a trun's samples (to no table when the track is not passed on); returns {end time, end offset}. */
    private long[] trun(Box trun, Mp4Track track, long base, long previousEnd, long[] d, long startTime)
            throws MediaFormatException {
        ByteBuffer b = trun.data();
        int flags = b.getInt(0) & 0xffffff;
        long count = b.getInt(4) & 0xffff_ffffL;
        int at = 8;
        long offset = previousEnd; // without a data_offset a run follows the previous one's data
        if ((flags & 0x1) != 0) {
            offset = base + b.getInt(at);
            at += 4;
        }
        int firstFlags = (int) d[2];
        boolean hasFirst = (flags & 0x4) != 0;
        if (hasFirst) {
            firstFlags = b.getInt(at);
            at += 4;
        }
        int width = Integer.bitCount(flags & 0xf00) * 4;
        boolean sizesListed = (flags & 0x200) != 0;
        if (count > (b.limit() - at) / Math.max(1, width)
                || width == 0 && count > (d[1] > 0 ? fileSize / d[1] : 1 << 16)
                || !sizesListed && d[1] > 0 && count > fileSize / d[1]) {
            throw new MediaFormatException("damaged MP4: the " + trun.describe() + " declares " + count
                    + " samples but has room for fewer");
        }
        long time = startTime;
        long duration = d[0];
        for (int i = 0; i < count; i++) {
            duration = (flags & 0x100) != 0 ? b.getInt(at) & 0xffff_ffffL : d[0];
            at += (flags & 0x100) != 0 ? 4 : 0;
            long size = (flags & 0x200) != 0 ? b.getInt(at) & 0xffff_ffffL : d[1];
            at += (flags & 0x200) != 0 ? 4 : 0;
            int sampleFlags = (flags & 0x400) != 0 ? b.getInt(at) : i == 0 && hasFirst ? firstFlags : (int) d[2];
            at += (flags & 0x400) != 0 ? 4 : 0;
            int cts = (flags & 0x800) != 0 ? b.getInt(at) : 0;
            at += (flags & 0x800) != 0 ? 4 : 0;
            if (track != null) {
                track.samples().add(offset, size, time, cts, (sampleFlags & 0x10000) == 0, trun.describe());
            }
            offset += size;
            time += duration;
        }
        if (track != null) {
            lastDuration.put(track.id(), duration);
        }
        return new long[] {time, offset};
    }
}
