package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The inverse transforms against results worked out by hand from 14496-10 8.5.12.2 and 8.5.13.2. */
class InverseTransformTest {

    @Test
    void dcOnly4x4AddsARoundedConstant() {
        byte[] p = filled(16, 100);
        int[] d = new int[16];
        d[0] = 64;                      // (64 + 32) >> 6 = 1
        InverseTransform.add4x4(d, p, 0, 4);
        for (byte b : p) {
            assertEquals(101, b & 0xFF);
        }
    }

    @Test
    void singleHorizontalFrequency4x4() {
        // d01 = 64: the row transform gives (64, 32, -32, -64); each column is then constant:
        // (64+32)>>6 = 1, (32+32)>>6 = 1, (-32+32)>>6 = 0, (-64+32)>>6 = -1.
        byte[] p = filled(16, 50);
        int[] d = new int[16];
        d[1] = 64;
        InverseTransform.add4x4(d, p, 0, 4);
        for (int y = 0; y < 4; y++) {
            assertEquals(51, p[4 * y] & 0xFF);
            assertEquals(51, p[4 * y + 1] & 0xFF);
            assertEquals(50, p[4 * y + 2] & 0xFF);
            assertEquals(49, p[4 * y + 3] & 0xFF);
        }
        // d10 = 64 is the transpose.
        p = filled(16, 50);
        d = new int[16];
        d[4] = 64;
        InverseTransform.add4x4(d, p, 0, 4);
        int[] rows = {51, 51, 50, 49};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(rows[y], p[4 * y + x] & 0xFF);
            }
        }
    }

    @Test
    void clipsToTheSampleRange() {
        byte[] p = filled(32, 250);
        int[] d = new int[16];
        d[0] = 64 * 20;
        InverseTransform.add4x4(d, p, 0, 8);
        assertEquals(255, p[0] & 0xFF);
        assertEquals(250, p[4] & 0xFF, "outside the block");
        p = filled(32, 3);
        InverseTransform.addDc(-64 * 20, p, 4, 8, 4);
        assertEquals(0, p[4] & 0xFF);
        assertEquals(3, p[0] & 0xFF);
    }

    @Test
    void dcOnly8x8() {
        byte[] p = filled(64, 10);
        int[] d = new int[64];
        d[0] = 64 * 3;                  // every butterfly output is 192: (192 + 32) >> 6 = 3
        InverseTransform.add8x8(d, p, 0, 8);
        for (byte b : p) {
            assertEquals(13, b & 0xFF);
        }
    }

    @Test
    void singleHorizontalFrequency8x8() {
        // d01 = 64: e3 = 64, e5 = -64, e7 = 96; f1 = 24, f3 = 48, f5 = 80, f7 = 96;
        // g = (96, 80, 48, 24, -24, -48, -80, -96) -> (x + 32) >> 6 = (2, 1, 1, 0, 0, -1, -1, -1) in every row.
        byte[] p = filled(64, 100);
        int[] d = new int[64];
        d[1] = 64;
        InverseTransform.add8x8(d, p, 0, 8);
        int[] expect = {102, 101, 101, 100, 100, 99, 99, 99};
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(expect[x], p[8 * y + x] & 0xFF, "(" + x + "," + y + ")");
            }
        }
        p = filled(64, 100);
        d = new int[64];
        d[8] = 64;                      // the transpose
        InverseTransform.add8x8(d, p, 0, 8);
        for (int y = 0; y < 8; y++) {
            assertEquals(expect[y], p[8 * y + 5] & 0xFF);
        }
    }

    private static byte[] filled(int n, int v) {
        byte[] p = new byte[n];
        Arrays.fill(p, (byte) v);
        return p;
    }
}
