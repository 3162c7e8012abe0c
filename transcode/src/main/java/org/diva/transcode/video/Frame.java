package org.diva.transcode.video;

import java.util.Objects;

/**
 * A decoded 8-bit 4:2:0 picture: luma and two chroma planes, samples 0..255 stored as unsigned bytes, rows packed
 * without padding (stride = width for luma, (width + 1) / 2 for chroma).
 *
 * @param width  luma width in pixels, even
 * @param height luma height in pixels, even
 * @param pts    presentation time in {@link org.diva.transcode.stream.Ticks}
 */
public record Frame(int width, int height, byte[] y, byte[] u, byte[] v, long pts) {
    public Frame {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(v, "v");
        if (width <= 0 || height <= 0 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("frame size must be positive and even: " + width + "x" + height);
        }
        int chroma = (width / 2) * (height / 2);
        if (y.length != width * height || u.length != chroma || v.length != chroma) {
            throw new IllegalArgumentException("plane sizes " + y.length + "/" + u.length + "/" + v.length
                    + " do not fit " + width + "x" + height);
        }
    }

    /** A black frame (Y 16, chroma 128). */
    public static Frame black(int width, int height, long pts) {
        byte[] y = new byte[width * height];
        byte[] u = new byte[(width / 2) * (height / 2)];
        byte[] v = new byte[u.length];
        java.util.Arrays.fill(y, (byte) 16);
        java.util.Arrays.fill(u, (byte) 128);
        java.util.Arrays.fill(v, (byte) 128);
        return new Frame(width, height, y, u, v, pts);
    }
}
