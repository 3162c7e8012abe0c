package org.diva.transcode.thumbnail;

/** A picture's width and height in pixels. */
public record PixelSize(int width, int height) {
    public PixelSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("picture size must be positive, not " + width + "x" + height);
        }
    }

    /** The same picture turned a quarter. */
    public PixelSize transposed() {
        return new PixelSize(height, width);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
