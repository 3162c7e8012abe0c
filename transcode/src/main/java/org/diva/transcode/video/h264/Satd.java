package org.diva.transcode.video.h264;

/**
 * Sum of absolute 4x4 Hadamard-transformed differences, halved: a cheap stand-in for the bits a residual costs
 * after the integer transform, used (as x264 does) to compare intra modes and intra against inter.
 */
final class Satd {
    private Satd() {
    }

    /** SATD of the {@code n}x{@code n} blocks a and b (int arrays with stride n), n a multiple of 4. */
    static int of(int[] a, int ao, int[] b, int bo, int n) {
        int total = 0;
        for (int by = 0; by < n; by += 4) {
            for (int bx = 0; bx < n; bx += 4) {
                total += block(a, ao + by * n + bx, b, bo + by * n + bx, n);
            }
        }
        return total >> 1;
    }

    private static int block(int[] a, int ao, int[] b, int bo, int stride) {
        int t0 = 0;
        int t1 = 0;
        int t2 = 0;
        int t3 = 0;
        int t4 = 0;
        int t5 = 0;
        int t6 = 0;
        int t7 = 0;
        int t8 = 0;
        int t9 = 0;
        int t10 = 0;
        int t11 = 0;
        int t12 = 0;
        int t13 = 0;
        int t14 = 0;
        int t15 = 0;
        for (int y = 0; y < 4; y++) {
            int o = y * stride;
            int d0 = a[ao + o] - b[bo + o];
            int d1 = a[ao + o + 1] - b[bo + o + 1];
            int d2 = a[ao + o + 2] - b[bo + o + 2];
            int d3 = a[ao + o + 3] - b[bo + o + 3];
            int s01 = d0 + d1;
            int m01 = d0 - d1;
            int s23 = d2 + d3;
            int m23 = d2 - d3;
            int h0 = s01 + s23;
            int h1 = s01 - s23;
            int h2 = m01 - m23;
            int h3 = m01 + m23;
            // Vertical butterflies accumulate row y with the signs of Hadamard row k.
            switch (y) {
                case 0 -> {
                    t0 = h0; t1 = h1; t2 = h2; t3 = h3;
                    t4 = h0; t5 = h1; t6 = h2; t7 = h3;
                    t8 = h0; t9 = h1; t10 = h2; t11 = h3;
                    t12 = h0; t13 = h1; t14 = h2; t15 = h3;
                }
                case 1 -> {
                    t0 += h0; t1 += h1; t2 += h2; t3 += h3;
                    t4 += h0; t5 += h1; t6 += h2; t7 += h3;
                    t8 -= h0; t9 -= h1; t10 -= h2; t11 -= h3;
                    t12 -= h0; t13 -= h1; t14 -= h2; t15 -= h3;
                }
                case 2 -> {
                    t0 += h0; t1 += h1; t2 += h2; t3 += h3;
                    t4 -= h0; t5 -= h1; t6 -= h2; t7 -= h3;
                    t8 -= h0; t9 -= h1; t10 -= h2; t11 -= h3;
                    t12 += h0; t13 += h1; t14 += h2; t15 += h3;
                }
                default -> {
                    t0 += h0; t1 += h1; t2 += h2; t3 += h3;
                    t4 -= h0; t5 -= h1; t6 -= h2; t7 -= h3;
                    t8 += h0; t9 += h1; t10 += h2; t11 += h3;
                    t12 -= h0; t13 -= h1; t14 -= h2; t15 -= h3;
                }
            }
        }
        return Math.abs(t0) + Math.abs(t1) + Math.abs(t2) + Math.abs(t3) + Math.abs(t4) + Math.abs(t5)
                + Math.abs(t6) + Math.abs(t7) + Math.abs(t8) + Math.abs(t9) + Math.abs(t10) + Math.abs(t11)
                + Math.abs(t12) + Math.abs(t13) + Math.abs(t14) + Math.abs(t15);
    }
}
