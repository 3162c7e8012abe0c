package org.diva.transcode.thumbnail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input over a seekable channel, read through one 64 KB window. ImageIO's own wrappers for a stream
 * cache everything read so far (in memory or a temp file) to be able to seek back; a channel can seek itself, so a
 * 30 MB photo costs 64 KB here.
 */
final class ChannelImageInput extends ImageInputStreamImpl {
    private static final int WINDOW = 64 * 1024;

    private final SeekableByteChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart;

    ChannelImageInput(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        window.limit(0);
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        bitOffset = 0;
        return window.get((int) (streamPos++ - windowStart)) & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        bitOffset = 0;
        int at = (int) (streamPos - windowStart);
        int n = Math.min(len, window.limit() - at);
        window.get(at, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return size;
    }

    /** Makes the window hold the byte at streamPos; false at the end of the channel. */
    private boolean fill() throws IOException {
        if (streamPos >= windowStart && streamPos < windowStart + window.limit()) {
            return true;
        }
        if (streamPos >= size) {
            return false;
        }
        window.clear();
        channel.position(streamPos);
        while (window.hasRemaining() && channel.read(window) > 0) {
            // until the window is full or the channel ends
        }
        window.flip();
        windowStart = streamPos;
        return window.hasRemaining();
    }
}
