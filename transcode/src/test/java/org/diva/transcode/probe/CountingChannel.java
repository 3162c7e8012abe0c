package org.diva.transcode.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;

/** A channel that passes reads through and records where they went, so tests can bound what a probe reads. */
public final class CountingChannel implements SeekableByteChannel {
    /** One read: where it started and how many bytes it returned. */
    public record Read(long position, int length) {
        public long end() {
            return position + length;
        }
    }

    private final SeekableByteChannel delegate;
    private final List<Read> reads = new ArrayList<>();
    private long bytesRead;

    public CountingChannel(SeekableByteChannel delegate) {
        this.delegate = delegate;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public List<Read> reads() {
        return List.copyOf(reads);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        long position = delegate.position();
        int n = delegate.read(dst);
        if (n > 0) {
            bytesRead += n;
            reads.add(new Read(position, n));
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return delegate.write(src);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
