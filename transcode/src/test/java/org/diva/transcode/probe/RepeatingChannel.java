package org.diva.transcode.probe;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel of any size whose content is a pattern repeated end to end, counting the bytes read: a
 * 10 GB file without the disk, to show that a probe reads a bounded amount.
 */
public final class RepeatingChannel implements SeekableByteChannel {
    private final byte[] pattern;
    private final long size;
    private long position;
    private long bytesRead;

    public RepeatingChannel(byte[] pattern, long size) {
        this.pattern = pattern.clone();
        this.size = size;
    }

    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(ByteBuffer dst) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), size - position);
        for (int i = 0; i < n; i++) {
            dst.put(pattern[(int) ((position + i) % pattern.length)]);
        }
        position += n;
        bytesRead += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
