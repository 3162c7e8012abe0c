package org.diva.web.media;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bytes a served file sends when they are not the file as it is: ranges of the file and bytes held in memory, in
 * order (an MP4 with its movie header moved to the front is the header from memory, then the rest of the file).
 * File ranges are sent zero-copy like a plain file; only the in-memory pieces are held.
 *
 * @param tag      a short name of the transformation ({@code fs} for faststart), added to the ETag because the
 *                 bytes differ from the file's
 * @param segments the pieces, none empty
 */
public record Layout(String tag, List<Segment> segments) {
    private static final int MAX_TAG = 16;

    /** A piece of the sent bytes. */
    public sealed interface Segment permits FileRange, Bytes {
        long length();
    }

    /** {@code length} bytes of the file from {@code offset}. */
    public record FileRange(long offset, long length) implements Segment {
        public FileRange {
            if (offset < 0 || length <= 0 || offset > Long.MAX_VALUE - length) {
                throw new IllegalArgumentException("file range of " + length + " bytes at " + offset
                        + ": the offset must be >= 0 and the length > 0");
            }
        }
    }

    /** Bytes in memory; {@link #bytes()} is a read-only duplicate per call, so concurrent responses never race. */
    public record Bytes(ByteBuffer bytes) implements Segment {
        public Bytes {
            if (!bytes.hasRemaining()) {
                throw new IllegalArgumentException("an empty in-memory segment");
            }
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

    public Layout {
        Objects.requireNonNull(tag, "tag");
        if (tag.isEmpty() || tag.length() > MAX_TAG || !tag.chars().allMatch(c -> c < 128
                && Character.isLetterOrDigit(c))) {
            throw new IllegalArgumentException("layout tag must be 1 to " + MAX_TAG + " ASCII letters or digits, not '"
                    + tag + "'");
        }
        segments = List.copyOf(segments);
        long size = 0;
        for (Segment segment : segments) {
            if (segment.length() > Long.MAX_VALUE - size) {
                throw new IllegalArgumentException("layout larger than 2^63 bytes");
            }
            size += segment.length();
        }
    }

    /** The number of bytes sent. */
    public long size() {
        return segments.stream().mapToLong(Segment::length).sum();
    }

    /** The pieces of bytes {@code [first, first + length)}, cut where the range starts or ends inside one. */
    List<Segment> slice(long first, long length) {
        if (first < 0 || length < 0 || first > size() - length) {
            throw new IllegalArgumentException(length + " bytes from " + first + " are outside a layout of " + size());
        }
        List<Segment> slice = new ArrayList<>();
        long start = 0;
        long end = first + length;
        for (Segment segment : segments) {
            long from = Math.max(first, start);
            long to = Math.min(end, start + segment.length());
            if (from < to) {
                long within = from - start;
                if (segment instanceof FileRange range) {
                    slice.add(new FileRange(range.offset() + within, to - from));
                } else if (segment instanceof Bytes bytes) {
                    ByteBuffer b = bytes.bytes();
                    int at = b.position() + (int) within;
                    slice.add(new Bytes(b.limit(at + (int) (to - from)).position(at).slice()));
                }
            }
            start += segment.length();
            if (start >= end) {
                break;
            }
        }
        return slice;
    }
}
