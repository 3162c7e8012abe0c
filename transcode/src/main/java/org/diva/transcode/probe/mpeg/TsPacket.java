package org.diva.transcode.probe.mpeg;

/**
 * One 188-byte transport packet (ISO/IEC 13818-1 section 2.4.3.2), read in place: a reusable view over a buffer
 * so that scanning megabytes of packets allocates nothing.
 */
public final class TsPacket {
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
    /** random_access_indicator of the adaptation field (ISO/IEC 13818-1 section 2.4.3.5). */
    boolean randomAccess;
    /** program_clock_reference_base in 90 kHz ticks, or -1 when the packet carries none. */
    long pcr;

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
        readAdaptation(buffer, start, (adaptation & 2) != 0 && !transportError);
        // A damaged packet (error flag, or an adaptation field longer than the packet) carries nothing usable.
        hasPayload = !transportError && (adaptation & 1) == 1 && payloadLength > 0;
        if (!hasPayload) {
            payloadLength = 0;
        }
    }

    /** Reads the flags and the PCR of the adaptation field, when it is long enough to hold them. */
    private void readAdaptation(byte[] buffer, int start, boolean present) {
        randomAccess = false;
        pcr = -1;
        int fieldLength = present ? buffer[start + 4] & 0xff : 0;
        if (fieldLength < 1 || fieldLength > TsSync.TS_PACKET - 5) {
            return;
        }
        int flags = buffer[start + 5] & 0xff;
        randomAccess = (flags & 0x40) != 0;
        if ((flags & 0x10) != 0 && fieldLength >= 7) {
            int at = start + 6;
            pcr = (buffer[at] & 0xffL) << 25 | (buffer[at + 1] & 0xffL) << 17 | (buffer[at + 2] & 0xffL) << 9
                    | (buffer[at + 3] & 0xffL) << 1 | (buffer[at + 4] & 0xff) >> 7;
        }
    }

    public byte[] data() {
        return data;
    }

    /** File position of the sync byte. */
    public long position() {
        return position;
    }

    public int pid() {
        return pid;
    }

    public boolean unitStart() {
        return unitStart;
    }

    public int continuityCounter() {
        return continuityCounter;
    }

    /** Whether the packet carries payload bytes: {@code data()[payloadOffset(), payloadOffset() + payloadLength())}. */
    public boolean hasPayload() {
        return hasPayload;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public boolean randomAccess() {
        return randomAccess;
    }

    /** The PCR base in 90 kHz ticks, or -1. */
    public long pcr() {
        return pcr;
    }
}
