package org.diva.transcode.thumbnail;

import java.util.Objects;

/**
 * A rectangle of 8-bit samples inside a byte array: one colour plane of a decoded picture (Y, Cb or Cr) or one channel
 * of an RGB image. {@code bias} is added to each stored byte to get the sample 0..255: 0 for ordinary unsigned bytes,
 * 128 for JCodec, which stores 8-bit samples as signed values minus 128.
 *
 * @param data   the samples, row after row
 * @param offset the index of the rectangle's top-left sample
 * @param stride the distance between rows in {@code data}
 */
record Plane(byte[] data, int offset, int stride, int width, int height, int bias) {
    Plane {
        Objects.requireNonNull(data, "data");
        if (width < 1 || height < 1 || stride < width || offset < 0
                || offset + (long) (height - 1) * stride + width > data.length) {
            throw new IllegalArgumentException("plane " + width + "x" + height + " at " + offset + " stride " + stride
                    + " does not fit in " + data.length + " bytes");
        }
    }

    /** A tightly packed plane of unsigned samples. */
    static Plane of(byte[] data, int width, int height) {
        return new Plane(data, 0, width, width, height, 0);
    }

    int sample(int x, int y) {
        return (data[offset + y * stride + x] + bias) & 0xff;
    }

    /** Copies row {@code y} as samples 0..255 into {@code row}. */
    void row(int y, float[] row) {
        int at = offset + y * stride;
        for (int x = 0; x < width; x++) {
            row[x] = (data[at + x] + bias) & 0xff;
        }
    }
}
