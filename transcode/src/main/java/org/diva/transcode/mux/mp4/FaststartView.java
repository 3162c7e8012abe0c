package org.diva.transcode.mux.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;

/**
 * An MP4 with its movie box moved in front of the media data (ISO/IEC 14496-12 section 6.2.3), as a random-access
 * view of the unchanged source file: the rewritten moov (chunk offsets, section 8.7.5, already moved; see
 * {@link Mp4Faststart}) is held in memory and every other byte is read from the source where it is. A view is the moov's bytes and a handful of segments, so a
 * server can keep views of many files and answer each Range request without re-parsing anything.
 *
 * <p>The source is passed to each {@link #read} rather than held, so a view owns no open file; the view
 * remembers the source's size and refuses to read a source of another size (the file changed: the offsets in the
 * moov would point at the wrong bytes).
 */
public final class FaststartView {
    /** A piece of the rewritten file: a range of the source or bytes in memory. */
    public sealed interface Segment permits SourceRange, Bytes {
        long length();
    }

    /** {@code length} bytes of the source from {@code sourceOffset}. */
    public record SourceRange(long sourceOffset, long length) implements Segment {
        public SourceRange {
            if (sourceOffset < 0 || length <= 0 || sourceOffset > Long.MAX_VALUE - length) {
                throw new IllegalArgumentException("bad source range: " + length + " bytes at " + sourceOffset);
            }
        }
    }

    /** Bytes held in memory; {@link #bytes()} hands out a read-only duplicate each call, so readers never race. */
    public record Bytes(ByteBuffer bytes) implements Segment {
        public Bytes {
            bytes = bytes.asReadOnlyBuffer();
        }

        @Override
        public ByteBuffer bytes() {
            return bytes.duplicate();
        }

        @Override
        public long length() {
            return bytes.remaining();
        }
    }

    private final long sourceSize;
    private final List<Segment> segments;
    /** Where each segment starts in the rewritten file, for a binary search per read. */
    private final long[] starts;
    private final long size;

    private FaststartView(long sourceSize, List<Segment> segments) {
        this.sourceSize = sourceSize;
        this.segments = List.copyOf(segments);
        this.starts = new long[segments.size()];
        long at = 0;
        for (int i = 0; i < segments.size(); i++) {
            starts[i] = at;
            at += segments.get(i).length();
        }
        this.size = at;
    }

    /**
     * The view of {@code source}: moov moved first if the file has it after its first mdat; else empty (serve the
     * file as it is).
     *
     * @throws MediaFormatException if the file is damaged, has no moov, is fragmented with its moov after the media
     *                              data, or has a moov over 64 MiB
     */
    public static Optional<FaststartView> of(SeekableByteChannel source) throws IOException {
        List<Mp4Faststart.TopBox> boxes = Mp4Faststart.topLevel(source);
        int moov = Mp4Faststart.requireMoov(boxes);
        int mdat = Mp4Faststart.indexOf(boxes, "mdat");
        if (mdat < 0 || moov < mdat) {
            return Optional.empty();
        }
        Mp4Faststart.refuseFragmented(boxes);
        return Optional.of(build(source, boxes, moov));
    }

    /** The layout with the moov after the file type box and every other box in its order. */
    static FaststartView build(SeekableByteChannel source, List<Mp4Faststart.TopBox> boxes, int moovIndex)
            throws IOException {
        Mp4Faststart.TopBox moov = boxes.get(moovIndex);
        List<Mp4Faststart.TopBox> order = new ArrayList<>(boxes);
        order.remove(moovIndex);
        int ftyp = Mp4Faststart.indexOf(order, "ftyp");
        order.add(ftyp == 0 ? 1 : 0, moov);
        ByteBuffer moovBytes = Mp4Faststart.rewrittenMoov(source, boxes, order, moov);
        List<Segment> segments = new ArrayList<>();
        for (Mp4Faststart.TopBox box : order) {
            if (box == moov) {
                segments.add(new Bytes(moovBytes));
            } else if (!segments.isEmpty() && segments.get(segments.size() - 1) instanceof SourceRange last
                    && last.sourceOffset() + last.length() == box.offset()) {
                // Boxes that stay neighbours are one range: a file with many mdat boxes is still three segments.
                segments.set(segments.size() - 1, new SourceRange(last.sourceOffset(), last.length() + box.size()));
            } else {
                segments.add(new SourceRange(box.offset(), box.size()));
            }
        }
        return new FaststartView(source.size(), segments);
    }

    /** Bytes of the rewritten file. */
    public long size() {
        return size;
    }

    /** The layout as segments for zero-copy sending: each a range of the source file or bytes in memory. */
    public List<Segment> segments() {
        return segments;
    }

    /**
     * Reads bytes of the rewritten file from {@code position} into {@code into} (the moov from memory, everything
     * else from {@code source}, which must be the file the view was made of); returns how many, -1 at the end.
     *
     * @throws MediaFormatException if the source is not the size it was when the view was made, or ends early
     */
    public int read(SeekableByteChannel source, ByteBuffer into, long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        if (source.size() != sourceSize) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "the MP4 changed since its faststart view was made: %,d bytes, was %,d", source.size(),
                    sourceSize));
        }
        if (position >= size) {
            return -1;
        }
        int start = into.position();
        int index = Arrays.binarySearch(starts, position);
        index = index >= 0 ? index : -index - 2;
        while (into.hasRemaining() && index < segments.size()) {
            long within = position - starts[index];
            Segment segment = segments.get(index);
            int n = (int) Math.min(into.remaining(), segment.length() - within);
            if (segment instanceof Bytes bytes) {
                ByteBuffer from = bytes.bytes();
                from.position(from.position() + (int) within).limit(from.position() + n);
                into.put(from);
            } else if (segment instanceof SourceRange range) {
                ByteBuffer window = into.duplicate().limit(into.position() + n);
                long at = range.sourceOffset() + within;
                if (ChannelReads.readInto(source, at, window) != n) {
                    throw new MediaFormatException(String.format(Locale.ROOT,
                            "truncated MP4: the file ended before byte %,d", at + n));
                }
                into.position(into.position() + n);
            }
            position += n;
            index++;
        }
        return into.position() - start;
    }

    @Override
    public String toString() {
        return "FaststartView[" + size + " bytes, " + segments.size() + " segments]";
    }
}
