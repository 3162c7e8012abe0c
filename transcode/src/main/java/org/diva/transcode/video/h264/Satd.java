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
        int s = 0;
        // Horizontal 4-point Hadamard of each row, then vertical across the four rows, column by column.
        int r0 = ao;
        int q0 = bo;
        int a00 = a[r0] - b[q0];
        int a01 = a[r0 + 1] - b[q0 + 1];
        int a02 = a[r0 + 2] - b[q0 + 2];
        int a03 = a[r0 + 3] - b[q0 + 3];
        int r1 = r0 + stride;
        int q1 = q0 + stride;
        int a10 = a[r1] - b[q1];
        int a11 = a[r1 + 1] - b[q1 + 1];
        int a12 = a[r1 + 2] - b[q1 + 2];
        int a13 = a[r1 + 3] - b[q1 + 3];
        int r2 = r1 + stride;
        int q2 = q1 + stride;
        int a20 = a[r2] - b[q2];
        int a21 = a[r2 + 1] - b[q2 + 1];
        int a22 = a[r2 + 2] - b[q2 + 2];
        int a23 = a[r2 + 3] - b[q2 + 3];
        int r3 = r2 + stride;
        int q3 = q2 + stride;
        int a30 = a[r3] - b[q3];
        int a31 = a[r3 + 1] - b[q3 + 1];
        int a32 = a[r3 + 2] - b[q3 + 2];
        int a33 = a[r3 + 3] - b[q3 + 3];
        // rows
        int t0 = a00 + a01;
        int t1 = a00 - a01;
        int t2 = a02 + a03;
        int t3 = a02 - a03;
        int h00 = t0 + t2;
        int h01 = t0 - t2;
        int h02 = t1 - t3;
        int h03 = t1 + t3;
        t0 = a10 + a11;
        t1 = a10 - a11;
        t2 = a12 + a13;
        t3 = a12 - a13;
        int h10 = t0 + t2;
        int h11 = t0 - t2;
        int h12 = t1 - t3;
        int h13 = t1 + t3;
        t0 = a20 + a21;
        t1 = a20 - a21;
        t2 = a22 + a23;
        t3 = a22 - a23;
        int h20 = t0 + t2;
        int h21 = t0 - t2;
        int h22 = t1 - t3;
        int h23 = t1 + t3;
        t0 = a30 + a31;
        t1 = a30 - a31;
        t2 = a32 + a33;
        t3 = a32 - a33;
        int h30 = t0 + t2;
        int h31 = t0 - t2;
        int h32 = t1 - t3;
        int h33 = t1 + t3;
        s += column(h00, h10, h20, h30);
        s += column(h01, h11, h21, h31);
        s += column(h02, h12, h22, h32);
        s += column(h03, h13, h23, h33);
        return s;
    }

    private static int column(int c0, int c1, int c2, int c3) {
        int s01 = c0 + c1;
        int d01 = c0 - c1;
        int s23 = c2 + c3;
        int d23 = c2 - c3;
        return Math.abs(s01 + s23) + Math.abs(s01 - s23) + Math.abs(d01 - d23) + Math.abs(d01 + d23);
    }
}
