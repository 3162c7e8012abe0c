package org.diva.transcode.probe.mpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.diva.transcode.probe.ChannelReads;

/**
 * A byte range of a channel read through one buffer in large chunks, for the scanners that walk MPEG packets: they
 * consume {@code buffer[cursor, length)}, and {@link #fill()} moves what is left to the front and reads on.
 */
abstract class BufferedRange {
    final long end;
    final byte[] buffer;
    /** The file position of {@code buffer[0]}. */
    long bufferPosition;
    int length;
    int cursor;
    long nextRead;
    private final SeekableByteChannel channel;

    /** Reads {@code [from, end)} through a buffer of {@code bufferSize} bytes. */
    BufferedRange(SeekableByteChannel channel, long from, long end, int bufferSize) {
        this.channel = channel;
        this.end = end;
        this.buffer = new byte[bufferSize];
        this.nextRead = from;
        this.bufferPosition = from;
    }

    /** Moves the unread bytes to the front and reads more; false if nothing more could be read. */
    final boolean fill() throws IOException {
        System.arraycopy(buffer, cursor, buffer, 0, length - cursor);
        bufferPosition += cursor;
        length -= cursor;
        cursor = 0;
        int want = (int) Math.min(buffer.length - length, Math.max(0, end - nextRead));
        if (want <= 0) {
            return false;
        }
        int got = ChannelReads.readInto(channel, nextRead, ByteBuffer.wrap(buffer, length, want));
        if (got <= 0) {
            nextRead = end; // the channel is shorter than its size said
            return false;
        }
        length += got;
        nextRead += got;
        return true;
    }
}
