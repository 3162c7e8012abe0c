package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChromaMcTest {
    private static final int W = 24;
    private static final int H = 20;

    @Test
    void bilinearWeightsComputedByHand() {
        // A = 0, B = 64, C = 128, D = 192 around (4, 4).
        byte[] plane = new byte[16 * 16];
        plane[4 * 16 + 4] = 0;
        plane[4 * 16 + 5] = 64;
        plane[5 * 16 + 4] = (byte) 128;
        plane[5 * 16 + 5] = (byte) 192;
        byte[] dst = new byte[64];
        ChromaMc mc = new ChromaMc();
        // xFrac 4: (32 * 0 + 32 * 64 + 32) >> 6 = 32.
        mc.predict(plane, 16, 16, 4, 4, 4, 0, 2, 2, dst, 0, 8);
        assertEquals(32, (dst[0] & 0xFF));
        // xFrac 3, yFrac 5: (5*3*0 + 3*3*64 + 5*5*128 + 3*5*192 + 32) >> 6 = (576 + 3200 + 2880 + 32) >> 6 = 104.
        mc.predict(plane, 16, 16, 4, 4, 3, 5, 2, 2, dst, 0, 8);
        assertEquals(104, (dst[0] & 0xFF));
        // yFrac 7, xFrac 0: (8 * 1 * 0 + 8 * 7 * 128 + 32) >> 6 = 7200 >> 6 = 112.
        mc.predict(plane, 16, 16, 4, 4, 0, 7, 2, 2, dst, 0, 8);
        assertEquals(112, (dst[0] & 0xFF));
    }

    @Test
    void everyEighthPositionMatchesTheStandardInsideAndAtTheEdges() {
        byte[] plane = new byte[W * H];
        new Random(7).nextBytes(plane);
        McModel model = new McModel(plane, W, H);
        ChromaMc mc = new ChromaMc();
        byte[] dst = new byte[64];
        int[][] origins = {{3, 4}, {0, 0}, {W - 9, H - 9}, {W - 8, H - 8}, {-1, 3}, {-40, -40}, {W + 100, 2},
            {5, H - 1}, {-1_000_000, 1_000_000}};
        int[][] sizes = {{8, 8}, {8, 4}, {4, 8}, {4, 4}, {4, 2}, {2, 4}, {2, 2}};
        for (int[] o : origins) {
            for (int[] s : sizes) {
                for (int f = 0; f < 64; f++) {
                    int xf = f & 7;
                    int yf = f >> 3;
                    mc.predict(plane, W, H, o[0], o[1], xf, yf, s[0], s[1], dst, 0, 8);
                    for (int y = 0; y < s[1]; y++) {
                        for (int x = 0; x < s[0]; x++) {
                            assertEquals(model.chroma(o[0] + x, o[1] + y, xf, yf), (dst[8 * y + x] & 0xFF),
                                    "(" + x + ", " + y + ") at " + o[0] + "," + o[1] + " frac " + xf + "," + yf);
                        }
                    }
                }
            }
        }
    }
}
