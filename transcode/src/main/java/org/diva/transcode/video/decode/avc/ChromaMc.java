package org.diva.transcode.video.decode.avc;

/**
 * Chroma sample interpolation for motion compensation (14496-10 8.4.2.2.2): eighth-sample bilinear interpolation
 * {@code ((8 - xF)(8 - yF) A + xF (8 - yF) B + (8 - xF) yF C + xF yF D + 32) >> 6} (8-266) between the four integer
 * samples around the position, those outside the plane replaced by the nearest edge sample (8-262/8-263). As for
 * luma, blocks whose 1-sample footprint margin lies inside the plane are read directly; others through a clamped
 * copy. Single-threaded (scratch buffer).
 */
final class ChromaMc {
    private static final int EDGE_STRIDE = 9;
    private final byte[] edge = new byte[EDGE_STRIDE * EDGE_STRIDE];

    /**
     * Predicts a {@code w x h} chroma block (w, h in 2..8) at integer position (xInt, yInt) plus (xFrac, yFrac) in
     * eighth samples into {@code dst} at {@code dOff} with stride {@code ds}.
     */
    void predict(byte[] plane, int width, int height, int xInt, int yInt, int xFrac, int yFrac, int w, int h,
                 byte[] dst, int dOff, int ds) {
        byte[] s;
        int off;
        int stride;
        if (xInt >= 0 && yInt >= 0 && xInt + w + 1 <= width && yInt + h + 1 <= height) {
            s = plane;
            off = yInt * width + xInt;
            stride = width;
        } else {
            for (int r = 0; r <= h; r++) {
                int sy = clamp(yInt + r, height - 1) * width;
                for (int c = 0; c <= w; c++) {
                    edge[r * EDGE_STRIDE + c] = plane[sy + clamp(xInt + c, width - 1)];
                }
            }
            s = edge;
            off = 0;
            stride = EDGE_STRIDE;
        }
        if ((xFrac | yFrac) == 0) {
            SampleRows.copy(s, off, stride, dst, dOff, ds, w, h);
        } else if (yFrac == 0) {
            horizontal(s, off, stride, xFrac, w, h, dst, dOff, ds);
        } else if (xFrac == 0) {
            // A vertical-only position is the horizontal case turned by 90 degrees: step by rows instead of samples.
            vertical(s, off, stride, yFrac, w, h, dst, dOff, ds);
        } else {
            bilinear(s, off, stride, xFrac, yFrac, w, h, dst, dOff, ds);
        }
    }

    /*
     * The kernels run row by row so that loads and stores are sequential, and carry the right-hand sample of one
     * output over as the left-hand sample of the next. With one fraction 0, 8-266 loses two of its four terms and
     * (8 (xa A + xF B) + 32) >> 6 equals (xa A + xF B + 4) >> 3 exactly, so those cases do half the multiplies.
     */

    private static void horizontal(byte[] s, int off, int stride, int xFrac, int w, int h, byte[] dst, int dOff,
                                   int ds) {
        int xa = 8 - xFrac;
        for (int y = 0; y < h; y++, off += stride, dOff += ds) {
            int left = s[off] & 0xFF;
            for (int x = 0; x < w; x++) {
                int right = s[off + x + 1] & 0xFF;
                dst[dOff + x] = (byte) ((xa * left + xFrac * right + 4) >> 3);
                left = right;
            }
        }
    }

    private static void vertical(byte[] s, int off, int stride, int yFrac, int w, int h, byte[] dst, int dOff,
                                 int ds) {
        int ya = 8 - yFrac;
        for (int y = 0; y < h; y++, off += stride, dOff += ds) {
            int below = off + stride;
            for (int x = 0; x < w; x++) {
                dst[dOff + x] = (byte) ((ya * (s[off + x] & 0xFF) + yFrac * (s[below + x] & 0xFF) + 4) >> 3);
            }
        }
    }

    private static void bilinear(byte[] s, int off, int stride, int xFrac, int yFrac, int w, int h, byte[] dst,
                                 int dOff, int ds) {
        int wa = (8 - xFrac) * (8 - yFrac);
        int wb = xFrac * (8 - yFrac);
        int wc = (8 - xFrac) * yFrac;
        int wd = xFrac * yFrac;
        for (int y = 0; y < h; y++, off += stride, dOff += ds) {
            int below = off + stride;
            int a = s[off] & 0xFF;
            int c = s[below] & 0xFF;
            for (int x = 0; x < w; x++) {
                int b = s[off + x + 1] & 0xFF;
                int d = s[below + x + 1] & 0xFF;
                dst[dOff + x] = (byte) ((wa * a + wb * b + wc * c + wd * d + 32) >> 6);
                a = b;
                c = d;
            }
        }
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : v > max ? max : v;
    }
}
