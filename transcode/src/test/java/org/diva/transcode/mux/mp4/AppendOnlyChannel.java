package org.diva.transcode.mux.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * A channel that only grows: it offers the seekable interface so that a writer which tried to reposition or read
 * back (patching a box size) would be caught, and refuses all of it.
 */
final class AppendOnlyChannel implements SeekableByteChannel {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean open = true;
    int writes;

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        byte[] b = new byte[n];
        src.get(b);
        bytes.write(b, 0, n);
        writes++;
        return n;
    }

    @Override
    public int read(ByteBuffer dst) {
        throw new UnsupportedOperationException("append-only: no reading back");
    }

    @Override
    public long position() {
        return bytes.size();
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        throw new UnsupportedOperationException("append-only: no seeking to " + newPosition);
    }

    @Override
    public long size() {
        return bytes.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new UnsupportedOperationException("append-only: no truncating");
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
