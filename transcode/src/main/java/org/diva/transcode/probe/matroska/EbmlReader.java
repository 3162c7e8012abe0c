package org.diva.transcode.probe.matroska;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.diva.transcode.probe.HeaderSource;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Reads EBML (IETF RFC 8794), the binary markup Matroska and WebM are written in: element headers, the children of
 * a master element, and unsigned, float, string and binary values.
 *
 * <p>An element is an ID (a variable-length integer of 1 to 4 bytes whose leading zero bits give its length, kept
 * with its marker bit as the specifications write IDs), a size (a variable-length integer of 1 to 8 bytes with
 * the marker bit removed; all value bits set means "unknown size", which live streams use for Segment and Cluster)
 * and the data. Every header is checked against its parent: a child that claims to run past its parent or past
 * the end of the file is a format error naming both, never a read past the end or a huge allocation. Values are
 * read only up to small caps, so a claimed size, however absurd (up to 2^56 bytes), costs nothing until read.
 */
public final class EbmlReader {
    /** Value of {@link Element#size()} for an element of unknown size. */
    public static final long UNKNOWN_SIZE = -1;
    /** More children than this in one master element is damage, not a real file. */
    static final int MAX_CHILDREN = 10_000;
    /** Strings longer than this (titles, names, codec IDs) are cut; no real header string comes near it. */
    static final int MAX_STRING_BYTES = 4096;

    private final HeaderSource source;

    public EbmlReader(HeaderSource source) {
        this.source = source;
    }

    /** An element header: where it starts, where its data starts, and its data size (or {@link #UNKNOWN_SIZE}). */
    public record Element(int id, long offset, long dataOffset, long size) {
        public boolean sizeUnknown() {
            return size == UNKNOWN_SIZE;
        }

        /** The offset just past the data; only meaningful for a known size. */
        public long end() {
            return dataOffset + size;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s element at byte %,d", MatroskaIds.name(id), offset);
        }
    }

    public HeaderSource source() {
        return source;
    }

    /** Decodes the element header at {@code offset} without checking its size against anything. */
    public Element header(long offset) throws IOException {
        int first = source.byteAt(offset, "EBML element ID");
        int idLength = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || idLength > 4) {
            throw source.error(String.format(Locale.ROOT, "invalid EBML element ID starting with byte 0x%02X", first),
                    offset);
        }
        int id = first;
        for (int i = 1; i < idLength; i++) {
            id = (id << 8) | source.byteAt(offset + i, "EBML element ID");
        }
        long sizeOffset = offset + idLength;
        int sizeFirst = source.byteAt(sizeOffset, "EBML element size");
        if (sizeFirst == 0) {
            throw source.error(String.format(Locale.ROOT,
                    "invalid EBML size of %s (a size cannot be longer than 8 bytes)",
                    MatroskaIds.name(id)), sizeOffset);
        }
        int sizeLength = Integer.numberOfLeadingZeros(sizeFirst) - 23;
        long size = sizeFirst & (0xff >> sizeLength);
        boolean allOnes = size == (0xff >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            int b = source.byteAt(sizeOffset + i, "EBML element size");
            allOnes &= b == 0xff;
            size = (size << 8) | b;
        }
        return new Element(id, offset, sizeOffset + sizeLength, allOnes ? UNKNOWN_SIZE : size);
    }

    /** Decodes the header at {@code offset} and checks that the element lies inside {@code parent}. */
    public Element child(long offset, Element parent) throws IOException {
        Element e = header(offset);
        if (e.sizeUnknown()) {
            throw source.error(e.describe() + " inside " + parent.describe() + " has an unknown size, which only "
                    + "Segment and Cluster may have", offset);
        }
        requireWithin(e, parent.end(), parent.describe());
        return e;
    }

    /**
     * Checks that {@code e} ends by {@code limit}: past the end of the file it is truncated, past its parent
     * damaged.
     */
    public void requireWithin(Element e, long limit, String parent) throws MediaFormatException {
        if (e.end() <= limit) {
            return;
        }
        if (e.end() > source.size()) {
            throw new MediaFormatException(String.format(Locale.ROOT, 
                    "truncated %s: %s claims %,d bytes but the file ends at byte %,d",
                    source.format(), e.describe(), e.size(), source.size()));
        }
        throw new MediaFormatException(String.format(Locale.ROOT, 
                "damaged %s: %s claims %,d bytes but its parent %s ends at byte %,d",
                source.format(), e.describe(), e.size(), parent, limit));
    }

    /** The children of a master element of known size, in file order. */
    public List<Element> children(Element parent) throws IOException {
        List<Element> children = new ArrayList<>();
        long position = parent.dataOffset();
        while (position < parent.end()) {
            if (children.size() == MAX_CHILDREN) {
                throw source.error(parent.describe() + " has more than " + MAX_CHILDREN + " children", position);
            }
            Element e = child(position, parent);
            children.add(e);
            position = e.end();
        }
        return children;
    }

    public long unsigned(Element e) throws IOException {
        if (e.size() > 8) {
            throw source.error(e.describe() + " is " + e.size() + " bytes, too long for an integer", e.offset());
        }
        long value = 0;
        for (byte b : source.bytes(e.dataOffset(), (int) e.size(), e.describe())) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    /** An unsigned value that must fit an int; larger values are damage. */
    public int unsignedInt(Element e) throws IOException {
        long value = unsigned(e);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw source.error(e.describe() + " holds " + Long.toUnsignedString(value) + ", out of range",
                    e.offset());
        }
        return (int) value;
    }

    public double floating(Element e) throws IOException {
        if (e.size() == 0) {
            return 0;
        }
        if (e.size() != 4 && e.size() != 8) {
            throw source.error(e.describe() + " is " + e.size() + " bytes; a float must be 4 or 8", e.offset());
        }
        ByteBuffer data = ByteBuffer.wrap(source.bytes(e.dataOffset(), (int) e.size(), e.describe()));
        return e.size() == 4 ? data.getFloat() : data.getDouble();
    }

    /** A UTF-8 string, cut at the first NUL (EBML pads with them) and at {@link #MAX_STRING_BYTES}. */
    public String string(Element e) throws IOException {
        byte[] data = source.bytes(e.dataOffset(), (int) Math.min(e.size(), MAX_STRING_BYTES), e.describe());
        int length = 0;
        while (length < data.length && data[length] != 0) {
            length++;
        }
        return new String(data, 0, length, StandardCharsets.UTF_8).strip();
    }

    /** The element's data, or empty when it is larger than {@code cap} bytes. */
    public Optional<byte[]> binary(Element e, int cap) throws IOException {
        if (e.size() > cap) {
            return Optional.empty();
        }
        return Optional.of(source.bytes(e.dataOffset(), (int) e.size(), e.describe()));
    }
}
