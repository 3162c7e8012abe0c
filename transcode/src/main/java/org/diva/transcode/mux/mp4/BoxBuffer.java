package org.diva.transcode.mux.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Big-endian bytes of ISO/IEC 14496-12 boxes being built in memory: {@link #begin} leaves room for a box's size,
 * {@link #end} fills it in once the contents are known.
 */
final class BoxBuffer {
    private byte[] bytes = new byte[256];
    private int size;

    /** Starts a box of the given four-character type; returns the mark {@link #end} needs. */
    int begin(String type) {
        int mark = size;
        u32(0);
        fourcc(type);
        return mark;
    }

    /** Starts a full box (section 4.2): version and 24 bits of flags after the type. */
    int beginFull(String type, int version, int flags) {
        int mark = begin(type);
        u32(((long) version << 24) | (flags & 0xffffff));
        return mark;
    }

    void end(int mark) {
        int length = size - mark;
        bytes[mark] = (byte) (length >>> 24);
        bytes[mark + 1] = (byte) (length >>> 16);
        bytes[mark + 2] = (byte) (length >>> 8);
        bytes[mark + 3] = (byte) length;
    }

    /** Overwrites 32 bits written earlier (an entry count known only after the entries). */
    void patch32(int at, long v) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (v >>> (24 - 8 * i));
        }
    }

    void u8(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
    }

    void u16(int v) {
        u8(v >>> 8);
        u8(v);
    }

    void u24(int v) {
        u8(v >>> 16);
        u16(v);
    }

    void u32(long v) {
        u16((int) (v >>> 16));
        u16((int) v);
    }

    void u64(long v) {
        u32(v >>> 32);
        u32(v);
    }

    void zeros(int count) {
        ensure(count);
        size += count; // the array is zero beyond size: it only ever grows
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    void fourcc(String type) {
        byte[] b = type.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != 4) {
            throw new IllegalArgumentException("box type must be four characters: '" + type + "'");
        }
        bytes(b);
    }

    int size() {
        return size;
    }

    ByteBuffer toBuffer() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(Math.addExact(size, more), bytes.length * 2));
        }
    }
}
