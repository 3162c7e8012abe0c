package org.diva.transcode.thumbnail;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;

/**
 * Splits whatever ImageIO decoded (RGB, grey, palette, 16-bit, with or without alpha) into three 8-bit planes,
 * resamples them and joins them into an opaque RGB picture. Transparent pixels are laid on white, as a page shows
 * them. Grey is read from its raster as is: Java2D's conversion would treat its samples as linear light and
 * brighten it.
 */
final class RgbPlanes {
    private RgbPlanes() {
    }

    static BufferedImage scale(BufferedImage image, PixelSize target) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] r = new byte[w * h];
        byte[] g = new byte[w * h];
        byte[] b = new byte[w * h];
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        boolean grey = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && raster.getNumBands() <= 2;
        // what JPEG and most PNGs decode to: 8-bit sRGB samples, read straight from the raster (getRGB is 10x slower)
        boolean plainRgb = model instanceof ComponentColorModel && model.getColorSpace().isCS_sRGB()
                && (raster.getNumBands() == 3 || raster.getNumBands() == 4 && model.hasAlpha())
                && raster.getSampleModel().getSampleSize(0) == 8 && !model.isAlphaPremultiplied();
        int bands = raster.getNumBands();
        int[] samples = plainRgb ? new int[w * bands] : null;
        int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
        int[] row = new int[w];
        int[] alpha = new int[w];
        for (int y = 0; y < h; y++) {
            if (plainRgb) {
                raster.getPixels(0, y, w, 1, samples);
                for (int x = 0, i = 0; x < w; x++, i += bands) {
                    int a = bands == 4 ? samples[i + 3] : 255;
                    row[x] = a << 24 | samples[i] << 16 | samples[i + 1] << 8 | samples[i + 2];
                }
            } else if (grey) {
                raster.getSamples(0, y, w, 1, 0, row);
                if (raster.getNumBands() == 2) {
                    raster.getSamples(0, y, w, 1, 1, alpha);
                }
                for (int x = 0; x < w; x++) {
                    int v = row[x] >> shift;
                    int a = raster.getNumBands() == 2 ? alpha[x] >> shift : 255;
                    row[x] = a << 24 | v << 16 | v << 8 | v;
                }
            } else {
                image.getRGB(0, y, w, 1, row, 0, w); // sRGB, alpha not premultiplied
            }
            int at = y * w;
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                r[at + x] = (byte) overWhite(argb >> 16 & 0xff, a);
                g[at + x] = (byte) overWhite(argb >> 8 & 0xff, a);
                b[at + x] = (byte) overWhite(argb & 0xff, a);
            }
        }
        return join(Resampler.resize(Plane.of(r, w, h), target.width(), target.height()),
                Resampler.resize(Plane.of(g, w, h), target.width(), target.height()),
                Resampler.resize(Plane.of(b, w, h), target.width(), target.height()));
    }

    static BufferedImage join(Plane r, Plane g, Plane b) {
        int w = r.width();
        int h = r.height();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = r.sample(x, y) << 16 | g.sample(x, y) << 8 | b.sample(x, y);
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static int overWhite(int channel, int alpha) {
        return alpha == 255 ? channel : (channel * alpha + 255 * (255 - alpha) + 127) / 255;
    }
}
