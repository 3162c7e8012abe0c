package org.diva.transcode.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Locale;

/**
 * A probe's window on a channel: positioned reads through a small cached window, every byte fetched counted against
 * a budget, and every short read turned into a {@link MediaFormatException} that names the format, the structure
 * and the byte offset.
 *
 * <p>Container headers are read as many small fields (element headers of 2 to 12 bytes), so reading each straight
 * from the channel would cost a system call apiece; the window turns them into one read per 16 KB. The budget
 * bounds what a damaged or hostile file can make a probe read, whatever sizes and offsets it claims.
 */
public final class HeaderSource {
    static final int WINDOW_BYTES = 16 * 1024;

    private final SeekableByteChannel channel;
    private final String format;
    private final long size;
    private final long budget;
    private long bytesFetched;
    private ByteBuffer window = ByteBuffer.allocate(0);
    private long windowStart;

    /**
     * @param format the container's name as messages should say it ("Matroska")
     * @param budget the most bytes this source may fetch from the channel in its lifetime
     */
    public HeaderSource(SeekableByteChannel channel, String format, long budget) throws IOException {
        this.channel = channel;
        this.format = format;
        this.size = channel.size();
        this.budget = budget;
    }

    public long size() {
        return size;
    }

    public String format() {
        return format;
    }

    /** The unsigned byte at {@code position}. */
    public int byteAt(long position, String what) throws IOException {
        ensureWindow(position, 1, what);
        return window.get((int) (position - windowStart)) & 0xff;
    }

    /** Exactly {@code length} bytes at {@code position}. */
    public byte[] bytes(long position, int length, String what) throws IOException {
        byte[] out = new byte[length];
        if (length > WINDOW_BYTES) {
            requireInFile(position, length, what);
            charge(position, length);
            ChannelReads.readExactly(channel, position, length, what).get(out);
            return out;
        }
        ensureWindow(position, length, what);
        window.get((int) (position - windowStart), out, 0, length);
        return out;
    }

    /** A format error about the structure at {@code position}, in the words of this source's format. */
    public MediaFormatException error(String problem, long position) {
        return new MediaFormatException(String.format(Locale.ROOT, "damaged %s at byte %,d of %,d: %s",
                format, position, size, problem));
    }

    private void ensureWindow(long position, int length, String what) throws IOException {
        requireInFile(position, length, what);
        if (position >= windowStart && position + length <= windowStart + window.limit()) {
            return;
        }
        int wanted = (int) Math.min(WINDOW_BYTES, size - position);
        charge(position, wanted);
        window = ChannelReads.readExactly(channel, position, wanted, what);
        windowStart = position;
    }

    private void requireInFile(long position, int length, String what) throws MediaFormatException {
        if (position < 0 || position + length > size) {
            throw new MediaFormatException(String.format(Locale.ROOT, 
                    "truncated %s: %s at byte %,d needs %,d bytes but the file ends at byte %,d",
                    format, what, position, length, size));
        }
    }

    private void charge(long position, int length) throws MediaFormatException {
        if (bytesFetched + length > budget) {
            throw new MediaFormatException(String.format(Locale.ROOT, 
                    "%s headers at byte %,d would take more than the %,d bytes a probe may read; the file is "
                            + "probably damaged", format, position, budget));
        }
        bytesFetched += length;
    }
}
