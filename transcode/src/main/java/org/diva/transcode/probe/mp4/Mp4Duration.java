package org.diva.transcode.probe.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How long the movie plays. A regular file states it in mvhd (falling back to its longest track). A fragmented file
 * (moov holds 'mvex') adds its samples in moof boxes after the moov, so mvhd covers at most the first of them; its
 * length is stated only by mvex/mehd, or by a segment index ('sidx') placed right after the moov that indexes the
 * whole file. Without either the duration is reported unknown rather than guessed from the first fragment.
 */
final class Mp4Duration {
    private final Mp4Source source;
    private final Mp4BoxWalker.Movie movie;

    Mp4Duration(Mp4Source source, Mp4BoxWalker.Movie movie) {
        this.source = source;
        this.movie = movie;
    }

    /** @param longestTrack the longest mdhd duration among the reported tracks, if any */
    OptionalLong millis(OptionalLong longestTrack) throws IOException {
        Mp4Box moov = movie.moov();
        long timescale = 0;
        OptionalLong movieDuration = OptionalLong.empty();
        Optional<Mp4Box> mvhd = moov.child("mvhd");
        if (mvhd.isPresent()) {
            ByteBuffer b = source.body(mvhd.get(), 32);
            boolean v1 = b.remaining() > 0 && b.get(0) == 1;
            if (b.remaining() >= (v1 ? 32 : 20)) {
                timescale = b.getInt(v1 ? 20 : 12) & 0xffff_ffffL;
                long duration = v1 ? b.getLong(24) : b.getInt(16) & 0xffff_ffffL;
                movieDuration = Mp4Fields.millis(duration, timescale, v1);
            }
        }
        if (moov.child("mvex").isEmpty()) {
            return movieDuration.isPresent() ? movieDuration : longestTrack;
        }
        OptionalLong fragmented = fragmentDuration(moov.path("mvex", "mehd"), timescale);
        return fragmented.isPresent() ? fragmented : segmentIndexDuration();
    }

    /** mehd: the whole fragmented movie's duration in the movie timescale. */
    private OptionalLong fragmentDuration(Optional<Mp4Box> mehd, long timescale) throws IOException {
        if (mehd.isEmpty()) {
            return OptionalLong.empty();
        }
        ByteBuffer b = source.body(mehd.get(), 12);
        boolean v1 = b.remaining() > 0 && b.get(0) == 1;
        if (b.remaining() < (v1 ? 12 : 8)) {
            return OptionalLong.empty();
        }
        return Mp4Fields.millis(v1 ? b.getLong(4) : b.getInt(4) & 0xffff_ffffL, timescale, v1);
    }

    /**
     * A 'sidx' right after the moov (ISO/IEC 14496-12 section 8.16.3) whose references reach past the last fragment:
     * the sum of its subsegment durations. A sidx that indexes only the next segment (one per segment, as DASH
     * muxers write without a global index) is followed by more fragments and does not count.
     */
    private OptionalLong segmentIndexDuration() throws IOException {
        Optional<Mp4Box> sidx = movie.next().filter(box -> box.type().equals("sidx"));
        if (sidx.isEmpty() || sidx.get().bodySize() > 1 << 20) {
            return OptionalLong.empty();
        }
        ByteBuffer b = source.body(sidx.get(), 1 << 20);
        boolean v1 = b.remaining() > 0 && b.get(0) == 1;
        int referencesAt = v1 ? 32 : 24;
        if (b.remaining() < referencesAt) {
            return OptionalLong.empty();
        }
        long timescale = b.getInt(8) & 0xffff_ffffL;
        long firstOffset = v1 ? b.getLong(20) : b.getInt(16) & 0xffff_ffffL;
        int count = b.getShort(referencesAt - 2) & 0xffff;
        long bytes = 0;
        long duration = 0;
        b.position(referencesAt);
        for (int i = 0; i < count && b.remaining() >= 12; i++) {
            bytes += b.getInt() & 0x7fff_ffffL;
            duration += b.getInt() & 0xffff_ffffL;
            b.getInt(); // SAP fields
        }
        long indexedEnd = sidx.get().end() + firstOffset + bytes;
        if (indexedEnd < 0 || !nothingFragmentedAt(indexedEnd)) {
            return OptionalLong.empty();
        }
        return Mp4Fields.millis(duration, timescale, true);
    }

    private boolean nothingFragmentedAt(long position) throws IOException {
        if (source.size() - position < 8) {
            return true;
        }
        String type = Mp4Fields.fourcc(source.readExactly(position, 8, "box header").position(4));
        return !type.equals("moof") && !type.equals("sidx") && !type.equals("styp");
    }
}
