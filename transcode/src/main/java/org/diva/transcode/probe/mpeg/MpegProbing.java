package org.diva.transcode.probe.mpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;

/**
 * What the MPEG-TS and MPEG-PS probes share: how much of a file they read (a head for the streams and their first
 * time stamps, a tail for the last ones, so a 50 GB recording costs about 10 MB), and the guard that turns a probe
 * bug on strange data into a format error for that one file.
 */
final class MpegProbing {
    static final int HEAD_LIMIT = 8 * 1024 * 1024;
    static final int TAIL_LENGTH = 2 * 1024 * 1024;
    /** How far into the file the first pack header or sync byte may lie. */
    static final int START_SEARCH = 64 * 1024;

    /** Reads a file of {@code size} bytes, at least one. */
    interface Reader {
        MediaInfo read(SeekableByteChannel channel, long size) throws IOException;
    }

    private MpegProbing() {
    }

    /** @param format the name messages use, "MPEG-TS" or "MPEG-PS" */
    static MediaInfo probe(SeekableByteChannel channel, String format, Reader reader) throws IOException {
        try {
            long size = channel.size();
            if (size == 0) {
                throw new MediaFormatException("not an " + format + " file: the file is empty");
            }
            return reader.read(channel, size);
        } catch (RuntimeException e) {
            // Every length is checked, so this is a probe bug; the file still gets a reason instead of a crash.
            throw new MediaFormatException("unreadable " + format + ": the probe failed on this file's data (" + e
                    + ")", e);
        }
    }

    /** The file's first {@code length} bytes, or all of it if it is shorter. */
    static byte[] start(SeekableByteChannel channel, int length) throws IOException {
        ByteBuffer buffer = ChannelReads.readUpTo(channel, 0, length);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
