package org.diva.transcode.probe;

import java.nio.ByteBuffer;

/** A read-only channel over bytes in memory, for tests that probe thousands of variants of a file. */
public final class ByteArrayChannel extends InMemoryChannel {
    private final byte[] bytes;

    public ByteArrayChannel(byte[] bytes) {
        super(bytes.length);
        this.bytes = bytes;
    }

    @Override
    protected void copy(long from, int length, ByteBuffer dst) {
        dst.put(bytes, (int) from, length);
    }
}
