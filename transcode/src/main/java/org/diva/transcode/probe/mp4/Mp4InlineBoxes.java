package org.diva.transcode.probe.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Child boxes inside a payload already in memory: the configuration boxes of a sample entry ('avcC', 'esds', 'wave'),
 * the 'data' of a metadata item. They hold codec details, not structure, so a damaged header ends the list quietly
 * and the caller keeps what it found before it.
 */
final class Mp4InlineBoxes {
    private static final int MAX_CHILDREN = 256;

    /** One child: its type and its body (without the header) as an independent big-endian slice. */
    record Inline(String type, ByteBuffer body) {
        Inline {
            body = body.asReadOnlyBuffer();
        }

        /** A fresh view of the body, positioned at its start. */
        @Override
        public ByteBuffer body() {
            return body.duplicate();
        }
    }

    private Mp4InlineBoxes() {
    }

    /** The boxes in {@code region} from its position to its limit. */
    static List<Inline> children(ByteBuffer region) {
        ByteBuffer b = region.duplicate();
        List<Inline> children = new ArrayList<>();
        while (b.remaining() >= 8 && children.size() < MAX_CHILDREN) {
            int start = b.position();
            long size = Mp4Fields.u32(b);
            String type = Mp4Fields.fourcc(b);
            int header = 8;
            if (size == 1) {
                if (b.remaining() < 8) {
                    break;
                }
                size = b.getLong();
                header = 16;
            } else if (size == 0) {
                size = b.limit() - start;
            }
            if (size < header || size > b.limit() - start) {
                break;
            }
            children.add(new Inline(type, b.duplicate().position(start + header).limit(start + (int) size).slice()));
            b.position(start + (int) size);
        }
        return children;
    }

    /** The body of the first child of this type. */
    static Optional<ByteBuffer> find(List<Inline> children, String type) {
        return children.stream().filter(c -> c.type().equals(type)).findFirst().map(Inline::body);
    }

    /** Copies the remaining bytes of a buffer. */
    static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
