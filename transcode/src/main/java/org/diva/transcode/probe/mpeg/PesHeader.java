package org.diva.transcode.probe.mpeg;

/**
 * The header of one PES packet (ISO/IEC 13818-1 section 2.4.3.6), in MPEG-2 syntax or the MPEG-1 syntax of
 * ISO/IEC 11172-1 section 2.4.3.3 that MPEG-1 program streams use: which stream, how long, where the payload
 * starts, and the presentation time stamp if the packet has one.
 *
 * @param streamId      stream_id (0xBD private stream 1, 0xC0-0xDF audio, 0xE0-0xEF video, ...)
 * @param packetLength  PES_packet_length: bytes after this field, 0 for "unbounded" (video in MPEG-TS)
 * @param headerLength  bytes from the start code to the first payload byte
 * @param pts           33-bit PTS in 90 kHz ticks, or -1 when the packet has none
 * @param dts           33-bit DTS in 90 kHz ticks, or -1 when the packet has none (then it equals the PTS)
 */
public record PesHeader(int streamId, int packetLength, int headerLength, long pts, long dts) {
    /** Returned by {@link #parse} when more bytes are needed to read the whole header. */
    public static final PesHeader INCOMPLETE = new PesHeader(-1, -1, -1, -1, -1);
    /** The largest header: 9 bytes plus a 255-byte PES_header_data_length. */
    public static final int MAX_HEADER = 9 + 255;

    /** A header without a decoding time stamp. */
    public PesHeader(int streamId, int packetLength, int headerLength, long pts) {
        this(streamId, packetLength, headerLength, pts, -1);
    }

    /**
     * Parses a PES header starting with its 00 00 01 start code at {@code offset}.
     *
     * @return the header, {@link #INCOMPLETE} if {@code limit} cuts it off, or null if the bytes are no PES header
     */
    public static PesHeader parse(byte[] data, int offset, int limit) {
        if (limit - offset < 6) {
            return INCOMPLETE;
        }
        if (data[offset] != 0 || data[offset + 1] != 0 || data[offset + 2] != 1 || (data[offset + 3] & 0xff) < 0xbc) {
            return null;
        }
        int streamId = data[offset + 3] & 0xff;
        int packetLength = ((data[offset + 4] & 0xff) << 8) | (data[offset + 5] & 0xff);
        if (!hasOptionalHeader(streamId)) {
            return new PesHeader(streamId, packetLength, 6, -1);
        }
        if (limit - offset < 7) {
            return INCOMPLETE;
        }
        if ((data[offset + 6] & 0xc0) == 0x80) {
            return parseMpeg2(data, offset, limit, streamId, packetLength);
        }
        return parseMpeg1(data, offset, limit, streamId, packetLength);
    }

    /** Program stream map, padding, private stream 2, ECM, EMM, DSM-CC, directory and H.222.1 type E have none. */
    private static boolean hasOptionalHeader(int streamId) {
        return switch (streamId) {
            case 0xbc, 0xbe, 0xbf, 0xf0, 0xf1, 0xf2, 0xf8, 0xff -> false;
            default -> true;
        };
    }

    private static PesHeader parseMpeg2(byte[] data, int offset, int limit, int streamId, int packetLength) {
        if (limit - offset < 9) {
            return INCOMPLETE;
        }
        int headerLength = 9 + (data[offset + 8] & 0xff);
        if (packetLength != 0 && headerLength > packetLength + 6) {
            return null;
        }
        if (limit - offset < headerLength) {
            return INCOMPLETE;
        }
        int ptsDtsFlags = (data[offset + 7] & 0xff) >> 6;
        long pts = ptsDtsFlags >= 2 && headerLength >= 14 ? timestamp(data, offset + 9) : -1;
        long dts = ptsDtsFlags == 3 && headerLength >= 19 ? timestamp(data, offset + 14) : -1;
        return new PesHeader(streamId, packetLength, headerLength, pts, dts);
    }

    private static PesHeader parseMpeg1(byte[] data, int offset, int limit, int streamId, int packetLength) {
        int i = offset + 6;
        for (int stuffing = 0; i < limit && (data[i] & 0xff) == 0xff; i++) {
            if (++stuffing > 16) {
                return null;
            }
        }
        if (i >= limit) {
            return INCOMPLETE;
        }
        if ((data[i] & 0xc0) == 0x40) { // STD_buffer_scale and size
            i += 2;
            if (i >= limit) {
                return INCOMPLETE;
            }
        }
        int marker = (data[i] & 0xff) >> 4;
        long pts = -1;
        long dts = -1;
        if (marker == 2 || marker == 3) {
            int size = marker == 2 ? 5 : 10;
            if (limit - i < size) {
                return INCOMPLETE;
            }
            pts = timestamp(data, i);
            dts = marker == 3 ? timestamp(data, i + 5) : -1;
            i += size;
        } else if ((data[i] & 0xff) == 0x0f) {
            i++;
        } else {
            return null;
        }
        int headerLength = i - offset;
        if (packetLength != 0 && headerLength > packetLength + 6) {
            return null;
        }
        return new PesHeader(streamId, packetLength, headerLength, pts, dts);
    }

    /** A 33-bit time stamp in the 5-byte PTS/DTS/SCR-style layout with marker bits; -1 if a marker is wrong. */
    public static long timestamp(byte[] data, int at) {
        int b0 = data[at] & 0xff;
        int b2 = data[at + 2] & 0xff;
        int b4 = data[at + 4] & 0xff;
        if ((b0 & 1) == 0 || (b2 & 1) == 0 || (b4 & 1) == 0) {
            return -1;
        }
        return ((long) (b0 >> 1) & 7) << 30 | (long) (data[at + 1] & 0xff) << 22 | (long) (b2 >> 1) << 15
                | (long) (data[at + 3] & 0xff) << 7 | b4 >> 1;
    }
}
