package org.diva.transcode.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.diva.transcode.probe.Fixtures;

/** The thumbnail fixtures (media/thumbnail, see make.sh there) and ways to judge a picture. */
final class Pictures {
    private Pictures() {
    }

    static Path fixture(String name) {
        return Fixtures.media("thumbnail/" + name);
    }

    static BufferedImage read(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            if (decoded == null) {
                throw new AssertionError("ImageIO cannot read the " + image.length + " bytes back");
            }
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Peak signal-to-noise ratio over R, G and B in dB: 10 log10(255^2 / mean squared error). Identical pictures
     * give infinity; two decoders' renderings of one frame are above 30; different pictures stay under 20.
     */
    static double psnr(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth() + "x" + a.getHeight(), b.getWidth() + "x" + b.getHeight(), "picture sizes");
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = (p >> shift & 0xff) - (q >> shift & 0xff);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * a.getWidth() * a.getHeight());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255 / mse);
    }

    /**
     * PSNR of luma alone (BT.601 weights). A 4:2:0 JPEG keeps luma whole but halves chroma, and decoders rebuild
     * chroma edges differently (ImageIO's libjpeg interpolates, ffmpeg's does not): a saturated test card decoded
     * by the two differs by 25 dB in RGB and not at all in luma.
     */
    static double lumaPsnr(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth() + "x" + a.getHeight(), b.getWidth() + "x" + b.getHeight(), "picture sizes");
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                double d = luma(a.getRGB(x, y)) - luma(b.getRGB(x, y));
                sum += d * d;
            }
        }
        double mse = sum / ((double) a.getWidth() * a.getHeight());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255 / mse);
    }

    private static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
    }

    /** DLNA's JPEG rules: a JFIF file, baseline sequential (SOF0), no EXIF or other APP segments after JFIF's. */
    static void assertBaselineJfif(byte[] jpeg) {
        assertTrue((jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8, "starts with SOI");
        boolean jfif = false;
        boolean sof0 = false;
        int at = 2;
        while (at + 4 <= jpeg.length) {
            int marker = ((jpeg[at] & 0xff) << 8) | (jpeg[at + 1] & 0xff);
            int length = ((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff);
            if (marker == 0xffe0) {
                jfif = new String(jpeg, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("JFIF");
            }
            assertFalse(marker >= 0xffe1 && marker <= 0xffef, String.format("no APP%d segment", marker - 0xffe0));
            assertFalse(marker == 0xffc2 || marker == 0xffc1 || marker == 0xffc3, "not progressive or extended");
            sof0 |= marker == 0xffc0;
            if (marker == 0xffda) {
                break; // scan data follows
            }
            at += 2 + length;
        }
        assertTrue(jfif, "JFIF APP0 first");
        assertTrue(sof0, "baseline SOF0");
    }

    /** A clock that moves on by {@code stepMillis} each time it is read: a thumbnail that reads it n times takes n steps. */
    static InstantSource steppingClock(long stepMillis) {
        AtomicLong now = new AtomicLong();
        return () -> Instant.ofEpochMilli(now.addAndGet(stepMillis));
    }
}
