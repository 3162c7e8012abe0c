package org.diva.transcode.audio.mp2;

/** The CRC-16 of ISO/IEC 11172-3 section 2.4.3.1 (generator x^16 + x^15 + x^2 + 1), over a range of bits. */
final class Crc16 {
    private Crc16() {
    }

    /** Continues {@code crc} over bits [from, to) of {@code data}, most significant bit first. */
    static int of(byte[] data, int from, int to, int crc) {
        for (int bit = from; bit < to; bit++) {
            int in = (data[bit >> 3] >> (7 - (bit & 7))) & 1;
            int top = (crc >> 15) & 1;
            crc = (crc << 1) & 0xffff;
            if ((top ^ in) != 0) {
                crc ^= 0x8005;
            }
        }
        return crc;
    }
}
