package org.diva.transcode.mux.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Writes an MP4 with its movie box ('moov') in front of the media data, for files recorded with it at the end,
 * which a player can only start after fetching the tail (ISO/IEC 14496-12 section 6.2.3 recommends moov first
 * for progressive download).
 *
 * <p>The other top-level boxes keep their order; moov goes right after the file type box (first if there is
 * none), where ffmpeg's -movflags +faststart puts it too. Every chunk offset
 * (stco/co64, section 8.7.5) points into some top-level box, so it moves by exactly as much as that box moves.
 * A 32-bit stco whose new offsets no longer fit becomes a co64, which grows the moov and so moves the data again:
 * the layout is recomputed until the moov size is stable (it only grows, so this ends after a few rounds). The
 * layout is computed once, as a {@link FaststartView}; writing streams the view's source ranges through a fixed
 * buffer, so the media data is never held in memory.
 */
public final class Mp4Faststart {
    static final int MAX_MOOV = 64 << 20;
    private static final int COPY_BUFFER = 1 << 20;
    private static final int MAX_TOP_LEVEL_BOXES = 100_000;

    /** A top-level box of the source. */
    record TopBox(String type, long offset, long size) {
        boolean contains(long position) {
            return position >= offset && position < offset + size;
        }
    }

    private Mp4Faststart() {
    }

    /** Whether the file needs rewriting: its moov comes after its first mdat. */
    public static boolean needsRewrite(SeekableByteChannel source) throws IOException {
        List<TopBox> boxes = topLevel(source);
        int moov = indexOf(boxes, "moov");
        int mdat = indexOf(boxes, "mdat");
        return mdat >= 0 && moov > mdat;
    }

    /**
     * Writes the whole file with moov first to {@code out}; a file already laid out so is copied as it is.
     *
     * @return the number of bytes written
     */
    public static long write(SeekableByteChannel source, WritableByteChannel out) throws IOException {
        List<TopBox> boxes = topLevel(source);
        int moovIndex = requireMoov(boxes);
        refuseFragmented(boxes);
        FaststartView view = FaststartView.build(source, boxes, moovIndex);
        long written = 0;
        ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
        for (FaststartView.Segment segment : view.segments()) {
            if (segment instanceof FaststartView.Bytes bytes) {
                written += writeFully(out, bytes.bytes());
            } else if (segment instanceof FaststartView.SourceRange range) {
                written += copy(source, range, out, buffer);
            }
        }
        return written;
    }

    /** The index of the moov box, or why the file cannot be played without one. */
    static int requireMoov(List<TopBox> boxes) throws MediaFormatException {
        int moovIndex = indexOf(boxes, "moov");
        if (moovIndex < 0) {
            throw new MediaFormatException("not a playable MP4: no 'moov' box (the movie header) in the file");
        }
        return moovIndex;
    }

    static void refuseFragmented(List<TopBox> boxes) throws MediaFormatException {
        if (indexOf(boxes, "moof") >= 0) {
            throw new MediaFormatException("fragmented MP4: its movie header is already in front; nothing to move");
        }
    }

    /** The moov as it reads once the top-level boxes are in {@code order}: its chunk offsets moved with the data. */
    static ByteBuffer rewrittenMoov(SeekableByteChannel source, List<TopBox> boxes, List<TopBox> order, TopBox moov)
            throws IOException {
        if (moov.size() > MAX_MOOV) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "MP4 movie header too big: %,d bytes at byte %,d; DiVA moves at most %,d", moov.size(),
                    moov.offset(), MAX_MOOV));
        }
        int header = headerSize(source, moov);
        ByteBuffer body = ChannelReads.readExactly(source, moov.offset() + header, (int) moov.size() - header,
                "'moov' box");
        MoovTree.Node tree = MoovTree.parse("moov", body, moov.offset());
        relocate(tree, boxes, order, moov);
        ByteBuffer moovBytes = ByteBuffer.allocate((int) tree.size());
        tree.write(moovBytes);
        return moovBytes.flip();
    }

    /** Sets every chunk offset to where its bytes land in {@code order}, promoting tables to co64 as needed. */
    static void relocate(MoovTree.Node tree, List<TopBox> source, List<TopBox> order, TopBox moov)
            throws MediaFormatException {
        List<MoovTree.Node> tables = MoovTree.chunkTables(tree);
        long moovSize = -1;
        for (int round = 0; moovSize != tree.size(); round++) {
            if (round > 8) {
                throw new IllegalStateException("moov size did not settle");
            }
            moovSize = tree.size();
            List<Long> newOffsets = new ArrayList<>();
            long at = 0;
            for (TopBox box : order) {
                newOffsets.add(at);
                at += box == moov ? moovSize : box.size();
            }
            for (MoovTree.Node table : tables) {
                long[] moved = new long[table.originalOffsets.length];
                for (int i = 0; i < moved.length; i++) {
                    long o = table.originalOffsets[i];
                    int in = containing(order, o, moov);
                    if (in < 0) {
                        throw new MediaFormatException(String.format(Locale.ROOT,
                                "damaged MP4: chunk offset %,d (in a '%s') points outside the media data", o,
                                table.type));
                    }
                    moved[i] = o - order.get(in).offset() + newOffsets.get(in);
                }
                MoovTree.setOffsets(table, moved);
            }
        }
    }

    private static int containing(List<TopBox> order, long offset, TopBox moov) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) != moov && order.get(i).contains(offset)) {
                return i;
            }
        }
        return -1;
    }

    static List<TopBox> topLevel(SeekableByteChannel source) throws IOException {
        long size = source.size();
        List<TopBox> boxes = new ArrayList<>();
        long at = 0;
        while (size - at >= 8) {
            if (boxes.size() == MAX_TOP_LEVEL_BOXES) {
                throw new MediaFormatException("damaged MP4: more than " + MAX_TOP_LEVEL_BOXES + " top-level boxes");
            }
            ByteBuffer head = ChannelReads.readExactly(source, at, (int) Math.min(16, size - at), "MP4 box header");
            long boxSize = head.getInt() & 0xffff_ffffL;
            byte[] code = new byte[4];
            head.get(code);
            if (boxSize == 1 && head.remaining() >= 8) {
                boxSize = head.getLong();
            } else if (boxSize == 0) {
                boxSize = size - at;
            }
            if (boxSize < 8 || boxSize > size - at) {
                throw new MediaFormatException(String.format(Locale.ROOT,
                        "damaged MP4: top-level box at byte %,d claims %,d bytes; the file has %,d from there", at,
                        boxSize, size - at));
            }
            boxes.add(new TopBox(new String(code, StandardCharsets.ISO_8859_1), at, boxSize));
            at += boxSize;
        }
        return boxes;
    }

    private static int headerSize(SeekableByteChannel source, TopBox box) throws IOException {
        return (ChannelReads.readExactly(source, box.offset(), 4, "box size").getInt() == 1) ? 16 : 8;
    }

    static int indexOf(List<TopBox> boxes, String type) {
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    private static long copy(SeekableByteChannel source, FaststartView.SourceRange range, WritableByteChannel out,
                             ByteBuffer buffer) throws IOException {
        long position = range.sourceOffset();
        long end = position + range.length();
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = ChannelReads.readInto(source, position, buffer);
            if (read <= 0) {
                throw new MediaFormatException(String.format(Locale.ROOT,
                        "truncated MP4: the file ended at byte %,d", position));
            }
            buffer.flip();
            writeFully(out, buffer);
            position += read;
        }
        return range.length();
    }

    private static long writeFully(WritableByteChannel out, ByteBuffer bytes) throws IOException {
        long n = bytes.remaining();
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        return n;
    }
}
