package org.diva.transcode.probe.mpeg;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/**
 * Walks the packs, system headers and PES packets of a byte range of an MPEG program stream (ISO/IEC 13818-1
 * section 2.5.3, ISO/IEC 11172-1 section 2.4.3), MPEG-1 and MPEG-2 alike. Where the structure breaks (damage, or a
 * range that starts mid-packet), it searches for the next pack header, which a muxer must write at least every
 * 0.7 seconds; elementary stream data cannot be mistaken for one because video start codes stay below 0xB9.
 */
public final class PsScanner extends BufferedRange {
    /** Receives what the scan finds. */
    public interface Listener {
        /** A pack header; {@code scr} in 90 kHz ticks, -1 if its marker bits are wrong. */
        void pack(long scr);

        /** A PES packet; its payload is {@code data[offset, offset + length)}, short if the range ends first. */
        void pes(PesHeader header, byte[] data, int offset, int length);

        /** Whether to stop; asked between packets with the file position reached. */
        boolean done(long position);
    }

    private static final int PACK = 0xba;
    private static final int SYSTEM_HEADER = 0xbb;
    private static final int END_CODE = 0xb9;
    private static final int MAX_UNIT = 6 + 0xffff;

    private int packs;
    private boolean mpeg2;

    public PsScanner(SeekableByteChannel channel, long from, long end) {
        super(channel, from, end, 4 * MAX_UNIT);
    }

    /** Scans until the range ends or the listener is done. */
    public void run(Listener listener) throws IOException {
        while (!listener.done(bufferPosition + cursor)) {
            if (length - cursor < MAX_UNIT && nextRead < end) {
                fill();
            }
            if (length - cursor < 4) {
                return;
            }
            int at = cursor;
            if (buffer[at] != 0 || buffer[at + 1] != 0 || buffer[at + 2] != 1) {
                resync(at + 1);
                continue;
            }
            int code = buffer[at + 3] & 0xff;
            if (code == PACK) {
                int size = packSize(at);
                if (size < 0) {
                    resync(at + 1);
                } else if (size > length - at) {
                    return; // cut off in the pack header
                } else {
                    packs++;
                    listener.pack(scr(at));
                    cursor = at + size;
                }
            } else if (code == END_CODE) {
                cursor = at + 4;
            } else if (code == SYSTEM_HEADER || code >= 0xbc) {
                if (length - at < 6) {
                    return;
                }
                int total = 6 + (((buffer[at + 4] & 0xff) << 8) | (buffer[at + 5] & 0xff));
                int available = Math.min(total, length - at);
                PesHeader header = code == SYSTEM_HEADER ? null : PesHeader.parse(buffer, at, at + available);
                if (code != SYSTEM_HEADER && (header == null || header == PesHeader.INCOMPLETE)) {
                    resync(at + 1);
                    continue;
                }
                if (header != null) {
                    listener.pes(header, buffer, at + header.headerLength(), available - header.headerLength());
                }
                cursor = at + available;
            } else {
                resync(at + 1); // an elementary stream start code: we are inside a packet's payload
            }
        }
    }

    /** Pack headers seen so far. */
    int packs() {
        return packs;
    }

    /** Whether the last pack header seen was MPEG-2's. */
    public boolean mpeg2() {
        return mpeg2;
    }

    /** Finds the first valid pack header in {@code data[from, limit)}; -1 if there is none. */
    static int findPack(byte[] data, int from, int limit) {
        for (int i = Math.max(0, from); i + 14 <= limit; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0xff) == PACK
                    && packSize(data, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** The size of the pack header at {@code at}: 12 bytes (MPEG-1), 14 plus stuffing (MPEG-2); -1 if invalid. */
    private static int packSize(byte[] data, int at) {
        int b4 = data[at + 4] & 0xff;
        if ((b4 & 0xc4) == 0x44) { // '01' and a marker bit: MPEG-2
            return 14 + (data[at + 13] & 7);
        }
        if ((b4 & 0xf1) == 0x21) { // '0010' and a marker bit: MPEG-1
            return 12;
        }
        return -1;
    }

    private int packSize(int at) {
        if (length - at < 14) {
            return length - at >= 12 && (buffer[at + 4] & 0xf1) == 0x21 ? 12 : Integer.MAX_VALUE;
        }
        int size = packSize(buffer, at);
        if (size > 0) {
            mpeg2 = size >= 14;
        }
        return size;
    }

    private long scr(int at) {
        if (!mpeg2) {
            return PesHeader.timestamp(buffer, at + 4);
        }
        int b4 = buffer[at + 4] & 0xff;
        int b6 = buffer[at + 6] & 0xff;
        int b8 = buffer[at + 8] & 0xff;
        if ((b6 & 4) == 0 || (b8 & 4) == 0) {
            return -1;
        }
        return ((long) (b4 >> 3) & 7) << 30 | (long) (b4 & 3) << 28 | (long) (buffer[at + 5] & 0xff) << 20
                | (long) (b6 >> 3) << 15 | (long) (b6 & 3) << 13 | (long) (buffer[at + 7] & 0xff) << 5 | b8 >> 3;
    }

    /** Moves to the next valid pack header at or after {@code from}, reading on as needed. */
    private void resync(int from) throws IOException {
        int at = from;
        while (true) {
            int found = findPack(buffer, at, length);
            if (found >= 0) {
                cursor = found;
                return;
            }
            cursor = Math.max(at, length - 13);
            if (nextRead >= end) {
                cursor = length;
                return;
            }
            fill();
            at = 0;
        }
    }
}
