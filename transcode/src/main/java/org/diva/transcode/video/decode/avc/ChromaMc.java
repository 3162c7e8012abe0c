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
            for (int y = 0; y < h; y++) {
                System.arraycopy(s, off + y * stride, dst, dOff + y * ds, w);
            }
            return;
        }
        // 8-266 factored: (8 - yF) * H(row) + yF * H(row + 1) with H = (8 - xF) * left + xF * right expands to
        // exactly the four products of the standard (no intermediate rounding), and each H serves two output rows.
        int xa = 8 - xFrac;
        int ya = 8 - yFrac;
        for (int x = 0; x < w; x++) {
            int p = off + x;
            int top = xa * (s[p] & 0xFF) + xFrac * (s[p + 1] & 0xFF);
            int d = dOff + x;
            for (int y = 0; y < h; y++, d += ds) {
                p += stride;
                int bottom = xa * (s[p] & 0xFF) + xFrac * (s[p + 1] & 0xFF);
                dst[d] = (byte) ((ya * top + yFrac * bottom + 32) >> 6);
                top = bottom;
            }
        }
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : v > max ? max : v;
    }
}
