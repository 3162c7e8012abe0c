package org.diva.transcode.thumbnail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a JPEG or PNG with ImageIO at the smallest size that still scales down well: the reader keeps only every
 * n-th pixel of every n-th row ({@link ImageReadParam#setSourceSubsampling}), n chosen so the decoded picture is at
 * least twice the target each way, and at most {@link #MAX_DECODED_PIXELS} whatever the target. A 12-megapixel
 * photo becomes a 334x250 raster on its way to a 160x120 thumbnail, so memory follows the target, not the photo.
 * The deadline is checked as rows arrive and aborts the reader when it has passed.
 */
final class PhotoDecoder {
    /** 16 MP: 48 MB as the reader's 3-byte raster, the most one picture may hold while it is scaled. */
    static final long MAX_DECODED_PIXELS = 16L << 20;
    /** Beyond a gigapixel the header is lying or the file is not a photo a TV shows. */
    static final long MAX_SOURCE_PIXELS = 1L << 30;

    private PhotoDecoder() {
    }

    /**
     * @param format      "jpeg" or "png"
     * @param orientation EXIF orientation, so the box is fitted to the picture as shown
     * @return the picture, scaled into the box and turned as shown
     */
    static BufferedImage decode(ImageInputStream in, String format, ImageBox box, int orientation, Deadline deadline,
                                String name) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no " + format + " reader (javax.imageio)");
        }
        ImageReader reader = readers.next();
        String what = name + " (" + format.toUpperCase(Locale.ROOT) + ")";
        try {
            reader.setInput(in, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IIOException | IndexOutOfBoundsException e) {
                throw damaged(what, "its header does not decode", e);
            }
            if ((long) width * height > MAX_SOURCE_PIXELS) {
                throw new ThumbnailException(ThumbnailException.Reason.TOO_BIG, String.format(Locale.ROOT,
                        "%s: %dx%d pixels is more than the %,d DiVA decodes", what, width, height, MAX_SOURCE_PIXELS));
            }
            PixelSize target = storedTarget(width, height, box, orientation);
            int step = subsampling(width, height, target);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            reader.addIIOReadProgressListener(new AbortWhenLate(deadline));
            deadline.check("decoding " + what);
            BufferedImage decoded;
            try {
                decoded = reader.read(0, param);
            } catch (IIOException | RuntimeException e) {
                if (e.getMessage() != null && e.getMessage().contains("Unsupported Image Type")) {
                    throw new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, what
                            + ": a CMYK or YCCK JPEG (as print workflows write), which Java's JPEG decoder cannot read",
                            e);
                }
                throw damaged(what, "the picture does not decode", e);
            }
            if (decoded == null || deadline.passed()) {
                throw deadline.tooSlow("finishing decoding " + what);
            }
            return Orientation.apply(RgbPlanes.scale(decoded, target), orientation);
        } finally {
            reader.dispose();
        }
    }

    /** The size to scale the stored picture to so that, turned as shown, it fits the box. */
    static PixelSize storedTarget(int width, int height, ImageBox box, int orientation) {
        return Orientation.swapsAxes(orientation) ? box.fit(height, width).transposed() : box.fit(width, height);
    }

    /** Keep every n-th pixel: at least twice the target each way, and no more than the decoding limit. */
    static int subsampling(int width, int height, PixelSize target) {
        int step = Math.max(1, Math.min(width / (2 * target.width()), height / (2 * target.height())));
        while ((long) ceilDiv(width, step) * ceilDiv(height, step) > MAX_DECODED_PIXELS) {
            step++;
        }
        return step;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static ThumbnailException damaged(String what, String problem, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ThumbnailException(ThumbnailException.Reason.DAMAGED, what + ": " + problem + " (" + detail + ")",
                e);
    }

    /** Aborts the read, between rows, once the deadline has passed. */
    private record AbortWhenLate(Deadline deadline) implements IIOReadProgressListener {
        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (deadline.passed()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }
}
