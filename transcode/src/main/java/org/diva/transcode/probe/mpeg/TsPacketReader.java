package org.diva.transcode.probe.mpeg;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/**
 * Reads the transport packets of a byte range of a channel in large chunks. Where the sync byte is missing (a
 * damaged or cut recording, or a range that starts mid-packet), it searches forward for a position that
 * {@link TsSync#confirmed three packets confirm} and goes on from there.
 */
public final class TsPacketReader extends BufferedRange {
    private static final int CHUNK_PACKETS = 1024;
    private static final int RESYNC_CONFIRMATIONS = 3;

    private final int packetSize;
    private final int prefix;

    /** Reads packets in {@code [from, end)}; {@code from} need not be a packet start. */
    public TsPacketReader(SeekableByteChannel channel, long from, long end, int packetSize) {
        super(channel, from, end, CHUNK_PACKETS * packetSize);
        this.packetSize = packetSize;
        this.prefix = packetSize - TsSync.TS_PACKET;
    }

    /** Fills {@code packet} with the next packet; false at the end of the range. */
    public boolean next(TsPacket packet) throws IOException {
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
}
