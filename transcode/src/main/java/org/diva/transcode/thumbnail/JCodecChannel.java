package org.diva.transcode.thumbnail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.util.Locale;

/**
 * Hands a read-only view of a channel to JCodec, which has its own channel type, and counts what JCodec reads: past
 * {@code budget} bytes a read fails, so a damaged index cannot make a thumbnail read a whole film. Closing it leaves
 * the channel open; it belongs to the caller.
 */
final class JCodecChannel implements org.jcodec.common.io.SeekableByteChannel {
    private final java.nio.channels.SeekableByteChannel channel;
    private final long budget;
    private final String name;
    private long bytesRead;

    JCodecChannel(java.nio.channels.SeekableByteChannel channel, long budget, String name) {
        this.channel = channel;
        this.budget = budget;
        this.name = name;
    }

    @Override
    public long position() throws IOException {
        return channel.position();
    }

    @Override
    public JCodecChannel setPosition(long newPosition) throws IOException {
        channel.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public JCodecChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (bytesRead + dst.remaining() > budget) {
            throw new ThumbnailException(ThumbnailException.Reason.TOO_BIG, String.format(Locale.ROOT,
                    "%s: a thumbnail may read at most %,d bytes of a video and this one needs more (%,d read, %,d "
                            + "more asked); its index is damaged or its frames are huge", name, budget, bytesRead,
                    dst.remaining()));
        }
        int n = channel.read(dst);
        if (n > 0) {
            bytesRead += n;
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        // the caller's channel stays open
    }
}
