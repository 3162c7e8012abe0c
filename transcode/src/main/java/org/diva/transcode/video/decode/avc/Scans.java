package org.diva.transcode.video.decode.avc;

/**
 * The frame zig-zag scans (14496-10 8.5.6, Tables 8-12 and 8-13): scan position to raster position inside the block
 * ({@code x + 4y}, {@code x + 8y}). Coefficient parsers and scaling lists are both sent in this order.
 */
final class Scans {
    static final int[] ZIGZAG_4X4 = zigzag(4);
    static final int[] ZIGZAG_8X8 = zigzag(8);

    private Scans() {
    }

    /** Anti-diagonals, alternating direction, starting rightwards. */
    private static int[] zigzag(int n) {
        int[] scan = new int[n * n];
        int i = 0;
        for (int d = 0; d < 2 * n - 1; d++) {
            for (int k = 0; k <= d; k++) {
                int a = d - k;
                int x = (d & 1) == 0 ? k : a;
                int y = (d & 1) == 0 ? a : k;
                if (x < n && y < n) {
                    scan[i++] = x + n * y;
                }
            }
        }
        return scan;
    }
}
