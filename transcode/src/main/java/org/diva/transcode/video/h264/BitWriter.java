package org.diva.transcode.video.h264;

import java.util.Arrays;

/**
 * Writes an RBSP bit by bit (MSB first) with the Exp-Golomb codes of ISO/IEC 14496-10 clause 9.1, and wraps it
 * into an Annex B NAL unit with emulation prevention (clause 7.4.1). One instance is reused for every NAL unit of
 * an encoder, so the hot path allocates nothing once its buffer has grown to the largest picture.
 */
final class BitWriter {
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private long acc;
    private int pending;

    void reset() {
        pos = 0;
        acc = 0;
        pending = 0;
    }

    /** Bits written so far. */
    long bitCount() {
        return (long) pos * 8 + pending;
    }

    /** Writes the low {@code n} bits of {@code value}, 0 <= n <= 32. */
    void u(int n, int value) {
        if (n == 0) {
            return;
        }
        acc = (acc << n) | (value & ((1L << n) - 1));
        pending += n;
        while (pending >= 8) {
            pending -= 8;
            if (pos == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[pos++] = (byte) (acc >>> pending);
        }
    }

    void flag(boolean b) {
        u(1, b ? 1 : 0);
    }

    /** Unsigned Exp-Golomb ue(v). */
    void ue(int codeNum) {
        int v = codeNum + 1;
        int len = 32 - Integer.numberOfLeadingZeros(v);
        if (2 * len - 1 <= 32) {
            u(2 * len - 1, v);
        } else {
            u(len - 1, 0);
            u(len, v);
        }
    }

    /** Signed Exp-Golomb se(v): positive values map to odd code numbers. */
    void se(int value) {
        ue(value > 0 ? 2 * value - 1 : -2 * value);
    }

    /** Number of bits se(v) would take, for rate estimates. */
    static int seLength(int value) {
        int v = (value > 0 ? 2 * value - 1 : -2 * value) + 1;
        return 2 * (32 - Integer.numberOfLeadingZeros(v)) - 1;
    }

    /** rbsp_trailing_bits: a stop bit and zero bits up to the byte boundary. */
    void trailingBits() {
        u(1, 1);
        if (pending > 0) {
            u(8 - pending, 0);
        }
    }

    /**
     * Appends the written RBSP as one Annex B NAL unit (4-byte start code, header, escaped payload) to
     * {@code out}; the RBSP must be byte aligned.
     */
    void appendNal(ByteSink out, int refIdc, int type) {
        if (pending != 0) {
            throw new IllegalStateException("RBSP not byte aligned");
        }
        out.ensure(5 + pos + pos / 2 + 4);
        out.put(0);
        out.put(0);
        out.put(0);
        out.put(1);
        out.put((refIdc << 5) | type);
        int zeros = 0;
        for (int i = 0; i < pos; i++) {
            int b = buf[i] & 0xFF;
            if (zeros >= 2 && b <= 3) {
                out.put(3);
                zeros = 0;
            }
            out.put(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
    }
}
