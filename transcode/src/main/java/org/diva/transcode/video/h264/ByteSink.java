package org.diva.transcode.video.h264;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte array that collects the NAL units of one access unit before they are handed out. */
final class ByteSink {
    private byte[] data = new byte[1 << 16];
    private int size;

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }

    /** Appends one byte; the caller has called {@link #ensure} for it. */
    void put(int b) {
        data[size++] = (byte) b;
    }

    /** A copy of the collected bytes that the caller owns. */
    ByteBuffer toBuffer() {
        return ByteBuffer.wrap(Arrays.copyOf(data, size));
    }
}
