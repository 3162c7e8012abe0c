package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The word-at-a-time copy and average against the per-sample formulas of 8.4.2.3.1, at unaligned offsets. */
class SampleRowsTest {
    @Test
    void averageMatchesTheFormulaForEveryPairOfSampleValues() {
        // 4096 rows of 16 samples: sample i pairs a = i >> 8 with b = i & 255, so every pair occurs once.
        byte[] a = new byte[65536];
        byte[] b = new byte[65536];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) (i >> 8);
            b[i] = (byte) i;
        }
        byte[] out = new byte[a.length];
        SampleRows.average(a, 0, 16, b, 0, 16, out, 0, 16, 16, 4096);
        for (int i = 0; i < out.length; i++) {
            assertEquals(((a[i] & 0xFF) + (b[i] & 0xFF) + 1) >> 1, out[i] & 0xFF, "sample " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8, 16})
    void averageAndCopyAtOddOffsetsAndStrides(int w) {
        Random r = new Random(w);
        for (int round = 0; round < 200; round++) {
            int h = 1 + r.nextInt(16);
            byte[] a = random(r, 600);
            byte[] b = random(r, 600);
            byte[] dst = random(r, 600);
            int ao = r.nextInt(7);
            int bo = r.nextInt(7);
            int d = r.nextInt(7);
            int as = w + r.nextInt(5);
            int bs = w + r.nextInt(5);
            int ds = w + r.nextInt(5);
            byte[] expected = dst.clone();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    expected[d + y * ds + x] = (byte) (((a[ao + y * as + x] & 0xFF) + (b[bo + y * bs + x] & 0xFF) + 1)
                            >> 1);
                }
            }
            byte[] actual = dst.clone();
            SampleRows.average(a, ao, as, b, bo, bs, actual, d, ds, w, h);
            assertArrayEquals(expected, actual, "average w " + w + " h " + h);

            byte[] inPlace = a.clone();
            SampleRows.averageInto(inPlace, ao, as, b, bo, bs, w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertEquals(((a[ao + y * as + x] & 0xFF) + (b[bo + y * bs + x] & 0xFF) + 1) >> 1,
                            inPlace[ao + y * as + x] & 0xFF);
                }
            }

            byte[] copied = dst.clone();
            byte[] expectCopy = dst.clone();
            for (int y = 0; y < h; y++) {
                System.arraycopy(a, ao + y * as, expectCopy, d + y * ds, w);
            }
            SampleRows.copy(a, ao, as, copied, d, ds, w, h);
            assertArrayEquals(expectCopy, copied, "copy w " + w + " h " + h);
        }
    }

    private static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
