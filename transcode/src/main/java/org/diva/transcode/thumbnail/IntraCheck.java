package org.diva.transcode.thumbnail;

import java.nio.ByteBuffer;
import org.diva.transcode.codec.BitReader;

/**
 * Whether an H.264 access unit can be decoded alone: it holds an IDR slice, or its first slice is an I slice (the
 * sync samples of open-GOP streams are such recovery points). A file that marks every frame as a keyframe (an MP4
 * without an 'stss' box) may point at a P frame, which decoded alone would be garbage or a JCodec crash.
 */
final class IntraCheck {
    private IntraCheck() {
    }

    static boolean isIntra(ByteBuffer annexB) {
        ByteBuffer b = annexB.duplicate();
        int zeros = 0;
        while (b.hasRemaining()) {
            int value = b.get() & 0xff;
            if (zeros >= 2 && value == 1 && b.hasRemaining()) {
                int type = b.get(b.position()) & 0x1f;
                if (type == 5) {
                    return true;
                }
                if (type == 1) {
                    return isISlice(b, b.position() + 1);
                }
            }
            zeros = value == 0 ? zeros + 1 : 0;
        }
        return false;
    }

    /** slice_type (7.3.3) after first_mb_in_slice: 2, 7 are I and 4, 9 SI. */
    private static boolean isISlice(ByteBuffer b, int from) {
        int length = Math.min(16, b.limit() - from);
        if (length <= 0) {
            return false;
        }
        byte[] head = new byte[length];
        b.get(from, head);
        try {
            BitReader bits = new BitReader(unescape(head));
            bits.readUE();
            int sliceType = bits.readUE() % 5;
            return sliceType == 2 || sliceType == 4;
        } catch (RuntimeException truncated) {
            return false;
        }
    }

    private static byte[] unescape(byte[] escaped) {
        byte[] out = new byte[escaped.length];
        int n = 0;
        int zeros = 0;
        for (byte e : escaped) {
            if (zeros >= 2 && e == 3) {
                zeros = 0;
                continue;
            }
            out[n++] = e;
            zeros = e == 0 ? zeros + 1 : 0;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
