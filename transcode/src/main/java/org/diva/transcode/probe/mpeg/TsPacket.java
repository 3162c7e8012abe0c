package org.diva.transcode.probe.mpeg;

/**
 * One 188-byte transport packet (ISO/IEC 13818-1 section 2.4.3.2), read in place: a reusable view over a buffer
 * so that scanning megabytes of packets allocates nothing.
 */
final class TsPacket {
    static final int NULL_PID = 0x1fff;

    byte[] data;
    /** File position of the sync byte, for error messages. */
    long position;
    int pid;
    boolean unitStart;
    int continuityCounter;
    boolean hasPayload;
    int payloadOffset;
    int payloadLength;

    /** Reads the packet whose sync byte is {@code data[start]}. */
    void read(byte[] buffer, int start, long filePosition) {
        data = buffer;
        position = filePosition;
        int b1 = buffer[start + 1] & 0xff;
        int b3 = buffer[start + 3] & 0xff;
        boolean transportError = (b1 & 0x80) != 0;
        unitStart = (b1 & 0x40) != 0;
        pid = ((b1 & 0x1f) << 8) | (buffer[start + 2] & 0xff);
        continuityCounter = b3 & 0x0f;
        int adaptation = (b3 >> 4) & 3;
        payloadOffset = start + 4;
        if (adaptation == 3) {
            payloadOffset += 1 + (buffer[start + 4] & 0xff);
        }
        payloadLength = start + TsSync.TS_PACKET - payloadOffset;
        // A damaged packet (error flag, or an adaptation field longer than the packet) carries nothing usable.
        hasPayload = !transportError && (adaptation & 1) == 1 && payloadLength > 0;
        if (!hasPayload) {
            payloadLength = 0;
        }
    }
}
