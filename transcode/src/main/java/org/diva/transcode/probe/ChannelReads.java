package org.diva.transcode.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.Locale;

/** Bounded, positioned reads for probes: every read says how much it wants, and a short file is an error. */
public final class ChannelReads {
    private ChannelReads() {
    }

    /**
     * Reads exactly {@code length} bytes at {@code position}.
     *
     * @param what names the structure being read, for the error message ("MP4 box header")
     * @throws MediaFormatException if the file ends first
     */
    public static ByteBuffer readExactly(SeekableByteChannel channel, long position, int length, String what)
            throws IOException {
        ByteBuffer buffer = readUpTo(channel, position, length);
        if (buffer.remaining() < length) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "truncated file: %s at byte %,d needs %,d bytes but the file ends at byte %,d",
                    what, position, length, channel.size()));
        }
        return buffer;
    }

    /** Reads up to {@code length} bytes at {@code position}; fewer only when the file ends. Big-endian. */
    public static ByteBuffer readUpTo(SeekableByteChannel channel, long position, int length) throws IOException {
        if (position < 0 || length < 0) {
            throw new IllegalArgumentException("position " + position + ", length " + length);
        }
        long available = Math.max(0, channel.size() - position);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, available));
        readInto(channel, position, buffer);
        return buffer.flip().order(ByteOrder.BIG_ENDIAN);
    }

    /**
     * Reads at {@code position} into {@code target} until it is full or the file ends.
     *
     * @return how many bytes were read
     */
    public static int readInto(SeekableByteChannel channel, long position, ByteBuffer target) throws IOException {
        int start = target.position();
        channel.position(position);
        while (target.hasRemaining()) {
            if (channel.read(target) <= 0) { // end of file, or a channel that has nothing more to give
                break;
            }
        }
        return target.position() - start;
    }
}
