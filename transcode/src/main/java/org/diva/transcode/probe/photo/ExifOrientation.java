package org.diva.transcode.probe.photo;

/**
 * Composes display transforms (rotations, mirrorings) into the EXIF orientation that says the same. Every
 * composition of them is one of eight: an optional left-right mirror followed by a clockwise turn of 0, 90, 180
 * or 270 degrees, which EXIF numbers 1-8 (Exif 2.32, tag 0x0112).
 */
final class ExifOrientation {
    private boolean mirrored;
    private int clockwise;

    /** Then turns the picture anticlockwise (HEIF irot's direction). */
    void rotateAnticlockwise(int degrees) {
        clockwise = Math.floorMod(clockwise - degrees, 360);
    }

    /**
     * Then mirrors it: left-right about a vertical axis, or top-bottom about a horizontal one. A mirror after a
     * turn equals the mirror before the opposite turn; top-bottom is left-right and half a turn.
     */
    void mirror(boolean leftRight) {
        mirrored = !mirrored;
        clockwise = Math.floorMod((leftRight ? 0 : 180) - clockwise, 360);
    }

    int exifOrientation() {
        return switch (clockwise) {
            case 90 -> mirrored ? 7 : 6;
            case 180 -> mirrored ? 4 : 3;
            case 270 -> mirrored ? 5 : 8;
            default -> mirrored ? 2 : 1;
        };
    }
}
