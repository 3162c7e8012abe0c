package org.diva.transcode.demux.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.diva.transcode.probe.MediaFormatException;

/**
 * An ISO BMFF box (ISO/IEC 14496-12 section 4.2) held in memory: the movie header and each movie fragment header
 * are read whole (bounded by the caller) and walked here, so sample tables are parsed from memory, not byte by byte
 * from the channel.
 *
 * @param type   four-character code
 * @param offset where the box header starts in the file, for messages and for fragment data offsets
 * @param header 8, or 16 with a 64-bit size
 * @param body   the box's payload after its header, positioned at 0
 */
record Box(String type, long offset, int header, ByteBuffer body) {
    /** Containers whose children the demuxer needs. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts", "mvex",
            "moof", "traf", "dinf", "tref");

    Box {
        body = body.slice();
    }

    ByteBuffer data() {
        return body.duplicate();
    }

    String describe() {
        return String.format(Locale.ROOT, "'%s' box at byte %,d", type, offset);
    }

    /** The children of a container box (empty for leaves and for containers this demuxer does not open). */
    List<Box> children() throws MediaFormatException {
        return CONTAINERS.contains(type) ? parse(data(), offset + header, this) : List.of();
    }

    Optional<Box> child(String childType) throws MediaFormatException {
        for (Box b : children()) {
            if (b.type.equals(childType)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    List<Box> all(String childType) throws MediaFormatException {
        return children().stream().filter(b -> b.type.equals(childType)).toList();
    }

    /** Follows a path of first children; empty when any step is missing. */
    Optional<Box> path(String... types) throws MediaFormatException {
        Box box = this;
        for (String t : types) {
            Optional<Box> next = box.child(t);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            box = next.get();
        }
        return Optional.of(box);
    }

    /** The required child, or an error naming what is missing. */
    Box need(String... types) throws MediaFormatException {
        return path(types).orElseThrow(() -> new MediaFormatException(
                "damaged MP4: no '" + String.join("/", types) + "' inside the " + describe()));
    }

    /** Parses consecutive boxes from {@code bytes}, whose first byte is at file offset {@code fileOffset}. */
    static List<Box> parse(ByteBuffer bytes, long fileOffset, Box parent) throws MediaFormatException {
        List<Box> boxes = new ArrayList<>();
        int start = bytes.position();
        while (bytes.remaining() >= 8) {
            int at = bytes.position();
            long size = bytes.getInt() & 0xffff_ffffL;
            byte[] code = new byte[4];
            bytes.get(code);
            String type = new String(code, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (bytes.remaining() < 8) {
                    throw damaged(type, fileOffset + at - start, "a cut 64-bit size", parent);
                }
                size = bytes.getLong();
                header = 16;
            } else if (size == 0) {
                size = bytes.limit() - at;
            }
            if (size < header || size > bytes.limit() - at) {
                throw damaged(type, fileOffset + at - start, "a size of " + size + " bytes", parent);
            }
            ByteBuffer body = bytes.duplicate().position(at + header).limit(at + (int) size);
            boxes.add(new Box(type, fileOffset + at - start, header, body));
            bytes.position(at + (int) size);
        }
        return boxes;
    }

    private static MediaFormatException damaged(String type, long at, String what, Box parent) {
        return new MediaFormatException(String.format(Locale.ROOT, "damaged MP4: '%s' box at byte %,d has %s%s",
                type, at, what, parent == null ? "" : ", which does not fit in its " + parent.describe()));
    }
}
