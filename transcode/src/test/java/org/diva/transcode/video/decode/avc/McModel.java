package org.diva.transcode.video.decode.avc;

/**
 * The judge for motion compensation tests: 14496-10 8.4.2.2 evaluated one sample at a time, exactly as the standard
 * writes it (Figure 8-4 sample names, equations 8-239 to 8-266, Table 8-12), with no shared code or structure with
 * the production kernels.
 */
final class McModel {
    private final byte[] plane;
    private final int width;
    private final int height;

    McModel(byte[] plane, int width, int height) {
        this.plane = plane;
        this.width = width;
        this.height = height;
    }

    /** 8-239/8-240: integer sample with coordinates clamped into the picture. */
    int g(int x, int y) {
        int cx = Math.min(Math.max(x, 0), width - 1);
        int cy = Math.min(Math.max(y, 0), height - 1);
        return plane[cy * width + cx] & 0xFF;
    }

    private static int tap(int e, int f, int g, int h, int i, int j) {
        return e - 5 * f + 20 * g + 20 * h - 5 * i + j;
    }

    private static int clip(int v) {
        return Math.min(Math.max(v, 0), 255);
    }

    private int b1(int x, int y) {
        return tap(g(x - 2, y), g(x - 1, y), g(x, y), g(x + 1, y), g(x + 2, y), g(x + 3, y));
    }

    private int h1(int x, int y) {
        return tap(g(x, y - 2), g(x, y - 1), g(x, y), g(x, y + 1), g(x, y + 2), g(x, y + 3));
    }

    /** 8-243. */
    int b(int x, int y) {
        return clip((b1(x, y) + 16) >> 5);
    }

    /** 8-244. */
    int h(int x, int y) {
        return clip((h1(x, y) + 16) >> 5);
    }

    /** 8-245 (j1 from the b1 column) and 8-247. */
    int j(int x, int y) {
        return clip((tap(b1(x, y - 2), b1(x, y - 1), b1(x, y), b1(x, y + 1), b1(x, y + 2), b1(x, y + 3)) + 512) >> 10);
    }

    /** Table 8-12: the luma sample at integer (x, y) plus (xFrac, yFrac) quarter samples. */
    int luma(int x, int y, int xFrac, int yFrac) {
        int gg = g(x, y);
        int bb = b(x, y);
        int hh = h(x, y);
        int jj = j(x, y);
        int s = b(x, y + 1);
        int m = h(x + 1, y);
        int bigH = g(x + 1, y);
        int bigM = g(x, y + 1);
        int[][] table = {
            // yFrac 0..3 for xFrac 0
            {gg, (gg + hh + 1) >> 1, hh, (bigM + hh + 1) >> 1},
            // xFrac 1: a, e, i, p
            {(gg + bb + 1) >> 1, (bb + hh + 1) >> 1, (hh + jj + 1) >> 1, (hh + s + 1) >> 1},
            // xFrac 2: b, f, j, q
            {bb, (bb + jj + 1) >> 1, jj, (jj + s + 1) >> 1},
            // xFrac 3: c, g, k, r
            {(bigH + bb + 1) >> 1, (bb + m + 1) >> 1, (jj + m + 1) >> 1, (m + s + 1) >> 1},
        };
        return table[xFrac][yFrac];
    }

    /** 8-266 with the clamped samples A, B, C, D of 8-262 to 8-265. */
    int chroma(int x, int y, int xFrac, int yFrac) {
        return ((8 - xFrac) * (8 - yFrac) * g(x, y) + xFrac * (8 - yFrac) * g(x + 1, y)
                + (8 - xFrac) * yFrac * g(x, y + 1) + xFrac * yFrac * g(x + 1, y + 1) + 32) >> 6;
    }
}
