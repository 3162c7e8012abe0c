package org.diva.transcode.codec;

import java.io.ByteArrayOutputStream;

/** Writes header fields most significant bit first, so tests state headers field by field as the specs do. */
final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    Bits put(int count, long value) {
        for (int i = count - 1; i >= 0; i--) {
            current = (current << 1) | (int) ((value >> i) & 1);
            if (++used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }
        return this;
    }

    Bits bytes(int... values) {
        for (int v : values) {
            put(8, v);
        }
        return this;
    }

    /** The bytes written, the last one padded with zero bits. */
    byte[] toBytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        if (used > 0) {
            copy.write(current << (8 - used));
        }
        return copy.toByteArray();
    }

    /** {@code frame} repeated {@code times}, to give sync-word parsers the following frame they confirm with. */
    static byte[] repeat(byte[] frame, int times) {
        byte[] all = new byte[frame.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(frame, 0, all, i * frame.length, frame.length);
        }
        return all;
    }

    /** {@code header} followed by zero bytes up to {@code length}. */
    static byte[] padTo(byte[] header, int length) {
        byte[] frame = new byte[length];
        System.arraycopy(header, 0, frame, 0, Math.min(header.length, length));
        return frame;
    }
}
