package org.diva.transcode.video.decode.avc;

import java.io.ByteArrayOutputStream;

/** Test helper: writes header syntax (u(n), ue, se, trailing bits) to build hand-made parameter sets and slices. */
final class HeaderBitWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int count;

    HeaderBitWriter u(int n, int value) {
        for (int i = n - 1; i >= 0; i--) {
            current = (current << 1) | ((value >>> i) & 1);
            if (++count == 8) {
                out.write(current);
                current = 0;
                count = 0;
            }
        }
        return this;
    }

    /** Bits written so far. */
    int bitCount() {
        return 8 * out.size() + count;
    }

    HeaderBitWriter flag(boolean b) {
        return u(1, b ? 1 : 0);
    }

    HeaderBitWriter ue(int v) {
        int code = v + 1;
        int len = 32 - Integer.numberOfLeadingZeros(code);
        u(len - 1, 0);
        return u(len, code);
    }

    HeaderBitWriter se(int v) {
        return ue(v > 0 ? 2 * v - 1 : -2 * v);
    }

    /** rbsp_trailing_bits() and the bytes. */
    byte[] rbsp() {
        u(1, 1);
        while (count != 0) {
            u(1, 0);
        }
        return out.toByteArray();
    }
}
