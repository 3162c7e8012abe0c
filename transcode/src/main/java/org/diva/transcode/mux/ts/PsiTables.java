package org.diva.transcode.mux.ts;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The program tables of a single-program transport stream (ISO/IEC 13818-1 section 2.4.4): the PAT naming program 1
 * and its PMT PID, and the PMT listing the PCR PID and each stream's type, PID and descriptors. Sections end in the
 * CRC-32 of annex A (polynomial 0x04C11DB7, MSB first, initial value all ones, no final inversion).
 */
final class PsiTables {
    static final int PMT_PID = 0x1000;
    private static final int PROGRAM = 1;
    private static final int[] CRC_TABLE = crcTable();

    private PsiTables() {
    }

    static byte[] pat() {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.put((byte) 0x00); // table_id
        b.putShort((short) (0xB000 | 13)); // section_syntax_indicator, '0', reserved, section_length
        b.putShort((short) 1); // transport_stream_id
        b.put((byte) 0xC1); // version 0, current_next_indicator
        b.put((byte) 0).put((byte) 0); // section_number, last_section_number
        b.putShort((short) PROGRAM);
        b.putShort((short) (0xE000 | PMT_PID));
        return withCrc(b);
    }

    static byte[] pmt(int pcrPid, List<TsStream> streams) {
        int esInfo = 0;
        for (TsStream s : streams) {
            esInfo += 5 + s.descriptors().length;
        }
        int sectionLength = 9 + esInfo + 4;
        if (sectionLength > 1021) {
            throw new IllegalArgumentException("too many streams for one PMT section: " + streams.size());
        }
        ByteBuffer b = ByteBuffer.allocate(3 + sectionLength);
        b.put((byte) 0x02);
        b.putShort((short) (0xB000 | sectionLength));
        b.putShort((short) PROGRAM);
        b.put((byte) 0xC1);
        b.put((byte) 0).put((byte) 0);
        b.putShort((short) (0xE000 | pcrPid));
        b.putShort((short) 0xF000); // no program_info
        for (TsStream s : streams) {
            b.put((byte) s.streamType());
            b.putShort((short) (0xE000 | s.pid()));
            b.putShort((short) (0xF000 | s.descriptors().length));
            b.put(s.descriptors());
        }
        return withCrc(b);
    }

    private static byte[] withCrc(ByteBuffer b) {
        int length = b.position();
        int crc = crc32(b.array(), length);
        b.putInt(crc);
        return b.array();
    }

    static int crc32(byte[] data, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = 0; i < length; i++) {
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ data[i]) & 0xff];
        }
        return crc;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            }
            table[i] = c;
        }
        return table;
    }
}
