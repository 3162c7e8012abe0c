package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LumaMcTest {
    private static final int W = 48;
    private static final int H = 40;

    private static byte[] randomPlane(long seed, int w, int h) {
        byte[] p = new byte[w * h];
        new Random(seed).nextBytes(p);
        return p;
    }

    private static void assertBlock(McModel model, int xInt, int yInt, int xFrac, int yFrac, int w, int h,
                                    byte[] dst) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(model.luma(xInt + x, yInt + y, xFrac, yFrac), (dst[16 * y + x] & 0xFF),
                        "sample (" + x + ", " + y + ") of block at (" + xInt + ", " + yInt + ") frac (" + xFrac
                                + ", " + yFrac + ") " + w + "x" + h);
            }
        }
    }

    @Test
    void halfSampleOfARampIsTheSixTapValueComputedByHand() {
        // Row ... 10 20 30 40 50 60 ...: b between 30 and 40 is (10 - 100 + 600 + 800 - 250 + 60 + 16) >> 5 = 35.
        byte[] plane = new byte[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                plane[32 * y + x] = (byte) (10 * (x - 6) + 10 > 0 ? Math.min(10 * (x - 6) + 10, 255) : 0);
            }
        }
        // x = 8 holds 30, x = 9 holds 40; the block starts at x = 8.
        byte[] dst = new byte[256];
        new LumaMc().predict(plane, 32, 32, 8, 8, 2, 0, 4, 4, dst, 0, 16);
        assertEquals(35, (dst[0] & 0xFF));
        // a = (G + b + 1) >> 1 = (30 + 35 + 1) >> 1 = 33; c = (H + b + 1) >> 1 = (40 + 35 + 1) >> 1 = 38.
        new LumaMc().predict(plane, 32, 32, 8, 8, 1, 0, 4, 4, dst, 0, 16);
        assertEquals(33, (dst[0] & 0xFF));
        new LumaMc().predict(plane, 32, 32, 8, 8, 3, 0, 4, 4, dst, 0, 16);
        assertEquals(38, (dst[0] & 0xFF));
        // Columns are constant, so vertical filtering changes nothing: j = b, h = G.
        new LumaMc().predict(plane, 32, 32, 8, 8, 2, 2, 4, 4, dst, 0, 16);
        assertEquals(35, (dst[0] & 0xFF));
        new LumaMc().predict(plane, 32, 32, 8, 8, 0, 2, 4, 4, dst, 0, 16);
        assertEquals(30, (dst[0] & 0xFF));
    }

    @Test
    void centreSampleRoundsOnceFromUnroundedIntermediates() {
        // A single bright sample at (9, 9) of a black picture: j at (8, 8) sees it at taps (+1, +1) with weight
        // 20 * 20 = 400, so j = (400 * 255 + 512) >> 10 = 100. Rounding b first would give b = (20 * 255 + 16) >> 5
        // = 159 and then (20 * 159 + 16) >> 5 = 99.
        byte[] plane = new byte[32 * 32];
        plane[9 * 32 + 9] = (byte) 255;
        byte[] dst = new byte[256];
        new LumaMc().predict(plane, 32, 32, 8, 8, 2, 2, 4, 4, dst, 0, 16);
        assertEquals(100, (dst[0] & 0xFF));
        // One sample right the bright one is at tap 0 horizontally (weight 20): the same 100.
        assertEquals(100, (dst[1] & 0xFF));
        // At (7, 8) it is at tap +2 horizontally (-5) and +1 vertically (20): (-100 * 255 + 512) >> 10 < 0 -> 0.
        new LumaMc().predict(plane, 32, 32, 7, 8, 2, 2, 4, 4, dst, 0, 16);
        assertEquals(0, (dst[0] & 0xFF));
    }

    @Test
    void everyQuarterPositionMatchesTheStandardsEquationsInsideThePicture() {
        byte[] plane = randomPlane(1, W, H);
        McModel model = new McModel(plane, W, H);
        LumaMc mc = new LumaMc();
        byte[] dst = new byte[256];
        int[][] sizes = {{16, 16}, {16, 8}, {8, 16}, {8, 8}, {8, 4}, {4, 8}, {4, 4}};
        for (int yFrac = 0; yFrac < 4; yFrac++) {
            for (int xFrac = 0; xFrac < 4; xFrac++) {
                for (int[] size : sizes) {
                    mc.predict(plane, W, H, 5, 7, xFrac, yFrac, size[0], size[1], dst, 0, 16);
                    assertBlock(model, 5, 7, xFrac, yFrac, size[0], size[1], dst);
                }
            }
        }
    }

    @Test
    void everyQuarterPositionMatchesAcrossAndBeyondEveryEdge() {
        byte[] plane = randomPlane(2, W, H);
        McModel model = new McModel(plane, W, H);
        LumaMc mc = new LumaMc();
        byte[] dst = new byte[256];
        int[][] origins = {{-3, 5}, {-16, -16}, {40, 30}, {W - 18, 2}, {0, 0}, {1, H - 16}, {W - 16, H - 16},
            {-200, 9}, {10, 5000}, {-100000, -100000}};
        for (int[] o : origins) {
            for (int yFrac = 0; yFrac < 4; yFrac++) {
                for (int xFrac = 0; xFrac < 4; xFrac++) {
                    mc.predict(plane, W, H, o[0], o[1], xFrac, yFrac, 16, 16, dst, 0, 16);
                    assertBlock(model, o[0], o[1], xFrac, yFrac, 16, 16, dst);
                    mc.predict(plane, W, H, o[0], o[1], xFrac, yFrac, 4, 8, dst, 0, 16);
                    assertBlock(model, o[0], o[1], xFrac, yFrac, 4, 8, dst);
                }
            }
        }
    }

    @Test
    void blockFarOutsideTheTopLeftRepeatsTheCornerSample() {
        byte[] plane = randomPlane(3, W, H);
        int corner = plane[0] & 0xFF;
        byte[] dst = new byte[256];
        for (int frac = 0; frac < 16; frac++) {
            new LumaMc().predict(plane, W, H, -5000, -70, frac & 3, frac >> 2, 16, 16, dst, 0, 16);
            for (int i = 0; i < 256; i++) {
                // A constant signal passes every filter unchanged: 32c >> 5, 1024c >> 10, (c + c + 1) >> 1.
                assertEquals(corner, (dst[i] & 0xFF), "fraction " + frac + " sample " + i);
            }
        }
    }
}
