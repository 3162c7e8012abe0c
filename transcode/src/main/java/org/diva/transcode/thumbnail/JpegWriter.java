package org.diva.transcode.thumbnail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes RGB pictures as DLNA requires (guidelines 7.1.6): baseline sequential JPEG in a JFIF file, 4:2:0 (the JDK
 * writer's default for three-component pictures), no EXIF or other metadata.
 */
final class JpegWriter {
    private final float quality;

    /** @param quality 0..1, as ImageIO's JPEG writer takes it; 0.85 keeps thumbnails clean at a few KB */
    JpegWriter(float quality) {
        if (!(quality > 0 && quality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], not " + quality);
        }
        this.quality = quality;
    }

    byte[] encode(BufferedImage rgb) throws IOException {
        if (rgb.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected an opaque RGB picture, got image type " + rgb.getType());
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no JPEG writer (javax.imageio)");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) { // not ImageIO's temp-file cache
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
