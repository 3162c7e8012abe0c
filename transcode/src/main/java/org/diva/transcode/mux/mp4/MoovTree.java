package org.diva.transcode.mux.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.diva.transcode.probe.MediaFormatException;

/**
 * A movie box as an editable tree: the containers on the way to the chunk offset tables (moov, trak, mdia, minf,
 * stbl) are opened, every other box is kept as its bytes. Sizes are recomputed when the tree is written, so a
 * table that grows (stco promoted to co64) resizes its ancestors.
 */
final class MoovTree {
    private static final List<String> OPENED = List.of("moov", "trak", "mdia", "minf", "stbl");

    /** A box: a container with children, or a leaf with its payload (after the 8-byte header). */
    static final class Node {
        String type;
        byte[] payload;
        final List<Node> children = new ArrayList<>();
        /** For stco/co64: the chunk offsets as the source file had them. */
        long[] originalOffsets;

        Node(String type) {
            this.type = type;
        }

        boolean isContainer() {
            return payload == null;
        }

        long size() {
            long size = 8;
            if (isContainer()) {
                for (Node c : children) {
                    size += c.size();
                }
            } else {
                size += payload.length;
            }
            return size;
        }

        void write(ByteBuffer out) {
            out.putInt((int) size());
            out.put(type.getBytes(StandardCharsets.ISO_8859_1));
            if (isContainer()) {
                children.forEach(c -> c.write(out));
            } else {
                out.put(payload);
            }
        }
    }

    private MoovTree() {
    }

    /** Parses a movie box's body ({@code body}, from the byte after its header; {@code at} is its file offset). */
    static Node parse(String type, ByteBuffer body, long at) throws MediaFormatException {
        Node node = new Node(type);
        if (!OPENED.contains(type)) {
            node.payload = new byte[body.remaining()];
            body.duplicate().get(node.payload);
            if (type.equals("stco") || type.equals("co64")) {
                node.originalOffsets = offsets(node, at);
            }
            return node;
        }
        ByteBuffer b = body.duplicate();
        while (b.remaining() >= 8) {
            int start = b.position();
            long size = b.getInt() & 0xffff_ffffL;
            byte[] code = new byte[4];
            b.get(code);
            int header = 8;
            if (size == 1 && b.remaining() >= 8) {
                size = b.getLong();
                header = 16;
            } else if (size == 0) {
                size = b.limit() - start;
            }
            if (size < header || size > b.limit() - start) {
                throw new MediaFormatException(String.format(Locale.ROOT,
                        "damaged MP4: a box inside the '%s' at byte %,d claims %,d bytes", type, at, size));
            }
            ByteBuffer child = b.duplicate().position(start + header).limit(start + (int) size).slice();
            node.children.add(parse(new String(code, StandardCharsets.ISO_8859_1), child, at + start));
            b.position(start + (int) size);
        }
        return node;
    }

    private static long[] offsets(Node table, long at) throws MediaFormatException {
        ByteBuffer b = ByteBuffer.wrap(table.payload);
        boolean wide = table.type.equals("co64");
        long count = b.remaining() >= 8 ? b.getInt(4) & 0xffff_ffffL : -1;
        if (count < 0 || count > (b.remaining() - 8) / (wide ? 8 : 4)) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "damaged MP4: the '%s' at byte %,d declares more chunk offsets than it holds", table.type, at));
        }
        long[] offsets = new long[(int) count];
        for (int i = 0; i < count; i++) {
            offsets[i] = wide ? b.getLong(8 + 8 * i) : b.getInt(8 + 4 * i) & 0xffff_ffffL;
        }
        return offsets;
    }

    /** Every stco/co64 in the tree. */
    static List<Node> chunkTables(Node node) {
        List<Node> tables = new ArrayList<>();
        collect(node, tables);
        return tables;
    }

    private static void collect(Node node, List<Node> tables) {
        if (node.originalOffsets != null) {
            tables.add(node);
        }
        node.children.forEach(c -> collect(c, tables));
    }

    /** Rewrites a table with new offsets, as co64 when one does not fit 32 bits (or it was co64 already). */
    static void setOffsets(Node table, long[] offsets) {
        boolean wide = table.type.equals("co64");
        for (long o : offsets) {
            wide |= o > 0xffff_ffffL;
        }
        ByteBuffer b = ByteBuffer.allocate(8 + offsets.length * (wide ? 8 : 4));
        b.putInt(ByteBuffer.wrap(table.payload).getInt(0) & 0xff000000); // version 0, flags kept 0
        b.putInt(offsets.length);
        for (long o : offsets) {
            if (wide) {
                b.putLong(o);
            } else {
                b.putInt((int) o);
            }
        }
        table.type = wide ? "co64" : "stco";
        table.payload = b.array();
    }
}
