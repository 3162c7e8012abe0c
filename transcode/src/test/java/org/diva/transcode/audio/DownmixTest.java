package org.diva.transcode.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DownmixTest {
    private static float[][] mixOne(int inChannels, int outChannels, int hot) {
        float[] frame = new float[inChannels];
        frame[hot] = 1;
        return Downmix.of(inChannels, outChannels).apply(frame);
    }

    @Test
    void fivePointOneFollowsItuCoefficientsWithoutTheLfe() {
        float norm = 1 / (1 + 0.70710677f + 0.70710677f);
        // WAVE order: L R C LFE Ls Rs
        float[][] l = mixOne(6, 2, 0);
        assertEquals(norm, l[0][0], 1e-6);
        assertEquals(0, l[1][0], 1e-6);
        float[][] c = mixOne(6, 2, 2);
        assertEquals(0.70710677f * norm, c[0][0], 1e-6);
        assertEquals(0.70710677f * norm, c[1][0], 1e-6);
        float[][] lfe = mixOne(6, 2, 3);
        assertEquals(0, lfe[0][0], 1e-6);
        assertEquals(0, lfe[1][0], 1e-6);
        float[][] rs = mixOne(6, 2, 5);
        assertEquals(0, rs[0][0], 1e-6);
        assertEquals(0.70710677f * norm, rs[1][0], 1e-6);
    }

    @Test
    void fullScaleInEveryChannelCannotClip() {
        float[] frame = {1, 1, 1, 1, 1, 1};
        float[][] out = Downmix.of(6, 2).apply(frame);
        assertEquals(1, out[0][0], 1e-6);
        assertEquals(1, out[1][0], 1e-6);
    }

    @Test
    void stereoPassesAndMonoIsCopiedToBothSides() {
        float[][] stereo = Downmix.of(2, 2).apply(new float[] {0.25f, -0.5f});
        assertEquals(0.25f, stereo[0][0]);
        assertEquals(-0.5f, stereo[1][0]);
        float[][] mono = Downmix.of(1, 2).apply(new float[] {0.3f});
        assertEquals(0.3f, mono[0][0]);
        assertEquals(0.3f, mono[1][0]);
        float[][] down = Downmix.of(2, 1).apply(new float[] {0.2f, 0.4f});
        assertEquals(0.3f, down[0][0], 1e-6);
    }

    @Test
    void unknownLayoutsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Downmix.of(7, 2));
        assertThrows(IllegalArgumentException.class, () -> Downmix.of(2, 3));
    }
}
