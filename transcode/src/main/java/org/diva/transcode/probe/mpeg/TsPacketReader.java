package org.diva.transcode.probe.mpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Reads the transport packets of a byte range of a channel in large chunks. Where the sync byte is missing (a
 * damaged or cut recording, or a range that starts mid-packet), it searches forward for a position that
 * {@link TsSync#confirmed three packets confirm} and goes on from there.
 */
final class TsPacketReader {
    private static final int CHUNK_PACKETS = 1024;
    private static final int RESYNC_CONFIRMATIONS = 3;

    private final SeekableByteChannel channel;
    private final int packetSize;
    private final int prefix;
    private final long end;
    private final byte[] buffer;
    private long bufferPosition;
    private int length;
    private int cursor;
    private long nextRead;

    /** Reads packets in {@code [from, end)}; {@code from} need not be a packet start. */
    TsPacketReader(SeekableByteChannel channel, long from, long end, int packetSize) {
        this.channel = channel;
        this.packetSize = packetSize;
        this.prefix = packetSize - TsSync.TS_PACKET;
        this.end = end;
        this.buffer = new byte[CHUNK_PACKETS * packetSize];
        this.nextRead = from;
        this.bufferPosition = from;
    }

    /** Fills {@code packet} with the next packet; false at the end of the range. */
    boolean next(TsPacket packet) throws IOException {
        while (true) {
            if (length - cursor < packetSize && !fill()) {
                return false;
            }
            if (buffer[cursor + prefix] == TsSync.SYNC_BYTE) {
                packet.read(buffer, cursor + prefix, bufferPosition + cursor + prefix);
                cursor += packetSize;
                return true;
            }
            resync();
        }
    }

    private void resync() throws IOException {
        int i = cursor + 1;
        while (true) {
            boolean atEnd = nextRead >= end;
            int room = atEnd ? packetSize : RESYNC_CONFIRMATIONS * packetSize;
            for (; i + room <= length; i++) {
                if (TsSync.confirmed(buffer, length, i, packetSize, RESYNC_CONFIRMATIONS)) {
                    cursor = i;
                    return;
                }
            }
            cursor = i;
            if (atEnd || !fill()) {
                cursor = length;
                return;
            }
            i = cursor;
        }
    }

    /** Moves the unread bytes to the front and reads more; false if nothing more could be read. */
    private boolean fill() throws IOException {
        System.arraycopy(buffer, cursor, buffer, 0, length - cursor);
        bufferPosition += cursor;
        length -= cursor;
        cursor = 0;
        int want = (int) Math.min(buffer.length - length, Math.max(0, end - nextRead));
        if (want <= 0) {
            return false;
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, length, want);
        channel.position(nextRead);
        while (target.hasRemaining()) {
            if (channel.read(target) <= 0) {
                break;
            }
        }
        int got = target.position() - length;
        if (got <= 0) {
            nextRead = end; // the channel is shorter than its size said
            return false;
        }
        length += got;
        nextRead += got;
        return true;
    }
}
