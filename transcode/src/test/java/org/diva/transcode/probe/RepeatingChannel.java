package org.diva.transcode.probe;

import java.nio.ByteBuffer;

/**
 * A read-only channel of any size whose content is a pattern repeated end to end: a 10 GB file without the disk,
 * to show (through {@link #bytesRead()}) that a probe reads a bounded amount.
 */
public final class RepeatingChannel extends InMemoryChannel {
    private final byte[] pattern;

    public RepeatingChannel(byte[] pattern, long size) {
        super(size);
        this.pattern = pattern.clone();
    }

    @Override
    protected void copy(long from, int length, ByteBuffer dst) {
        for (int i = 0; i < length; i++) {
            dst.put(pattern[(int) ((from + i) % pattern.length)]);
        }
    }
}
