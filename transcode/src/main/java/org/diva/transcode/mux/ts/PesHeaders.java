package org.diva.transcode.mux.ts;

import java.nio.ByteBuffer;

/**
 * PES packet headers (ISO/IEC 13818-1 section 2.4.3.6) with PTS, and DTS only when it differs from the PTS.
 * Video PES packets leave PES_packet_length 0 (unbounded, allowed only for video in TS), so a picture of any size
 * is one PES; others state their length.
 */
final class PesHeaders {
    private PesHeaders() {
    }

    static byte[] header(TsStream s, long pts, long dts, ByteBuffer[] payload) {
        boolean withDts = dts != pts;
        int headerData = withDts ? 10 : 5;
        ByteBuffer b = ByteBuffer.allocate(9 + headerData);
        b.put((byte) 0).put((byte) 0).put((byte) 1).put((byte) s.streamId());
        long length = 3 + headerData;
        for (ByteBuffer piece : payload) {
            length += piece.remaining();
        }
        if (s.isVideo() || length > 0xFFFF) {
            length = 0;
        }
        b.putShort((short) length);
        b.put((byte) 0x84); // '10', not scrambled, data_alignment_indicator: the payload starts an access unit
        b.put((byte) (withDts ? 0xC0 : 0x80));
        b.put((byte) headerData);
        timestamp(b, withDts ? 0x3 : 0x2, pts);
        if (withDts) {
            timestamp(b, 0x1, dts);
        }
        return b.array();
    }

    /** A 33-bit timestamp in 5 bytes: 4-bit prefix, then 3+15+15 bits each followed by a marker bit. */
    private static void timestamp(ByteBuffer b, int prefix, long ticks) {
        long t = ticks & 0x1_FFFF_FFFFL;
        b.put((byte) (prefix << 4 | (int) (t >>> 29) & 0x0E | 1));
        b.putShort((short) ((t >>> 14) & 0xFFFE | 1));
        b.putShort((short) ((t << 1) & 0xFFFE | 1));
    }
}
