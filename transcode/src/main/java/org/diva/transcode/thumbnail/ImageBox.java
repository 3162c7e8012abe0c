package org.diva.transcode.thumbnail;

import java.util.Objects;

/**
 * The box a picture is scaled into, keeping its aspect ratio and never enlarging it. The constants are the DLNA
 * JPEG profiles (DLNA guidelines, Media Format Profiles, section 7.1): a renderer that asks for JPEG_SM expects a
 * picture no bigger than 640x480, and JPEG_TN is the thumbnail in DIDL-Lite's upnp:albumArtURI and res elements.
 *
 * @param dlnaProfile the profile name sent in DLNA.ORG_PN
 * @param maxWidth    the widest the picture may be, in pixels
 * @param maxHeight   the tallest the picture may be, in pixels
 */
public record ImageBox(String dlnaProfile, int maxWidth, int maxHeight) {
    public static final ImageBox JPEG_TN = new ImageBox("JPEG_TN", 160, 160);
    public static final ImageBox JPEG_SM = new ImageBox("JPEG_SM", 640, 480);
    public static final ImageBox JPEG_MED = new ImageBox("JPEG_MED", 1024, 768);
    public static final ImageBox JPEG_LRG = new ImageBox("JPEG_LRG", 4096, 4096);

    public ImageBox {
        Objects.requireNonNull(dlnaProfile, "dlnaProfile");
        if (maxWidth < 1 || maxHeight < 1 || maxWidth > 16384 || maxHeight > 16384) {
            throw new IllegalArgumentException("image box must be 1..16384 pixels each way, not "
                    + maxWidth + "x" + maxHeight);
        }
    }

    /**
     * The size a picture of this display size gets: as big as fits, aspect kept, rounded to whole pixels, never
     * bigger than the picture itself.
     *
     * @param width  display width; may be fractional for anamorphic video (stored width times pixel aspect)
     * @param height display height
     */
    public PixelSize fit(double width, double height) {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("picture size must be positive, not " + width + "x" + height);
        }
        double scale = Math.min(1, Math.min(maxWidth / width, maxHeight / height));
        int w = (int) Math.min(maxWidth, Math.max(1, Math.round(width * scale)));
        int h = (int) Math.min(maxHeight, Math.max(1, Math.round(height * scale)));
        return new PixelSize(w, h);
    }
}
