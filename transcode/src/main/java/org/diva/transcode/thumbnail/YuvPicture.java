package org.diva.transcode.thumbnail;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A decoded 4:2:0 video picture, already cropped to what is shown: its three planes, how its samples map to colour,
 * the shape of its pixels and how the display turns it.
 *
 * @param pixelAspect width of a pixel over its height (4/3 for anamorphic 4:3-stored 16:9 video); 1 for square
 * @param turn        the EXIF orientation that says how to show it (1 upright, 6 a quarter turn clockwise, ...)
 */
record YuvPicture(Plane luma, Plane cb, Plane cr, YuvColor color, double pixelAspect, int turn) {
    YuvPicture {
        Objects.requireNonNull(color, "color");
        if (!(pixelAspect > 0.1 && pixelAspect < 10)) {
            pixelAspect = 1; // absent or absurd: square
        }
    }

    /**
     * The size to scale the stored planes to, before turning: the shown picture (stored width stretched by the pixel
     * aspect, turned if the display turns it) fitted into the box, then turned back.
     */
    PixelSize scaledSize(ImageBox box) {
        double width = luma.width() * pixelAspect;
        double height = luma.height();
        return Orientation.swapsAxes(turn) ? box.fit(height, width).transposed() : box.fit(width, height);
    }

    /**
     * Scales into {@code box} and converts to RGB. Each plane is resampled straight to the target size, chroma from
     * its own half resolution, and only then converted, as swscale does: cheaper than converting the whole frame.
     */
    BufferedImage toRgb(ImageBox box) {
        PixelSize stored = scaledSize(box);
        int w = stored.width();
        int h = stored.height();
        Plane y = Resampler.resize(luma, w, h);
        Plane u = Resampler.resize(cb, w, h);
        Plane v = Resampler.resize(cr, w, h);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                row[i] = color.rgb(y.sample(i, j), u.sample(i, j), v.sample(i, j));
            }
            image.setRGB(0, j, w, 1, row, 0, w);
        }
        return Orientation.apply(image, turn);
    }

    /**
     * Whether the picture shows next to nothing: nearly all of it one flat level (a black or faded frame, a title
     * card's empty background). Sampled on a grid, so it costs a few thousand reads at any size.
     */
    boolean isBlank() {
        int stepX = Math.max(1, luma.width() / 64);
        int stepY = Math.max(1, luma.height() / 64);
        long n = 0;
        long sum = 0;
        long squares = 0;
        for (int y = 0; y < luma.height(); y += stepY) {
            for (int x = 0; x < luma.width(); x += stepX) {
                int s = luma.sample(x, y);
                sum += s;
                squares += (long) s * s;
                n++;
            }
        }
        double mean = (double) sum / n;
        double variance = (double) squares / n - mean * mean;
        return variance < 16; // a standard deviation under 4 levels: flat, whatever its brightness
    }
}
