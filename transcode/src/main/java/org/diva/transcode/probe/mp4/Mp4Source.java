package org.diva.transcode.probe.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;

/**
 * The file being probed, read through a budget: every read is positioned and bounded, and the total is capped, so no
 * damaged or hostile file can make a probe read (or allocate) more than {@link #MAX_BYTES_READ}.
 */
final class Mp4Source {
    /** Headers of real files are well under this: a 10-hour 60 fps movie has about 20 MB of moov. */
    static final long MAX_BYTES_READ = 64L << 20;

    private final SeekableByteChannel channel;
    private final long size;
    private long bytesRead;

    Mp4Source(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    long size() {
        return size;
    }

    long bytesRead() {
        return bytesRead;
    }

    /**
     * Reads exactly {@code length} bytes at {@code position}.
     *
     * @param what names the structure for the error message ("box header")
     */
    ByteBuffer readExactly(long position, int length, String what) throws IOException {
        charge(length);
        if (position + length > size) {
            throw new MediaFormatException(Mp4Fields.format(
                    "truncated MP4: the %s at byte %,d needs %,d bytes but the file ends at byte %,d",
                    what, position, length, size));
        }
        return ChannelReads.readExactly(channel, position, length, what);
    }

    /** Reads the start of a box's body: all of it, or its first {@code maxBytes} when it is bigger. */
    ByteBuffer body(Mp4Box box, int maxBytes) throws IOException {
        int length = (int) Math.min(box.bodySize(), maxBytes);
        return readExactly(box.bodyOffset(), length, Mp4Fields.quote(box.type()) + " box");
    }

    private void charge(int length) throws MediaFormatException {
        bytesRead += length;
        if (bytesRead > MAX_BYTES_READ) {
            throw new LimitExceeded(Mp4Fields.format(
                    "MP4 headers too big: DiVA reads at most %,d bytes of headers and this file needs more; "
                            + "it is damaged or not a media file", MAX_BYTES_READ));
        }
    }

    /** A probe limit was hit: fatal even where other damage would only cost a detail. */
    static final class LimitExceeded extends MediaFormatException {
        LimitExceeded(String message) {
            super(message);
        }
    }
}
