package org.diva.transcode.video.decode.avc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Block copies and rounding averages of 8-bit samples for motion compensation, eight (or four) samples at a time.
 *
 * <p>Prediction blocks are 2 to 16 samples wide, so per-row {@link System#arraycopy} calls and per-sample loops spend
 * more time on call and bounds-check overhead than on the samples. Reading a row as one {@code long} through a byte
 * array view (one range check, one unaligned load) and averaging all eight bytes at once in a register (SWAR) makes
 * the default bi-prediction average of 8.4.2.3.1, {@code (a + b + 1) >> 1}, and the luma quarter averages of 8-250 ff.
 * nearly free: per byte, {@code a + b = 2 (a & b) + (a ^ b)}, so {@code (a + b + 1) >> 1 = (a | b) - ((a ^ b) >> 1)},
 * and masking the shifted xor with 0x7F per byte keeps each lane's low bit from leaking into its neighbour; the
 * subtraction never borrows across lanes because {@code a | b >= (a ^ b) >> 1} in every byte.
 */
final class SampleRows {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final int LOW7_INT = 0x7F7F7F7F;

    private SampleRows() {
    }

    /** Copies a w x h block (w in 2..16) from src at s (stride ss) to dst at d (stride ds). */
    static void copy(byte[] src, int s, int ss, byte[] dst, int d, int ds, int w, int h) {
        if ((w & 7) == 0) {
            for (int y = 0; y < h; y++, s += ss, d += ds) {
                for (int x = 0; x < w; x += 8) {
                    LONGS.set(dst, d + x, (long) LONGS.get(src, s + x));
                }
            }
        } else if (w == 4) {
            for (int y = 0; y < h; y++, s += ss, d += ds) {
                INTS.set(dst, d, (int) INTS.get(src, s));
            }
        } else {
            for (int y = 0; y < h; y++, s += ss, d += ds) {
                System.arraycopy(src, s, dst, d, w);
            }
        }
    }

    /** dst = (dst + src + 1) >> 1 per sample over a w x h block (w in 2..16). */
    static void averageInto(byte[] dst, int d, int ds, byte[] src, int s, int ss, int w, int h) {
        average(dst, d, ds, src, s, ss, dst, d, ds, w, h);
    }

    /** dst = (a + b + 1) >> 1 per sample over a w x h block (w in 2..16); dst may be a or b. */
    static void average(byte[] a, int ao, int as, byte[] b, int bo, int bs, byte[] dst, int d, int ds, int w, int h) {
        if ((w & 7) == 0) {
            for (int y = 0; y < h; y++, ao += as, bo += bs, d += ds) {
                for (int x = 0; x < w; x += 8) {
                    long p = (long) LONGS.get(a, ao + x);
                    long q = (long) LONGS.get(b, bo + x);
                    LONGS.set(dst, d + x, (p | q) - (((p ^ q) >>> 1) & LOW7));
                }
            }
        } else if (w == 4) {
            for (int y = 0; y < h; y++, ao += as, bo += bs, d += ds) {
                int p = (int) INTS.get(a, ao);
                int q = (int) INTS.get(b, bo);
                INTS.set(dst, d, (p | q) - (((p ^ q) >>> 1) & LOW7_INT));
            }
        } else {
            for (int y = 0; y < h; y++, ao += as, bo += bs, d += ds) {
                for (int x = 0; x < w; x++) {
                    dst[d + x] = (byte) (((a[ao + x] & 0xFF) + (b[bo + x] & 0xFF) + 1) >> 1);
                }
            }
        }
    }
}
