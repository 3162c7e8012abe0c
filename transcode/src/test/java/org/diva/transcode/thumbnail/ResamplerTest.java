package org.diva.transcode.thumbnail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The box filter: exact area means when shrinking, linear steps when enlarging, flat stays flat. */
class ResamplerTest {
    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        Plane source = Plane.of(bytes(10, 20, 30, 50, 30, 40, 70, 90), 4, 2);
        assertArrayEquals(bytes(25, 60), Resampler.resize(source, 2, 1).data());
    }

    @Test
    void aThirdOfTheWayCountsFractionalEdges() {
        // 3 pixels into 2: each target covers 1.5 source pixels, the middle one split between them
        Plane source = Plane.of(bytes(0, 90, 180), 3, 1);
        assertArrayEquals(bytes(30, 150), Resampler.resize(source, 2, 1).data());
    }

    @Test
    void enlargingInterpolatesLinearlyBetweenCentres() {
        Plane source = Plane.of(bytes(0, 100), 2, 1);
        // target centres at source 0.25, 0.75, 1.25, 1.75: clamped, 1/4 and 3/4 of the way, clamped
        assertArrayEquals(bytes(0, 25, 75, 100), Resampler.resize(source, 4, 1).data());
    }

    @Test
    void aFlatPlaneStaysFlatAtAnySize() {
        byte[] grey = new byte[37 * 23];
        java.util.Arrays.fill(grey, (byte) 200);
        Plane scaled = Resampler.resize(Plane.of(grey, 37, 23), 11, 7);
        for (byte b : scaled.data()) {
            assertEquals(200, b & 0xff);
        }
    }

    @Test
    void readsJCodecsSignedSamplesThroughTheBias() {
        Plane jcodec = new Plane(new byte[] {-128, 127, 0, -28}, 0, 2, 2, 2, 128);
        assertEquals(0, jcodec.sample(0, 0));
        assertEquals(255, jcodec.sample(1, 0));
        assertEquals(128, jcodec.sample(0, 1));
        assertEquals(100, jcodec.sample(1, 1));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
