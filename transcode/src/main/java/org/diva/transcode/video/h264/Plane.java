package org.diva.transcode.video.h264;

/**
 * One picture plane with a replicated border of {@code pad} samples on every side, so motion compensation may
 * read outside the picture without clamping each coordinate (the decoder clamps, 8.4.2.2, which is the same as
 * reading a replicated border as long as vectors stay inside it).
 */
final class Plane {
    final int width;
    final int height;
    final int pad;
    final int stride;
    final byte[] px;

    Plane(int width, int height, int pad) {
        this.width = width;
        this.height = height;
        this.pad = pad;
        this.stride = width + 2 * pad;
        this.px = new byte[stride * (height + 2 * pad)];
    }

    /** Index of sample (x, y); x and y may be negative down to -pad. */
    int index(int x, int y) {
        return (y + pad) * stride + x + pad;
    }

    /** Replicates the edge samples into the border. */
    void extendBorders() {
        for (int y = 0; y < height; y++) {
            int row = index(0, y);
            java.util.Arrays.fill(px, row - pad, row, px[row]);
            java.util.Arrays.fill(px, row + width, row + width + pad, px[row + width - 1]);
        }
        int first = index(-pad, 0);
        int last = index(-pad, height - 1);
        for (int y = 1; y <= pad; y++) {
            System.arraycopy(px, first, px, first - y * stride, stride);
            System.arraycopy(px, last, px, last + y * stride, stride);
        }
    }

    /**
     * Copies a packed plane of {@code srcWidth} x {@code srcHeight} into this (larger or equal) plane, replicating
     * the right and bottom edges into the macroblock padding.
     */
    void load(byte[] src, int srcWidth, int srcHeight) {
        for (int y = 0; y < height; y++) {
            int sy = Math.min(y, srcHeight - 1);
            int row = index(0, y);
            System.arraycopy(src, sy * srcWidth, px, row, srcWidth);
            if (width > srcWidth) {
                java.util.Arrays.fill(px, row + srcWidth, row + width, src[sy * srcWidth + srcWidth - 1]);
            }
        }
    }
}
