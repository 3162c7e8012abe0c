package org.diva.transcode.probe.mp4;

import java.util.List;
import java.util.Optional;

/**
 * One ISO BMFF box (ISO/IEC 14496-12 section 4.2) as found in the file: where it is, how big, and, for the container
 * boxes the probe descends into, its children. It never holds the payload; parsers read that on demand.
 *
 * @param type       the four-character code, one char per byte (ISO-8859-1, so '©nam' reads as written)
 * @param offset     the byte where the box header starts
 * @param headerSize 8, or 16 when the size is a 64-bit largesize
 * @param size       the whole box, header included (already resolved when the file wrote 0 = "to the end")
 * @param depth      0 for top-level boxes
 * @param children   the child boxes, for containers the walker opened; empty otherwise
 */
record Mp4Box(String type, long offset, int headerSize, long size, int depth, List<Mp4Box> children) {

    Mp4Box {
        children = List.copyOf(children);
    }

    long end() {
        return offset + size;
    }

    long bodyOffset() {
        return offset + headerSize;
    }

    long bodySize() {
        return size - headerSize;
    }

    Mp4Box withChildren(List<Mp4Box> newChildren) {
        return new Mp4Box(type, offset, headerSize, size, depth, newChildren);
    }

    /** The first child of this type. */
    Optional<Mp4Box> child(String childType) {
        return children.stream().filter(c -> c.type.equals(childType)).findFirst();
    }

    /** All children of this type, in file order. */
    List<Mp4Box> all(String childType) {
        return children.stream().filter(c -> c.type.equals(childType)).toList();
    }

    /** Follows a path of first children ("mdia", "minf", "stbl"). */
    Optional<Mp4Box> path(String... types) {
        Optional<Mp4Box> box = Optional.of(this);
        for (String t : types) {
            box = box.flatMap(b -> b.child(t));
        }
        return box;
    }

    /** How error messages name a box: "'moov' box at byte 1,024". */
    String describe() {
        return Mp4Fields.format("%s box at byte %,d", Mp4Fields.quote(type), offset);
    }

    @Override
    public String toString() {
        return describe() + " (" + size + " bytes)";
    }
}
