package org.diva.transcode.video.decode.avc;

/**
 * Luma sample interpolation for motion compensation (14496-10 8.4.2.2.1): one block of up to 16x16 predicted samples
 * from a reference plane at a quarter-sample position.
 *
 * <p>The standard names the samples around an integer sample G (Figure 8-4): the half-sample positions b (horizontal)
 * and h (vertical) come from the 6-tap filter (1, -5, 20, 20, -5, 1) over integer samples rounded with
 * {@code (x + 16) >> 5}; the centre j comes from the same filter over the UNROUNDED b (or h) intermediates, rounded
 * with {@code (x + 512) >> 10} (8-245/8-246 give the same value either way, which lets us filter in whichever
 * direction needs fewer intermediates); the quarter positions average the two nearest integer/half samples with
 * {@code (p + q + 1) >> 1} (8-250 to 8-261): a, c, d, n with G; f, q with b / s (b one row down); i, k with h / m (h
 * one column right); e, g, p, r diagonally between b/s and h/m.
 *
 * <p>Reference samples outside the picture take the nearest edge sample (8-239/8-240). A block whose filter
 * footprint (2 samples before, 3 after) lies inside the picture is read straight from the plane; any other block
 * first copies its clamped footprint into a small buffer and runs the same kernels on that. One instance per slice
 * decoder: the scratch buffers make it single-threaded.
 */
final class LumaMc {
    /** Footprint stride of the edge buffer: 16 samples plus 5 for the filter taps. */
    private static final int EDGE_STRIDE = 21;
    private final byte[] edge = new byte[EDGE_STRIDE * EDGE_STRIDE];
    /** Unrounded half-sample intermediates: up to 21 rows (or columns) of 16 (or 21) values. */
    private final int[] tmp = new int[EDGE_STRIDE * EDGE_STRIDE];
    /** The second half-sample plane of the diagonal quarter positions. */
    private final byte[] half = new byte[16 * 16];

    /**
     * Predicts a {@code w x h} block whose top-left sample is at integer position (xInt, yInt) plus the fraction
     * (xFrac, yFrac) in quarter samples, into {@code dst} at {@code dOff} with stride {@code ds}.
     */
    void predict(byte[] plane, int width, int height, int xInt, int yInt, int xFrac, int yFrac, int w, int h,
                 byte[] dst, int dOff, int ds) {
        if (xInt - 2 >= 0 && yInt - 2 >= 0 && xInt + w + 3 <= width && yInt + h + 3 <= height) {
            kernel(plane, yInt * width + xInt, width, xFrac, yFrac, w, h, dst, dOff, ds);
            return;
        }
        // Clamp the footprint once; |mv| may be huge in a hostile stream, so clamp in long-free int space first.
        for (int r = 0; r < h + 5; r++) {
            int sy = clamp(yInt - 2 + r, height - 1) * width;
            int o = r * EDGE_STRIDE;
            for (int c = 0; c < w + 5; c++) {
                edge[o + c] = plane[sy + clamp(xInt - 2 + c, width - 1)];
            }
        }
        kernel(edge, 2 * EDGE_STRIDE + 2, EDGE_STRIDE, xFrac, yFrac, w, h, dst, dOff, ds);
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : v > max ? max : v;
    }

    private void kernel(byte[] s, int off, int stride, int xFrac, int yFrac, int w, int h, byte[] dst, int dOff,
                        int ds) {
        if (xFrac == 0 && yFrac == 0) {
            SampleRows.copy(s, off, stride, dst, dOff, ds, w, h);
        } else if (yFrac == 0) {
            horizontal(s, off, stride, w, h, dst, dOff, ds, xFrac);
        } else if (xFrac == 0) {
            vertical(s, off, stride, w, h, dst, dOff, ds, yFrac);
        } else if (xFrac == 2) {
            centreFromRows(s, off, stride, w, h, yFrac, dst, dOff, ds);
        } else if (yFrac == 2) {
            centreFromColumns(s, off, stride, w, h, xFrac, dst, dOff, ds);
        } else {
            // e, g, p, r: b (or s, one row down) averaged with h (or m, one column right).
            horizontal(s, off + (yFrac >> 1) * stride, stride, w, h, dst, dOff, ds, 2);
            vertical(s, off + (xFrac >> 1), stride, w, h, half, 0, 16, 2);
            SampleRows.averageInto(dst, dOff, ds, half, 0, 16, w, h);
        }
    }

    /** Branch-free on the JIT's intrinsic min/max (conditional moves): filter outputs overshoot on real edges. */
    private static int clip(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /*
     * The 6-tap loops slide a window of six samples along the row (or down the column) in locals, so each output
     * loads one new sample instead of six: a + f - 5 (b + e) + 20 (c + d). In the code's window (a, b, c, e, f, g) the
     * integer sample G is c and its right / lower neighbour is e, which the quarter positions a, c, d, n average with
     * (8-250 ff.), so those averages cost no extra pass over the block: quarter 1 averages with c, quarter 3 with e,
     * 2 is the half sample alone (the quarter is loop-invariant, so the JIT unswitches the test out of the loop).
     */

    /** b: horizontal half samples (8-241, 8-243), or a / c for quarter 1 / 3. */
    private static void horizontal(byte[] s, int off, int stride, int w, int h, byte[] dst, int dOff, int ds,
                                   int quarter) {
        for (int y = 0; y < h; y++) {
            int p = off + y * stride;
            int d = dOff + y * ds;
            int a = s[p - 2] & 0xFF;
            int b = s[p - 1] & 0xFF;
            int c = s[p] & 0xFF;
            int e = s[p + 1] & 0xFF;
            int f = s[p + 2] & 0xFF;
            for (int x = 0; x < w; x++) {
                int g = s[p + x + 3] & 0xFF;
                int v = clip((a + g - 5 * (b + f) + 20 * (c + e) + 16) >> 5);
                dst[d + x] = (byte) (quarter == 2 ? v : (v + (quarter == 1 ? c : e) + 1) >> 1);
                a = b;
                b = c;
                c = e;
                e = f;
                f = g;
            }
        }
    }

    /** h: vertical half samples (8-242, 8-244), column by column, or d / n for quarter 1 / 3. */
    private static void vertical(byte[] s, int off, int stride, int w, int h, byte[] dst, int dOff, int ds,
                                 int quarter) {
        for (int x = 0; x < w; x++) {
            int p = off + x;
            int a = s[p - 2 * stride] & 0xFF;
            int b = s[p - stride] & 0xFF;
            int c = s[p] & 0xFF;
            int e = s[p + stride] & 0xFF;
            int f = s[p + 2 * stride] & 0xFF;
            p += 3 * stride;
            int d = dOff + x;
            for (int y = 0; y < h; y++, p += stride, d += ds) {
                int g = s[p] & 0xFF;
                int v = clip((a + g - 5 * (b + f) + 20 * (c + e) + 16) >> 5);
                dst[d] = (byte) (quarter == 2 ? v : (v + (quarter == 1 ? c : e) + 1) >> 1);
                a = b;
                b = c;
                c = e;
                e = f;
                f = g;
            }
        }
    }

    /** Unrounded horizontal taps of n consecutive positions from s[p] into t[o..]. */
    private static void rowTaps(byte[] s, int p, int n, int[] t, int o) {
        int a = s[p - 2] & 0xFF;
        int b = s[p - 1] & 0xFF;
        int c = s[p] & 0xFF;
        int e = s[p + 1] & 0xFF;
        int f = s[p + 2] & 0xFF;
        for (int x = 0; x < n; x++) {
            int g = s[p + x + 3] & 0xFF;
            t[o + x] = a + g - 5 * (b + f) + 20 * (c + e);
            a = b;
            b = c;
            c = e;
            e = f;
            f = g;
        }
    }

    /** Unrounded vertical taps of n positions down the column from s[p] into t[o], t[o + ts], ... */
    private static void columnTaps(byte[] s, int p, int stride, int n, int[] t, int o, int ts) {
        int a = s[p - 2 * stride] & 0xFF;
        int b = s[p - stride] & 0xFF;
        int c = s[p] & 0xFF;
        int e = s[p + stride] & 0xFF;
        int f = s[p + 2 * stride] & 0xFF;
        p += 3 * stride;
        for (int y = 0; y < n; y++, p += stride, o += ts) {
            int g = s[p] & 0xFF;
            t[o] = a + g - 5 * (b + f) + 20 * (c + e);
            a = b;
            b = c;
            c = e;
            e = f;
            f = g;
        }
    }

    /**
     * j (and f, q) from the unrounded horizontal intermediates b1 of rows -2 .. h+2 (t, stride 16); f averages j with
     * b of the same row, q with b of the row below (s).
     */
    private void centreFromRows(byte[] s, int off, int stride, int w, int h, int yFrac, byte[] dst, int dOff,
                                int ds) {
        int[] t = tmp;
        for (int r = 0; r < h + 5; r++) {
            rowTaps(s, off + (r - 2) * stride, w, t, 16 * r);
        }
        int row = yFrac == 1 ? 2 : 3; // the row of b (f) or s (q) in t
        for (int x = 0; x < w; x++) {
            int a = t[x];
            int b = t[x + 16];
            int c = t[x + 32];
            int e = t[x + 48];
            int f = t[x + 64];
            int d = dOff + x;
            for (int y = 0; y < h; y++, d += ds) {
                int g = t[x + 16 * (y + 5)];
                int j = clip((a + g - 5 * (b + f) + 20 * (c + e) + 512) >> 10);
                if (yFrac != 2) {
                    j = (j + clip(((row == 2 ? c : e) + 16) >> 5) + 1) >> 1;
                }
                dst[d] = (byte) j;
                a = b;
                b = c;
                c = e;
                e = f;
                f = g;
            }
        }
    }

    /**
     * j for i and k from the unrounded vertical intermediates h1 of columns -2 .. w+2 (t, stride 21); i averages with
     * h, k with m (h one column right).
     */
    private void centreFromColumns(byte[] s, int off, int stride, int w, int h, int xFrac, byte[] dst, int dOff,
                                   int ds) {
        int[] t = tmp;
        for (int c = 0; c < w + 5; c++) {
            columnTaps(s, off - 2 + c, stride, h, t, c, EDGE_STRIDE);
        }
        boolean right = xFrac == 3;
        for (int y = 0; y < h; y++) {
            int o = EDGE_STRIDE * y;
            int d = dOff + y * ds;
            int a = t[o];
            int b = t[o + 1];
            int c = t[o + 2];
            int e = t[o + 3];
            int f = t[o + 4];
            for (int x = 0; x < w; x++) {
                int g = t[o + x + 5];
                int j = clip((a + g - 5 * (b + f) + 20 * (c + e) + 512) >> 10);
                dst[d + x] = (byte) ((j + clip(((right ? e : c) + 16) >> 5) + 1) >> 1);
                a = b;
                b = c;
                c = e;
                e = f;
                f = g;
            }
        }
    }
}
