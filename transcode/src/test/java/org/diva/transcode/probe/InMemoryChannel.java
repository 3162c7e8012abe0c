package org.diva.transcode.probe;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel whose bytes are made in memory, counting the bytes read; subclasses say which byte stands
 * where.
 */
public abstract class InMemoryChannel implements SeekableByteChannel {
    private final long size;
    private long position;
    private long bytesRead;
    private boolean open = true;

    protected InMemoryChannel(long size) {
        this.size = size;
    }

    /** Puts the {@code length} bytes that start at {@code from} into {@code dst}. */
    protected abstract void copy(long from, int length, ByteBuffer dst);

    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(ByteBuffer dst) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), size - position);
        copy(position, n, dst);
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
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
