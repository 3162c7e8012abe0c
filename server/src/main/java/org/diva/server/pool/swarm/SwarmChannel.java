package org.diva.server.pool.swarm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.diva.server.pool.content.ChunkList;

/**
 * A title read from the swarm as a read-only seekable channel, so the media endpoint and the transcoder read it
 * like a file. A read blocks only until the chunk under the position is verified, then returns what that chunk has.
 */
public final class SwarmChannel implements SeekableByteChannel {
    private final Swarm swarm;
    private final ChunkList list;
    private long position;
    private int currentIndex = -1;
    private byte[] current;
    private volatile boolean open = true;

    SwarmChannel(Swarm swarm) {
        this.swarm = swarm;
        this.list = swarm.list();
    }

    /** Who has sent what to this read so far. */
    public SwarmStats stats() {
        return swarm.stats();
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (position >= list.size()) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        int index = (int) (position / ChunkList.CHUNK_SIZE);
        if (index != currentIndex) {
            current = swarm.chunk(index);
            currentIndex = index;
        }
        int from = (int) (position - list.offset(index));
        int n = Math.min(dst.remaining(), current.length - from);
        dst.put(current, from, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public synchronized long position() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        return position;
    }

    @Override
    public synchronized SeekableByteChannel position(long newPosition) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        return list.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Not synchronized: it must wake a read blocked on a chunk (which then throws ClosedChannelException). */
    @Override
    public void close() {
        if (open) {
            open = false;
            swarm.close();
        }
    }
}
