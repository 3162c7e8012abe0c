package org.diva.transcode.video.decode.avc;

/**
 * Intra_16x16 luma prediction (14496-10 8.3.3: vertical, horizontal, DC, plane) and 4:2:0 chroma prediction (8.3.4:
 * DC per 4x4 block, horizontal, vertical, plane), written straight into the picture planes.
 *
 * <p>Plane prediction fits a plane through the edge samples: H and V are weighted differences across the centre of
 * the top and left edges (p[-1, -1] standing in for index -1), a = 16 * (p[-1, n-1] + p[n-1, -1]), the gradients are
 * b = (5 * H + 32) >> 6 for luma and (34 * H + 32) >> 6 for 4:2:0 chroma, and each sample is
 * Clip1((a + b * (x - c) + c' * (y - c) + 16) >> 5) around the centre c = n/2 - 1. Chroma DC is computed per 4x4 block
 * with the corner rules of 8.3.4.1-3: blocks on the diagonal average both edges, the top-right block prefers its top
 * edge and the bottom-left block its left edge.
 */
final class IntraLarge {
    private IntraLarge() {
    }

    /** Intra_16x16 prediction of the macroblock whose top-left luma sample is {@code p[o]}. */
    static void luma16(int mode, byte[] p, int o, int stride, boolean left, boolean top) {
        switch (mode) {
            case 0 -> vertical(p, o, stride, 16, top);
            case 1 -> horizontal(p, o, stride, 16, left);
            case 2 -> {
                int sumTop = top ? sumTop(p, o, stride, 0, 16) : 0;
                int sumLeft = left ? sumLeft(p, o, stride, 0, 16) : 0;
                int dc = left && top ? (sumTop + sumLeft + 16) >> 5 : left ? (sumLeft + 8) >> 4
                        : top ? (sumTop + 8) >> 4 : 128;
                IntraNxN.fill(p, o, stride, 16, dc);
            }
            default -> plane(p, o, stride, 16, left && top);
        }
    }

    /** Chroma prediction (intra_chroma_pred_mode) of one 8x8 chroma block whose top-left sample is {@code p[o]}. */
    static void chroma8(int mode, byte[] p, int o, int stride, boolean left, boolean top) {
        switch (mode) {
            case 0 -> {
                for (int b = 0; b < 4; b++) {
                    int bx = (b & 1) * 4;
                    int by = (b >> 1) * 4;
                    int sumTop = top ? sumTop(p, o, stride, bx, 4) : 0;
                    int sumLeft = left ? sumLeft(p, o, stride, by, 4) : 0;
                    int dc;
                    if (b == 1) {
                        dc = top ? (sumTop + 2) >> 2 : left ? (sumLeft + 2) >> 2 : 128;
                    } else if (b == 2) {
                        dc = left ? (sumLeft + 2) >> 2 : top ? (sumTop + 2) >> 2 : 128;
                    } else {
                        dc = left && top ? (sumTop + sumLeft + 4) >> 3 : left ? (sumLeft + 2) >> 2
                                : top ? (sumTop + 2) >> 2 : 128;
                    }
                    IntraNxN.fill(p, o + by * stride + bx, stride, 4, dc);
                }
            }
            case 1 -> horizontal(p, o, stride, 8, left);
            case 2 -> vertical(p, o, stride, 8, top);
            default -> plane(p, o, stride, 8, left && top);
        }
    }

    private static int sumTop(byte[] p, int o, int stride, int from, int n) {
        int s = 0;
        for (int x = from; x < from + n; x++) {
            s += p[o - stride + x] & 0xFF;
        }
        return s;
    }

    private static int sumLeft(byte[] p, int o, int stride, int from, int n) {
        int s = 0;
        for (int y = from; y < from + n; y++) {
            s += p[o + y * stride - 1] & 0xFF;
        }
        return s;
    }

    private static void vertical(byte[] p, int o, int stride, int n, boolean top) {
        if (!top) {
            IntraNxN.fill(p, o, stride, n, 128); // not allowed by the standard; deterministic for broken streams
            return;
        }
        for (int y = 0; y < n; y++) {
            System.arraycopy(p, o - stride, p, o + y * stride, n);
        }
    }

    private static void horizontal(byte[] p, int o, int stride, int n, boolean left) {
        for (int y = 0; y < n; y++) {
            int q = o + y * stride;
            byte v = left ? p[q - 1] : (byte) 128;
            for (int x = 0; x < n; x++) {
                p[q + x] = v;
            }
        }
    }

    private static void plane(byte[] p, int o, int stride, int n, boolean available) {
        if (!available) {
            IntraNxN.fill(p, o, stride, n, 128);
            return;
        }
        int half = n >> 1;
        int h = 0;
        int v = 0;
        int top = o - stride;
        for (int i = 0; i < half; i++) {
            // index half - 2 - i reaches -1 for the last i: p[-1, -1], the top-left corner sample.
            h += (i + 1) * ((p[top + half + i] & 0xFF) - (p[top + half - 2 - i] & 0xFF));
            v += (i + 1) * ((p[o + (half + i) * stride - 1] & 0xFF) - (p[o + (half - 2 - i) * stride - 1] & 0xFF));
        }
        int a = 16 * ((p[o + (n - 1) * stride - 1] & 0xFF) + (p[top + n - 1] & 0xFF));
        int mul = n == 16 ? 5 : 34;
        int b = (mul * h + 32) >> 6;
        int c = (mul * v + 32) >> 6;
        int centre = half - 1;
        for (int y = 0; y < n; y++) {
            int base = a + c * (y - centre) - b * centre + 16;
            int q = o + y * stride;
            for (int x = 0; x < n; x++) {
                p[q + x] = InverseTransform.clip((base + b * x) >> 5);
            }
        }
    }
}
