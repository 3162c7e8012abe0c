package org.diva.transcode.probe.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Finds an MP4's movie box and maps its structure, reading box headers only.
 *
 * <p>The top level is walked by seeking from header to header, so an mdat of any size (a 64-bit largesize, or size 0
 * for "to the end of the file") costs one 8- or 16-byte read whether the moov comes before or after it. Inside the
 * moov only the container boxes the probe needs are opened; leaves such as stsz and stco are never read. Every header
 * is checked against its parent and the file before it is trusted, and depth, box count and moov size are capped, so
 * a damaged or hostile file ends in a {@link MediaFormatException} that says which box is wrong and where.
 */
final class Mp4BoxWalker {
    static final int MAX_DEPTH = 12;
    static final int MAX_BOXES = 20_000;
    static final int MAX_TOP_LEVEL_BOXES = 10_000;
    static final long MAX_MOOV_SIZE = 64L << 20;

    /** Boxes a file may start with; anything else at byte 0 is not ISO BMFF / QuickTime. */
    private static final Set<String> FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot",
            "uuid", "styp", "sidx", "junk", "pdin");
    /** The containers whose children the probe looks at; everything else stays an unopened leaf. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "meta",
            "ilst", "mvex", "tref");

    /**
     * What the top level holds up to the movie box.
     *
     * @param ftyp the file type box, absent in classic QuickTime files
     * @param moov the movie box with its containers opened
     * @param next the top-level box right after the moov (a segment index, in fragmented files), if readable
     */
    record Movie(Optional<Mp4Box> ftyp, Mp4Box moov, Optional<Mp4Box> next) {
    }

    private final Mp4Source source;
    private int boxes;

    Mp4BoxWalker(Mp4Source source) {
        this.source = source;
    }

    Movie findMovie() throws IOException {
        long size = source.size();
        if (size < 8) {
            throw new MediaFormatException(size == 0 ? "empty file: 0 bytes, not an MP4/QuickTime file"
                    : Mp4Fields.format("not an MP4/QuickTime file: only %,d bytes long", size));
        }
        Optional<Mp4Box> ftyp = Optional.empty();
        Mp4Box previous = null;
        long position = 0;
        for (int count = 0; size - position >= 8; count++) {
            if (count == MAX_TOP_LEVEL_BOXES) {
                throw new Mp4Source.LimitExceeded(Mp4Fields.format(
                        "not a playable MP4: no 'moov' box among the first %,d top-level boxes", count));
            }
            ByteBuffer head = source.readExactly(position, 8, "box header");
            checkTopLevelType(head, position, previous);
            Mp4Box box = header(head, position, size, 0, null);
            if (box.type().equals("ftyp") && ftyp.isEmpty()) {
                ftyp = Optional.of(box);
            } else if (box.type().equals("moov")) {
                if (box.size() > MAX_MOOV_SIZE) {
                    throw new Mp4Source.LimitExceeded(Mp4Fields.format(
                            "MP4 movie header too big: %s claims %,d bytes; DiVA reads at most %,d",
                            box.describe(), box.size(), MAX_MOOV_SIZE));
                }
                return new Movie(ftyp, open(box), peek(box.end()));
            }
            previous = box;
            position = box.end();
        }
        if (previous != null && previous.type().equals("mdat")) {
            throw new MediaFormatException(Mp4Fields.format(
                    "unfinished MP4: no 'moov' box (the movie header) after the %s, which runs to the end of the "
                            + "file; the recording or download was probably cut short", previous.describe()));
        }
        throw new MediaFormatException("not a playable MP4: no 'moov' box (the movie header) in the file");
    }

    private static void checkTopLevelType(ByteBuffer head, long position, Mp4Box previous)
            throws MediaFormatException {
        String type = Mp4Fields.fourcc(head.position(4));
        head.rewind();
        if (previous == null && !FIRST_BOXES.contains(type)) {
            throw new MediaFormatException("not an MP4/QuickTime file: it starts with bytes " + hex(head));
        }
        if (!Mp4Fields.isPrintable(type)) {
            throw new MediaFormatException(Mp4Fields.format(
                    "damaged MP4: no box header at byte %,d after the %s (found bytes %s)",
                    position, previous.describe(), hex(head)));
        }
    }

    /** The top-level box after the moov, when its header is sound; fragmented files put their 'sidx' there. */
    private Optional<Mp4Box> peek(long position) throws IOException {
        if (source.size() - position < 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(header(position, source.size(), 0, null));
        } catch (Mp4Source.LimitExceeded e) {
            throw e;
        } catch (MediaFormatException damagedAfterMovie) {
            return Optional.empty(); // what follows the moov is media data; the probe has what it needs
        }
    }

    private Mp4Box open(Mp4Box box) throws IOException {
        if (!CONTAINERS.contains(box.type())) {
            return box;
        }
        if (!box.type().equals("udta") && !box.type().equals("meta")) {
            return withChildren(box);
        }
        try {
            return withChildren(box);
        } catch (Mp4Source.LimitExceeded e) {
            throw e;
        } catch (MediaFormatException damagedMetadata) {
            return box; // tags are a nicety: damage there costs the title, not the file
        }
    }

    private Mp4Box withChildren(Mp4Box box) throws IOException {
        long position = box.bodyOffset() + (box.type().equals("meta") && isFullBoxMeta(box) ? 4 : 0);
        List<Mp4Box> children = new ArrayList<>();
        while (box.end() - position >= 8) { // QuickTime may end a list with a 4-byte zero terminator
            if (++boxes > MAX_BOXES) {
                throw new Mp4Source.LimitExceeded(Mp4Fields.format(
                        "damaged MP4: more than %,d boxes in the movie header (at %s)", MAX_BOXES, box.describe()));
            }
            Mp4Box child = open(header(position, box.end(), box.depth() + 1, box));
            children.add(child);
            position = child.end();
        }
        return box.withChildren(children);
    }

    /** ISO 'meta' is a full box (version and flags first); QuickTime's starts straight with its 'hdlr'. */
    private boolean isFullBoxMeta(Mp4Box meta) throws IOException {
        if (meta.bodySize() < 8) {
            return true;
        }
        ByteBuffer head = source.readExactly(meta.bodyOffset(), 8, "'meta' box");
        return !Mp4Fields.fourcc(head.position(4)).equals("hdlr");
    }

    /**
     * Reads and checks the header of the box at {@code position}.
     *
     * @param end    where the enclosing box (or the file) ends
     * @param parent the enclosing box, null at the top level
     */
    private Mp4Box header(long position, long end, int depth, Mp4Box parent) throws IOException {
        return header(source.readExactly(position, 8, "box header"), position, end, depth, parent);
    }

    private Mp4Box header(ByteBuffer head, long position, long end, int depth, Mp4Box parent) throws IOException {
        long size = Mp4Fields.u32(head);
        String type = Mp4Fields.fourcc(head);
        if (depth > MAX_DEPTH) {
            throw new Mp4Source.LimitExceeded(Mp4Fields.format(
                    "damaged MP4: boxes nested deeper than %d levels (%s box at byte %,d inside the %s)",
                    MAX_DEPTH, Mp4Fields.quote(type), position, parent.describe()));
        }
        int headerSize = 8;
        if (size == 1) {
            headerSize = 16;
            size = end - position < 16 ? 0 : source.readExactly(position + 8, 8, "box size").getLong();
            if (size < 16) {
                throw new MediaFormatException(Mp4Fields.format(
                        "damaged MP4: %s box at byte %,d has an invalid 64-bit size", Mp4Fields.quote(type), position));
            }
        } else if (size == 0) {
            size = end - position; // "extends to the end of the file" (or, leniently, of its parent)
        } else if (size < 8) {
            throw new MediaFormatException(Mp4Fields.format(
                    "damaged MP4: %s box at byte %,d claims %,d bytes, less than a box header",
                    Mp4Fields.quote(type), position, size));
        }
        Mp4Box box = new Mp4Box(type, position, headerSize, size, depth, List.of());
        if (size > end - position) {
            throw new MediaFormatException(parent == null
                    ? Mp4Fields.format("truncated MP4: %s claims %,d bytes but the file ends at byte %,d",
                            box.describe(), size, end)
                    : Mp4Fields.format("damaged MP4: %s claims %,d bytes but its parent %s ends at byte %,d",
                            box.describe(), size, parent.describe(), end));
        }
        return box;
    }

    private static String hex(ByteBuffer bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.limit(); i++) {
            out.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", bytes.get(i) & 0xff));
        }
        return out.toString();
    }
}
