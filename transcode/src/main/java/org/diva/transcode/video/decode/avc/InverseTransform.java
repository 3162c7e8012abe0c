package org.diva.transcode.video.decode.avc;

/**
 * The inverse transforms of 14496-10 8.5.12.2 (4x4) and 8.5.13.2 (8x8) fused with picture construction (8.5.14): the
 * scaled coefficients are transformed rows first, then columns, rounded with (x + 32) >> 6 and added to the
 * prediction already in the plane with clipping to 0..255. The transforms are the standard's butterflies exactly
 * (including the >> 1 and >> 2 on odd terms), so the result is bit-exact with every conforming decoder.
 */
final class InverseTransform {
    private InverseTransform() {
    }

    /** Inverse 4x4 transform of {@code d[0..16)} (raster; destroyed) added onto the 4x4 block at {@code p[o]}. */
    static void add4x4(int[] d, byte[] p, int o, int stride) {
        for (int r = 0; r < 16; r += 4) {
            int e0 = d[r] + d[r + 2];
            int e1 = d[r] - d[r + 2];
            int e2 = (d[r + 1] >> 1) - d[r + 3];
            int e3 = d[r + 1] + (d[r + 3] >> 1);
            d[r] = e0 + e3;
            d[r + 1] = e1 + e2;
            d[r + 2] = e1 - e2;
            d[r + 3] = e0 - e3;
        }
        for (int c = 0; c < 4; c++) {
            int e0 = d[c] + d[c + 8];
            int e1 = d[c] - d[c + 8];
            int e2 = (d[c + 4] >> 1) - d[c + 12];
            int e3 = d[c + 4] + (d[c + 12] >> 1);
            int q = o + c;
            p[q] = clip((p[q] & 0xFF) + ((e0 + e3 + 32) >> 6));
            q += stride;
            p[q] = clip((p[q] & 0xFF) + ((e1 + e2 + 32) >> 6));
            q += stride;
            p[q] = clip((p[q] & 0xFF) + ((e1 - e2 + 32) >> 6));
            q += stride;
            p[q] = clip((p[q] & 0xFF) + ((e0 - e3 + 32) >> 6));
        }
    }

    /** Adds the residual of a block whose only non-zero scaled coefficient is the DC: every sample gets (dc+32)>>6. */
    static void addDc(int dc, byte[] p, int o, int stride, int n) {
        int r = (dc + 32) >> 6;
        if (r == 0) {
            return;
        }
        for (int y = 0; y < n; y++) {
            int q = o + y * stride;
            for (int x = 0; x < n; x++) {
                p[q + x] = clip((p[q + x] & 0xFF) + r);
            }
        }
    }

    /** Inverse 8x8 transform of {@code d[0..64)} (raster; destroyed) added onto the 8x8 block at {@code p[o]}. */
    static void add8x8(int[] d, byte[] p, int o, int stride) {
        for (int r = 0; r < 64; r += 8) {
            butterfly8(d, r, 1);
        }
        for (int c = 0; c < 8; c++) {
            butterfly8(d, c, 8);
            int q = o + c;
            for (int y = 0; y < 8; y++) {
                p[q] = clip((p[q] & 0xFF) + ((d[c + 8 * y] + 32) >> 6));
                q += stride;
            }
        }
    }

    /** One 1-D 8-point inverse transform (8-325 .. 8-348) of d[o + k * step], k = 0..7, in place. */
    private static void butterfly8(int[] d, int o, int s) {
        int d0 = d[o];
        int d1 = d[o + s];
        int d2 = d[o + 2 * s];
        int d3 = d[o + 3 * s];
        int d4 = d[o + 4 * s];
        int d5 = d[o + 5 * s];
        int d6 = d[o + 6 * s];
        int d7 = d[o + 7 * s];
        int e0 = d0 + d4;
        int e1 = -d3 + d5 - d7 - (d7 >> 1);
        int e2 = d0 - d4;
        int e3 = d1 + d7 - d3 - (d3 >> 1);
        int e4 = (d2 >> 1) - d6;
        int e5 = -d1 + d7 + d5 + (d5 >> 1);
        int e6 = d2 + (d6 >> 1);
        int e7 = d3 + d5 + d1 + (d1 >> 1);
        int f0 = e0 + e6;
        int f1 = e1 + (e7 >> 2);
        int f2 = e2 + e4;
        int f3 = e3 + (e5 >> 2);
        int f4 = e2 - e4;
        int f5 = (e3 >> 2) - e5;
        int f6 = e0 - e6;
        int f7 = e7 - (e1 >> 2);
        d[o] = f0 + f7;
        d[o + s] = f2 + f5;
        d[o + 2 * s] = f4 + f3;
        d[o + 3 * s] = f6 + f1;
        d[o + 4 * s] = f6 - f1;
        d[o + 5 * s] = f4 - f3;
        d[o + 6 * s] = f2 - f5;
        d[o + 7 * s] = f0 - f7;
    }

    static byte clip(int v) {
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
}
