package org.diva.transcode.video.decode.avc;

/**
 * Intra_4x4 (14496-10 8.3.1.2) and Intra_8x8 (8.3.2.2) sample prediction, written straight into a picture plane.
 *
 * <p>Both sizes share one set of formulas: the standard's nine modes differ between 4x4 and 8x8 only in the block
 * size n (and 8x8 first low-pass filters its reference samples, 8.3.2.2.1). The neighbours are gathered into one edge
 * array so that every p[x, -1] and p[-1, y] of the standard is a single load: {@code e[n - 1 - y] = p[-1, y]},
 * {@code e[n] = p[-1, -1]}, {@code e[n + 1 + x] = p[x, -1]} for x = 0..2n-1. Above-right samples that are not available
 * are replaced by p[n-1, -1] before prediction (8.3.1.2 / 8.3.2.2), as the standard says; samples of unavailable
 * neighbours that a conforming stream never reads are set to 128 so a broken stream stays deterministic.
 */
final class IntraNxN {
    // 3 * 8 + 1 edge samples, plus one spare: Diagonal_Down_Left's general formula reads one past the edge for the
    // bottom-right sample before the special case overwrites it.
    private final int[] raw = new int[26];
    private final int[] filtered = new int[26];

    /**
     * Predicts the n x n block (n = 4 or 8) whose top-left sample is {@code p[o]}.
     *
     * @param left, top, topRight, topLeft availability of the neighbouring samples for intra prediction
     */
    void predict(int n, int mode, byte[] p, int o, int stride, boolean left, boolean top, boolean topRight,
                 boolean topLeft) {
        int[] e = raw;
        gather(e, n, p, o, stride, left, top, topRight, topLeft);
        if (n == 8) {
            filter(e, filtered, left, top, topLeft);
            e = filtered;
        }
        switch (mode) {
            case 0 -> {
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        p[o + y * stride + x] = (byte) e[n + 1 + x];
                    }
                }
            }
            case 1 -> {
                for (int y = 0; y < n; y++) {
                    byte v = (byte) e[n - 1 - y];
                    for (int x = 0; x < n; x++) {
                        p[o + y * stride + x] = v;
                    }
                }
            }
            case 2 -> fill(p, o, stride, n, dc(e, n, left, top));
            default -> directional(e, n, mode, p, o, stride);
        }
    }

    private static void gather(int[] e, int n, byte[] p, int o, int stride, boolean left, boolean top,
                               boolean topRight, boolean topLeft) {
        for (int y = 0; y < n; y++) {
            e[n - 1 - y] = left ? p[o + y * stride - 1] & 0xFF : 128;
        }
        e[n] = topLeft ? p[o - stride - 1] & 0xFF : 128;
        for (int x = 0; x < n; x++) {
            e[n + 1 + x] = top ? p[o - stride + x] & 0xFF : 128;
        }
        int last = e[2 * n];
        for (int x = n; x < 2 * n; x++) {
            e[n + 1 + x] = topRight ? p[o - stride + x] & 0xFF : last;
        }
    }

    /** Reference sample filtering for Intra_8x8 (8.3.2.2.1), from the raw edge e into f. */
    private static void filter(int[] e, int[] f, boolean left, boolean top, boolean topLeft) {
        int c = 8;
        if (top) {
            f[c + 1] = topLeft ? (e[c] + 2 * e[c + 1] + e[c + 2] + 2) >> 2 : (3 * e[c + 1] + e[c + 2] + 2) >> 2;
            for (int x = 1; x < 15; x++) {
                f[c + 1 + x] = (e[c + x] + 2 * e[c + 1 + x] + e[c + 2 + x] + 2) >> 2;
            }
            f[c + 16] = (e[c + 15] + 3 * e[c + 16] + 2) >> 2;
        } else {
            System.arraycopy(e, c + 1, f, c + 1, 16);
        }
        if (!topLeft) {
            f[c] = e[c];
        } else if (top && left) {
            f[c] = (e[c + 1] + 2 * e[c] + e[c - 1] + 2) >> 2;
        } else if (top) {
            f[c] = (3 * e[c] + e[c + 1] + 2) >> 2;
        } else if (left) {
            f[c] = (3 * e[c] + e[c - 1] + 2) >> 2;
        } else {
            f[c] = e[c];
        }
        if (left) {
            f[c - 1] = topLeft ? (e[c] + 2 * e[c - 1] + e[c - 2] + 2) >> 2 : (3 * e[c - 1] + e[c - 2] + 2) >> 2;
            for (int y = 1; y < 7; y++) {
                f[c - 1 - y] = (e[c - y] + 2 * e[c - 1 - y] + e[c - 2 - y] + 2) >> 2;
            }
            f[0] = (e[1] + 3 * e[0] + 2) >> 2;
        } else {
            System.arraycopy(e, 0, f, 0, 8);
        }
    }

    /** DC (mode 2): the rounded mean of the available top and left samples, 128 when neither is available. */
    private static int dc(int[] e, int n, boolean left, boolean top) {
        int sumTop = 0;
        int sumLeft = 0;
        for (int i = 0; i < n; i++) {
            sumTop += e[n + 1 + i];
            sumLeft += e[i];
        }
        int log = n == 4 ? 2 : 3;
        if (left && top) {
            return (sumTop + sumLeft + n) >> (log + 1);
        }
        if (left) {
            return (sumLeft + (n >> 1)) >> log;
        }
        return top ? (sumTop + (n >> 1)) >> log : 128;
    }

    static void fill(byte[] p, int o, int stride, int n, int value) {
        byte v = (byte) value;
        for (int y = 0; y < n; y++) {
            int q = o + y * stride;
            for (int x = 0; x < n; x++) {
                p[q + x] = v;
            }
        }
    }

    /**
     * Modes 3..8 exactly as the standard's equations, in terms of t(x) = p[x, -1] = e[t + x] and l(y) = p[-1, y] =
     * e[l - y]. The mode is chosen once per block, outside the sample loops.
     */
    private static void directional(int[] e, int n, int mode, byte[] p, int o, int stride) {
        switch (mode) {
            case 3 -> diagonalDownLeft(e, n, p, o, stride);
            case 4 -> diagonalDownRight(e, n, p, o, stride);
            case 5 -> verticalRight(e, n, p, o, stride);
            case 6 -> horizontalDown(e, n, p, o, stride);
            case 7 -> verticalLeft(e, n, p, o, stride);
            default -> horizontalUp(e, n, p, o, stride);
        }
    }

    private static void diagonalDownLeft(int[] e, int n, byte[] p, int o, int stride) {
        int t = n + 1;
        for (int y = 0; y < n; y++) {
            int q = o + y * stride;
            for (int x = 0; x < n; x++) {
                p[q + x] = (byte) ((e[t + x + y] + 2 * e[t + x + y + 1] + e[t + x + y + 2] + 2) >> 2);
            }
        }
        p[o + (n - 1) * stride + n - 1] = (byte) ((e[t + 2 * n - 2] + 3 * e[t + 2 * n - 1] + 2) >> 2);
    }

    /** The three cases of the standard's Diagonal_Down_Right are one 3-tap filter along the edge array. */
    private static void diagonalDownRight(int[] e, int n, byte[] p, int o, int stride) {
        for (int y = 0; y < n; y++) {
            int q = o + y * stride;
            for (int x = 0; x < n; x++) {
                int k = n + x - y;
                p[q + x] = (byte) ((e[k - 1] + 2 * e[k] + e[k + 1] + 2) >> 2);
            }
        }
    }

    private static void verticalRight(int[] e, int n, byte[] p, int o, int stride) {
        int t = n + 1;
        int l = n - 1;
        for (int y = 0; y < n; y++) {
            int q = o + y * stride;
            for (int x = 0; x < n; x++) {
                int z = 2 * x - y;
                int k = x - (y >> 1);
                int v;
                if (z >= 0 && (z & 1) == 0) {
                    v = (e[t + k - 1] + e[t + k] + 1) >> 1;
                } else if (z > 0) {
                    v = (e[t + k - 2] + 2 * e[t + k - 1] + e[t + k] + 2) >> 2;
                } else if (z == -1) {
                    v = (e[l] + 2 * e[n] + e[t] + 2) >> 2;
                } else {
                    int j = y - 2 * x;
                    v = (e[l - (j - 1)] + 2 * e[l - (j - 2)] + e[l - (j - 3)] + 2) >> 2;
                }
                p[q + x] = (byte) v;
            }
        }
    }

    private static void horizontalDown(int[] e, int n, byte[] p, int o, int stride) {
        int t = n + 1;
        int l = n - 1;
        for (int y = 0; y < n; y++) {
            int q = o + y * stride;
            for (int x = 0; x < n; x++) {
                int z = 2 * y - x;
                int k = y - (x >> 1);
                int v;
                if (z >= 0 && (z & 1) == 0) {
                    v = (e[l - (k - 1)] + e[l - k] + 1) >> 1;
                } else if (z > 0) {
                    v = (e[l - (k - 2)] + 2 * e[l - (k - 1)] + e[l - k] + 2) >> 2;
                } else if (z == -1) {
                    v = (e[l] + 2 * e[n] + e[t] + 2) >> 2;
                } else {
                    int j = x - 2 * y;
                    v = (e[t + j - 1] + 2 * e[t + j - 2] + e[t + j - 3] + 2) >> 2;
                }
                p[q + x] = (byte) v;
            }
        }
    }

    private static void verticalLeft(int[] e, int n, byte[] p, int o, int stride) {
        int t = n + 1;
        for (int y = 0; y < n; y++) {
            int q = o + y * stride;
            int h = t + (y >> 1);
            if ((y & 1) == 0) {
                for (int x = 0; x < n; x++) {
                    p[q + x] = (byte) ((e[h + x] + e[h + x + 1] + 1) >> 1);
                }
            } else {
                for (int x = 0; x < n; x++) {
                    p[q + x] = (byte) ((e[h + x] + 2 * e[h + x + 1] + e[h + x + 2] + 2) >> 2);
                }
            }
        }
    }

    private static void horizontalUp(int[] e, int n, byte[] p, int o, int stride) {
        int l = n - 1;
        int lim = 2 * n - 3;
        for (int y = 0; y < n; y++) {
            int q = o + y * stride;
            for (int x = 0; x < n; x++) {
                int z = x + 2 * y;
                int k = y + (x >> 1);
                int v;
                if (z > lim) {
                    v = e[l - (n - 1)];
                } else if (z == lim) {
                    v = (e[l - (n - 2)] + 3 * e[l - (n - 1)] + 2) >> 2;
                } else if ((z & 1) == 0) {
                    v = (e[l - k] + e[l - k - 1] + 1) >> 1;
                } else {
                    v = (e[l - k] + 2 * e[l - k - 1] + e[l - k - 2] + 2) >> 2;
                }
                p[q + x] = (byte) v;
            }
        }
    }
}
