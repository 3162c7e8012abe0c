package org.diva.transcode.video.h264;

/**
 * Intra prediction from reconstructed neighbours: the four Intra16x16 luma modes (ISO/IEC 14496-10 clause 8.3.3:
 * 0 vertical, 1 horizontal, 2 DC, 3 plane) and the four chroma modes (8.3.4: 0 DC per 4x4 block, 1 horizontal,
 * 2 vertical, 3 plane). Predictions are written as ints into a block-sized array.
 */
final class IntraPredictor {
    static final int V = 0;
    static final int H = 1;
    static final int DC = 2;
    static final int PLANE = 3;
    static final int CHROMA_DC = 0;
    static final int CHROMA_H = 1;
    static final int CHROMA_V = 2;
    static final int CHROMA_PLANE = 3;

    private IntraPredictor() {
    }

    /** Whether luma mode {@code mode} may be used with these neighbours. */
    static boolean lumaAllowed(int mode, boolean left, boolean top) {
        return switch (mode) {
            case V -> top;
            case H -> left;
            case PLANE -> left && top;
            default -> true;
        };
    }

    /** Whether chroma mode {@code mode} may be used with these neighbours. */
    static boolean chromaAllowed(int mode, boolean left, boolean top) {
        return switch (mode) {
            case CHROMA_V -> top;
            case CHROMA_H -> left;
            case CHROMA_PLANE -> left && top;
            default -> true;
        };
    }

    /** Predicts a 16x16 luma block whose top-left sample is {@code p[o]} into {@code pred[256]}. */
    static void luma16(int mode, byte[] p, int o, int stride, boolean left, boolean top, int[] pred) {
        switch (mode) {
            case V -> {
                for (int x = 0; x < 16; x++) {
                    int t = p[o - stride + x] & 0xFF;
                    for (int y = 0; y < 16; y++) {
                        pred[y * 16 + x] = t;
                    }
                }
            }
            case H -> {
                for (int y = 0; y < 16; y++) {
                    java.util.Arrays.fill(pred, y * 16, y * 16 + 16, p[o + y * stride - 1] & 0xFF);
                }
            }
            case DC -> java.util.Arrays.fill(pred, 0, 256, dc(p, o, stride, 16, left, top));
            default -> plane(p, o, stride, 16, pred);
        }
    }

    /** Predicts one 8x8 chroma block whose top-left sample is {@code p[o]} into {@code pred[64]}. */
    static void chroma8(int mode, byte[] p, int o, int stride, boolean left, boolean top, int[] pred) {
        switch (mode) {
            case CHROMA_V -> {
                for (int x = 0; x < 8; x++) {
                    int t = p[o - stride + x] & 0xFF;
                    for (int y = 0; y < 8; y++) {
                        pred[y * 8 + x] = t;
                    }
                }
            }
            case CHROMA_H -> {
                for (int y = 0; y < 8; y++) {
                    java.util.Arrays.fill(pred, y * 8, y * 8 + 8, p[o + y * stride - 1] & 0xFF);
                }
            }
            case CHROMA_DC -> chromaDc(p, o, stride, left, top, pred);
            default -> plane(p, o, stride, 8, pred);
        }
    }

    private static int dc(byte[] p, int o, int stride, int n, boolean left, boolean top) {
        int sum = 0;
        if (top) {
            for (int x = 0; x < n; x++) {
                sum += p[o - stride + x] & 0xFF;
            }
        }
        if (left) {
            for (int y = 0; y < n; y++) {
                sum += p[o + y * stride - 1] & 0xFF;
            }
        }
        int shift = n == 16 ? 4 : 3;
        if (top && left) {
            return (sum + n) >> (shift + 1);
        }
        return top || left ? (sum + n / 2) >> shift : 128;
    }

    /**
     * Chroma DC is predicted per 4x4 block (8.3.4.1-3): the top-left and bottom-right blocks average both edges,
     * the top-right block prefers its top edge and the bottom-left block its left edge.
     */
    private static void chromaDc(byte[] p, int o, int stride, boolean left, boolean top, int[] pred) {
        for (int b = 0; b < 4; b++) {
            int bx = (b & 1) * 4;
            int by = (b >> 1) * 4;
            int sumTop = 0;
            int sumLeft = 0;
            if (top) {
                for (int x = 0; x < 4; x++) {
                    sumTop += p[o - stride + bx + x] & 0xFF;
                }
            }
            if (left) {
                for (int y = 0; y < 4; y++) {
                    sumLeft += p[o + (by + y) * stride - 1] & 0xFF;
                }
            }
            int value;
            boolean preferTop = b == 1;
            boolean preferLeft = b == 2;
            if (preferTop) {
                value = top ? (sumTop + 2) >> 2 : left ? (sumLeft + 2) >> 2 : 128;
            } else if (preferLeft) {
                value = left ? (sumLeft + 2) >> 2 : top ? (sumTop + 2) >> 2 : 128;
            } else if (top && left) {
                value = (sumTop + sumLeft + 4) >> 3;
            } else if (top) {
                value = (sumTop + 2) >> 2;
            } else if (left) {
                value = (sumLeft + 2) >> 2;
            } else {
                value = 128;
            }
            for (int y = 0; y < 4; y++) {
                java.util.Arrays.fill(pred, (by + y) * 8 + bx, (by + y) * 8 + bx + 4, value);
            }
        }
    }

    /** Plane prediction (8.3.3.4 for n = 16, 8.3.4.4 for 4:2:0 chroma, n = 8). */
    private static void plane(byte[] p, int o, int stride, int n, int[] pred) {
        int half = n / 2;
        int h = 0;
        int v = 0;
        for (int i = 0; i < half; i++) {
            h += (i + 1) * ((p[o - stride + half + i] & 0xFF) - (p[o - stride + half - 2 - i] & 0xFF));
            v += (i + 1) * ((p[o + (half + i) * stride - 1] & 0xFF) - (p[o + (half - 2 - i) * stride - 1] & 0xFF));
        }
        int a = 16 * ((p[o + (n - 1) * stride - 1] & 0xFF) + (p[o - stride + n - 1] & 0xFF));
        int b;
        int c;
        if (n == 16) {
            b = (5 * h + 32) >> 6;
            c = (5 * v + 32) >> 6;
        } else {
            b = (34 * h + 32) >> 6;
            c = (34 * v + 32) >> 6;
        }
        int center = half - 1;
        for (int y = 0; y < n; y++) {
            int base = a + c * (y - center) + 16;
            for (int x = 0; x < n; x++) {
                int val = (base + b * (x - center)) >> 5;
                pred[y * n + x] = val < 0 ? 0 : val > 255 ? 255 : val;
            }
        }
    }
}
