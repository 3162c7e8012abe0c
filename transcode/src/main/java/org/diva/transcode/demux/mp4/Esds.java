package org.diva.transcode.demux.mp4;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The two facts the demuxer needs from an 'esds' box (ISO/IEC 14496-1 section 7.2.6): the DecoderConfigDescriptor's
 * objectTypeIndication and the DecoderSpecificInfo bytes (for AAC, the AudioSpecificConfig). Descriptors nest as
 * tag, expandable size (7 bits a byte), body: ES_Descriptor (3) holds DecoderConfig (4) holds DecSpecificInfo (5).
 */
record Esds(int objectType, byte[] decoderSpecificInfo) {

    static Optional<Esds> parse(ByteBuffer box) {
        ByteBuffer b = box.duplicate();
        if (b.remaining() < 4) {
            return Optional.empty();
        }
        b.position(b.position() + 4); // version and flags
        try {
            if (!enter(b, 3)) {
                return Optional.empty();
            }
            b.position(b.position() + 2); // ES_ID
            int flags = b.get() & 0xff;
            if ((flags & 0x80) != 0) {
                b.position(b.position() + 2); // dependsOn_ES_ID
            }
            if ((flags & 0x40) != 0) {
                b.position(b.position() + (b.get() & 0xff)); // URL
            }
            if ((flags & 0x20) != 0) {
                b.position(b.position() + 2); // OCR_ES_ID
            }
            int end = enterSized(b, 4);
            if (end < 0) {
                return Optional.empty();
            }
            int objectType = b.get() & 0xff;
            b.position(b.position() + 12); // stream type, buffer size, max and average bitrate
            byte[] info = new byte[0];
            if (b.position() < end) {
                int infoEnd = enterSized(b, 5);
                if (infoEnd > 0) {
                    info = new byte[infoEnd - b.position()];
                    b.get(info);
                }
            }
            return Optional.of(new Esds(objectType, info));
        } catch (RuntimeException truncated) { // BufferUnderflow or a position past the limit
            return Optional.empty();
        }
    }

    private static boolean enter(ByteBuffer b, int tag) {
        return enterSized(b, tag) >= 0;
    }

    /** Reads a descriptor header of {@code tag}; returns where its body ends, or -1 for another tag or a bad size. */
    private static int enterSized(ByteBuffer b, int tag) {
        if ((b.get() & 0xff) != tag) {
            return -1;
        }
        int size = 0;
        for (int i = 0; i < 4; i++) {
            int v = b.get() & 0xff;
            size = size << 7 | v & 0x7f;
            if ((v & 0x80) == 0) {
                break;
            }
        }
        return size > b.remaining() ? -1 : b.position() + size;
    }
}
