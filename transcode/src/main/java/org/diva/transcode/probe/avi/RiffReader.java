package org.diva.transcode.probe.avi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.diva.transcode.probe.HeaderSource;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Reads RIFF (Microsoft's Resource Interchange File Format, as AVI and WAV use it): chunks of a four-character
 * code, a 32-bit little-endian size and the data, padded to an even length; RIFF and LIST chunks begin their data
 * with a four-character list type and hold further chunks. Every chunk is checked against its parent and the file,
 * so a size that runs past either is an error naming both, never a read past the end.
 */
final class RiffReader {
    /** More chunks than this in one list is damage, not a real file. */
    static final int MAX_CHILDREN = 10_000;

    private final HeaderSource source;

    RiffReader(HeaderSource source) {
        this.source = source;
    }

    /**
     * One chunk. For RIFF and LIST chunks {@code listType} is set and the data starts after it, so
     * {@code dataOffset} and {@code size} describe the children.
     */
    record Chunk(String id, String listType, long offset, long dataOffset, long size) {
        /** The offset just past the data, without the pad byte. */
        long dataEnd() {
            return dataOffset + size;
        }

        /** The offset of the next chunk: past the data and the pad byte of an odd size. */
        long next() {
            return dataEnd() + (size & 1); // a LIST's size lost the 4 bytes of its type: same parity
        }

        boolean isList(String type) {
            return (id.equals("LIST") || id.equals("RIFF")) && listType.equals(type);
        }

        String describe() {
            String name = listType.isEmpty() ? printable(id) : printable(id) + " '" + printable(listType) + "'";
            return String.format(Locale.ROOT, "%s chunk at byte %,d", name, offset);
        }
    }

    HeaderSource source() {
        return source;
    }

    /** Decodes the chunk header at {@code offset} without checking its size against anything. */
    Chunk chunk(long offset) throws IOException {
        byte[] header = source.bytes(offset, 8, "RIFF chunk header");
        String id = new String(header, 0, 4, StandardCharsets.ISO_8859_1);
        long size = (header[4] & 0xffL) | (header[5] & 0xffL) << 8 | (header[6] & 0xffL) << 16
                | (header[7] & 0xffL) << 24;
        if (!id.equals("RIFF") && !id.equals("LIST")) {
            return new Chunk(id, "", offset, offset + 8, size);
        }
        if (size < 4) {
            throw source.error(String.format(Locale.ROOT, "%s chunk of %d bytes is too small for its list type",
                    printable(id), size), offset);
        }
        String type = new String(source.bytes(offset + 8, 4, id + " list type"), StandardCharsets.ISO_8859_1);
        return new Chunk(id, type, offset, offset + 12, size - 4);
    }

    /** Decodes the chunk at {@code offset} and checks that it lies inside {@code parent}. */
    Chunk child(long offset, Chunk parent) throws IOException {
        Chunk c = chunk(offset);
        requireWithin(c, parent.dataEnd(), parent.describe());
        return c;
    }

    /**
     * Checks that {@code c} ends by {@code limit}: past the end of the file it is truncated, past its parent damaged.
     */
    void requireWithin(Chunk c, long limit, String parent) throws MediaFormatException {
        if (c.dataEnd() <= limit) {
            return;
        }
        if (c.dataEnd() > source.size()) {
            throw new MediaFormatException(String.format(Locale.ROOT, 
                    "truncated %s: %s claims %,d bytes but the file ends at byte %,d",
                    source.format(), c.describe(), c.size(), source.size()));
        }
        throw new MediaFormatException(String.format(Locale.ROOT, 
                "damaged %s: %s claims %,d bytes but its parent %s ends at byte %,d",
                source.format(), c.describe(), c.size(), parent, limit));
    }

    /** The chunks inside a RIFF or LIST chunk, in file order. */
    List<Chunk> children(Chunk parent) throws IOException {
        List<Chunk> children = new ArrayList<>();
        long position = parent.dataOffset();
        // A trailing pad byte or a few bytes too few for a header are slack, not a chunk.
        while (position + 8 <= parent.dataEnd()) {
            if (children.size() == MAX_CHILDREN) {
                throw source.error(parent.describe() + " has more than " + MAX_CHILDREN + " chunks", position);
            }
            Chunk c = child(position, parent);
            children.add(c);
            position = c.next();
        }
        return children;
    }

    /** The first {@code max} bytes of a chunk's data (all of it if smaller). */
    byte[] data(Chunk c, int max) throws IOException {
        return source.bytes(c.dataOffset(), (int) Math.min(c.size(), max), c.describe());
    }

    static String printable(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (char ch : code.toCharArray()) {
            out.append(ch >= 0x20 && ch < 0x7f ? ch : '?');
        }
        return out.toString();
    }
}
