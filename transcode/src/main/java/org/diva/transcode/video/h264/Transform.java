package org.diva.transcode.video.h264;

/**
 * The integer transforms of ISO/IEC 14496-10: the 4x4 core transform and its exact inverse (clause 8.5.12.2, rows
 * then columns, with the >> 1 on odd terms and the final (x + 32) >> 6 that decoders apply bit for bit), and the
 * Hadamard transforms of the Intra16x16 luma DC (8.5.10) and 4:2:0 chroma DC (8.5.11.1) coefficients. Blocks are
 * 16 ints in raster order at an offset of a larger array.
 */
final class Transform {
    /** Zig-zag scan of a 4x4 frame block (Table 8-13): scan index to raster index. */
    static final int[] ZIGZAG = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};

    private Transform() {
    }

    /** Forward core transform Cf·X·CfT, in place. */
    static void forward4x4(int[] d, int o) {
        for (int i = 0; i < 4; i++) {
            int r = o + i * 4;
            int s03 = d[r] + d[r + 3];
            int d03 = d[r] - d[r + 3];
            int s12 = d[r + 1] + d[r + 2];
            int d12 = d[r + 1] - d[r + 2];
            d[r] = s03 + s12;
            d[r + 1] = 2 * d03 + d12;
            d[r + 2] = s03 - s12;
            d[r + 3] = d03 - 2 * d12;
        }
        for (int i = 0; i < 4; i++) {
            int c = o + i;
            int s03 = d[c] + d[c + 12];
            int d03 = d[c] - d[c + 12];
            int s12 = d[c + 4] + d[c + 8];
            int d12 = d[c + 4] - d[c + 8];
            d[c] = s03 + s12;
            d[c + 4] = 2 * d03 + d12;
            d[c + 8] = s03 - s12;
            d[c + 12] = d03 - 2 * d12;
        }
    }

    /** Inverse core transform of scaled coefficients into residuals, exactly as 8.5.12.2 specifies, in place. */
    static void inverse4x4(int[] d, int o) {
        for (int i = 0; i < 4; i++) {
            int r = o + i * 4;
            int e0 = d[r] + d[r + 2];
            int e1 = d[r] - d[r + 2];
            int e2 = (d[r + 1] >> 1) - d[r + 3];
            int e3 = d[r + 1] + (d[r + 3] >> 1);
            d[r] = e0 + e3;
            d[r + 1] = e1 + e2;
            d[r + 2] = e1 - e2;
            d[r + 3] = e0 - e3;
        }
        for (int i = 0; i < 4; i++) {
            int c = o + i;
            int e0 = d[c] + d[c + 8];
            int e1 = d[c] - d[c + 8];
            int e2 = (d[c + 4] >> 1) - d[c + 12];
            int e3 = d[c + 4] + (d[c + 12] >> 1);
            d[c] = (e0 + e3 + 32) >> 6;
            d[c + 4] = (e1 + e2 + 32) >> 6;
            d[c + 8] = (e1 - e2 + 32) >> 6;
            d[c + 12] = (e0 - e3 + 32) >> 6;
        }
    }

    /** 4x4 Hadamard of the luma DC image; {@code halve} rounds and halves as the forward direction wants. */
    static void hadamard4x4(int[] d, boolean halve) {
        for (int i = 0; i < 4; i++) {
            int r = i * 4;
            int s01 = d[r] + d[r + 1];
            int d01 = d[r] - d[r + 1];
            int s23 = d[r + 2] + d[r + 3];
            int d23 = d[r + 2] - d[r + 3];
            d[r] = s01 + s23;
            d[r + 1] = s01 - s23;
            d[r + 2] = d01 - d23;
            d[r + 3] = d01 + d23;
        }
        for (int i = 0; i < 4; i++) {
            int s01 = d[i] + d[i + 4];
            int d01 = d[i] - d[i + 4];
            int s23 = d[i + 8] + d[i + 12];
            int d23 = d[i + 8] - d[i + 12];
            int a = s01 + s23;
            int b = s01 - s23;
            int c = d01 - d23;
            int e = d01 + d23;
            if (halve) {
                a = (a + 1) >> 1;
                b = (b + 1) >> 1;
                c = (c + 1) >> 1;
                e = (e + 1) >> 1;
            }
            d[i] = a;
            d[i + 4] = b;
            d[i + 8] = c;
            d[i + 12] = e;
        }
    }

    /** 2x2 Hadamard of a chroma DC image [c0 c1; c2 c3] (its own inverse up to scale), in place. */
    static void hadamard2x2(int[] d, int o) {
        int a = d[o];
        int b = d[o + 1];
        int c = d[o + 2];
        int e = d[o + 3];
        d[o] = a + b + c + e;
        d[o + 1] = a - b + c - e;
        d[o + 2] = a + b - c - e;
        d[o + 3] = a - b - c + e;
    }
}
