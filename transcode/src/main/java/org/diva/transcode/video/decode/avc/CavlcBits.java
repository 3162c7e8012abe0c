package org.diva.transcode.video.decode.avc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.diva.transcode.probe.MediaFormatException;

/**
 * The bit reader of CAVLC slice data: an RBSP (emulation prevention already removed) read MSB first through a 64-bit
 * cache, with the Exp-Golomb codes of 14496-10 9.1 and more_rbsp_data() (7.2).
 *
 * <p>The end of the slice data is the rbsp_stop_one_bit, the last 1 bit of the RBSP, found once in the constructor.
 * Reads may look past it (zeros are shifted in beyond the array), but consuming a bit at or after it is a truncated
 * or corrupt slice and is reported by {@link #check}, which the macroblock reader calls once per block and macroblock
 * rather than on every read: a runaway can overrun by at most a few dozen bits before it is caught.
 */
final class CavlcBits {
    private static final VarHandle BIG_ENDIAN_INT = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.BIG_ENDIAN);
    private final byte[] data;
    /** Bit position of the rbsp_stop_one_bit: the first bit that is not slice data. */
    private final int endBit;
    /** Left-aligned unread bits. */
    private long cache;
    /** Valid bits in {@link #cache}. */
    private int count;
    /** Next byte to load into the cache. */
    private int next;

    CavlcBits(byte[] rbsp, int bitOffset) throws MediaFormatException {
        data = rbsp;
        int last = rbsp.length - 1;
        while (last >= 0 && rbsp[last] == 0) {
            last--;
        }
        if (last < 0) {
            throw new MediaFormatException("H.264 slice has no rbsp_stop_one_bit (all " + rbsp.length
                    + " bytes are zero)");
        }
        endBit = 8 * last + 7 - Integer.numberOfTrailingZeros(rbsp[last] & 0xff);
        if (bitOffset < 0 || bitOffset > endBit) {
            throw new MediaFormatException("H.264 slice data starts at bit " + bitOffset + " beyond its end at bit "
                    + endBit);
        }
        next = bitOffset >>> 3;
        fill();
        skip(bitOffset & 7);
    }

    /** Bits consumed so far from the start of the RBSP. */
    int position() {
        return 8 * next - count;
    }

    /** more_rbsp_data(): whether slice data remains before the rbsp_stop_one_bit. */
    boolean more() {
        return position() < endBit;
    }

    /** Throws when the reads so far went past the slice data. */
    void check(String what) throws MediaFormatException {
        check(what, -1);
    }

    /** As {@link #check(String)}, naming macroblock {@code mbAddr} (>= 0) without building a string per call. */
    void check(String what, int mbAddr) throws MediaFormatException {
        if (position() > endBit) {
            throw new MediaFormatException("H.264 CAVLC slice data ends at bit " + endBit + " (byte " + (endBit >> 3)
                    + ") inside " + what + (mbAddr >= 0 ? " " + mbAddr : ""));
        }
    }

    private void fill() {
        if (count <= 32 && next + 4 <= data.length) {
            // the common case: four bytes in one load
            cache |= ((int) BIG_ENDIAN_INT.get(data, next) & 0xffffffffL) << (32 - count);
            count += 32;
            next += 4;
            return;
        }
        while (count <= 56) {
            long b = next < data.length ? data[next] & 0xff : 0;
            cache |= b << (56 - count);
            count += 8;
            next++;
        }
    }

    /** The next 32 bits without consuming them (zeros past the end of the array). */
    int peek32() {
        if (count < 32) {
            fill();
        }
        return (int) (cache >>> 32);
    }

    /** Consumes n bits, 0..32. */
    void skip(int n) {
        if (count < n) {
            fill();
        }
        cache <<= n;
        count -= n;
    }

    /** Reads n bits, 1..32, unsigned (n = 32 returns the raw int). */
    int read(int n) {
        int v = peek32() >>> (32 - n);
        skip(n);
        return v;
    }

    boolean flag() {
        if (count < 1) {
            fill();
        }
        boolean b = cache < 0;
        cache <<= 1;
        count--;
        return b;
    }

    /** ue(v), 9.1: values up to 2^32 - 2 do not fit an int and are refused. */
    int ue() throws MediaFormatException {
        int peek = peek32();
        int zeros = Integer.numberOfLeadingZeros(peek);
        if (zeros < 16) {
            int len = 2 * zeros + 1;
            skip(len);
            return (peek >>> (32 - len)) - 1;
        }
        if (zeros > 30) {
            throw new MediaFormatException("H.264 Exp-Golomb code with more than 30 leading zeros at bit "
                    + position());
        }
        skip(zeros + 1);
        return (1 << zeros) - 1 + read(zeros);
    }

    /** se(v), 9.1.1. */
    int se() throws MediaFormatException {
        int k = ue();
        return (k & 1) != 0 ? (k + 1) >>> 1 : -(k >>> 1);
    }

    /** te(v) with range cMax >= 1, 9.1. */
    int te(int cMax) throws MediaFormatException {
        return cMax == 1 ? (flag() ? 0 : 1) : ue();
    }

    /** Skips to the next byte boundary, returning the skipped bits. */
    int align() {
        int n = (8 - (position() & 7)) & 7;
        return n == 0 ? 0 : read(n);
    }
}
