package org.diva.transcode.thumbnail;

/**
 * How a video's Y'CbCr samples become R'G'B': the matrix (ITU-R BT.601 or BT.709, by their Kr and Kb) and the range
 * (limited 16..235/240, as video almost always is, or full 0..255, as JPEG-derived video is).
 */
enum YuvColor {
    BT601_LIMITED(0.299, 0.114, false),
    BT709_LIMITED(0.2126, 0.0722, false),
    BT601_FULL(0.299, 0.114, true),
    BT709_FULL(0.2126, 0.0722, true);

    private final float yScale;
    private final float yOffset;
    private final float crToR;
    private final float cbToG;
    private final float crToG;
    private final float cbToB;

    YuvColor(double kr, double kb, boolean full) {
        double kg = 1 - kr - kb;
        double ys = full ? 1 : 255.0 / 219;
        double cs = full ? 1 : 255.0 / 224;
        yScale = (float) ys;
        yOffset = full ? 0 : 16;
        crToR = (float) (2 * (1 - kr) * cs);
        cbToB = (float) (2 * (1 - kb) * cs);
        cbToG = (float) (2 * (1 - kb) * kb / kg * cs);
        crToG = (float) (2 * (1 - kr) * kr / kg * cs);
    }

    /**
     * The colour for an H.264 VUI: its matrix_coefficients (1 = BT.709; 5, 6 = BT.601) when present, else BT.601 for
     * standard definition and BT.709 from 720 lines up, as players guess; and its video_full_range_flag.
     */
    static YuvColor of(int matrixCoefficients, boolean fullRange, int height) {
        boolean bt709 = switch (matrixCoefficients) {
            case 1 -> true;
            case 5, 6 -> false;
            default -> height >= 720;
        };
        if (fullRange) {
            return bt709 ? BT709_FULL : BT601_FULL;
        }
        return bt709 ? BT709_LIMITED : BT601_LIMITED;
    }

    /** One pixel as 0xRRGGBB. */
    int rgb(int y, int cb, int cr) {
        float luma = (y - yOffset) * yScale;
        int u = cb - 128;
        int v = cr - 128;
        return clamp(luma + crToR * v) << 16 | clamp(luma - cbToG * u - crToG * v) << 8 | clamp(luma + cbToB * u);
    }

    private static int clamp(float value) {
        return Math.min(255, Math.max(0, Math.round(value)));
    }
}
