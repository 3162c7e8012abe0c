package org.diva.transcode.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Turns a NAL unit's payload into its RBSP (14496-10 7.3.1 and 7.4.1): every emulation_prevention_three_byte, the
 * 0x03 an encoder inserts after two zero bytes so that the payload never contains a start code, is dropped.
 * Trailing zero bytes (cabac_zero_words, trailing_zero_8bits a byte-stream splitter left attached) are dropped too,
 * so the last byte holds the rbsp_stop_one_bit and "more RBSP data" can be decided from the end of the array.
 */
public final class Rbsp {
    private Rbsp() {
    }

    /**
     * Unescapes the payload that follows the NAL header byte, from the buffer's position to its limit; the buffer's
     * position is left unchanged.
     */
    public static byte[] unescape(ByteBuffer nalPayloadAfterHeaderByte) {
        ByteBuffer in = nalPayloadAfterHeaderByte;
        int start = in.position();
        int end = in.limit();
        byte[] out = new byte[end - start];
        int n = 0;
        int zeros = 0;
        for (int i = start; i < end; i++) {
            byte b = in.get(i);
            if (zeros >= 2 && b == 3) {
                // 7.4.1: 0x000003 is followed by 0x00..0x03 in a conforming stream; the 0x03 itself is never data
                zeros = 0;
                continue;
            }
            out[n++] = b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        while (n > 0 && out[n - 1] == 0) {
            n--;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
