package org.diva.transcode.thumbnail;

import java.awt.image.BufferedImage;

/**
 * Shows a picture the way its EXIF orientation (Exif 2.32, tag 0x0112) says: 1 as stored, 2 mirrored left-right, 3
 * turned half, 4 mirrored top-bottom, 5 transposed, 6 turned a quarter clockwise, 7 transversed, 8 turned a quarter
 * anticlockwise. Video display matrices of 90, 180 and 270 degrees are orientations 6, 3 and 8.
 */
final class Orientation {
    private Orientation() {
    }

    /** Whether the shown picture is the stored one's height wide (orientations 5 to 8). */
    static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The EXIF orientation for a clockwise display turn of {@code degrees} (0, 90, 180, 270). */
    static int ofClockwiseTurn(int degrees) {
        return switch (Math.floorMod(degrees, 360)) {
            case 90 -> 6;
            case 180 -> 3;
            case 270 -> 8;
            default -> 1;
        };
    }

    /** The picture as shown; {@code image} itself when the orientation is 1 or unknown. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = swapsAxes(orientation);
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                // where stored pixel (x, y) is shown
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 4 -> { tx = x; ty = h - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = h - 1 - y; ty = x; }
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
                    default -> { tx = y; ty = w - 1 - x; } // 8
                }
                out.setRGB(tx, ty, row[x]);
            }
        }
        return out;
    }
}
