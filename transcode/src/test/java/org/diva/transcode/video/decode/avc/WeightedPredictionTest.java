package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 8.4.2.3 weighted sample prediction, every expectation computed by hand from the standard's equations. */
class WeightedPredictionTest {

    /** Predicts macroblock 1 from flat references and returns its (luma, cb) sample. */
    private static int[] predict(SliceContext ctx, int ref0, int ref1) throws Exception {
        Macroblock mb = InterContexts.macroblock(1);
        InterContexts.motion16(ctx.picture, mb, 0, ref0, 6, -3);
        InterContexts.motion16(ctx.picture, mb, 1, ref1, -5, 2);
        new InterPredictor(ctx).predict(mb);
        AvcPicture p = ctx.picture;
        int y = p.y[5 * p.stride + 16 + 9] & 0xFF;
        // Flat references give flat predictions: every sample of the macroblock must agree.
        for (int i = 0; i < 16; i++) {
            assertEquals(y, p.y[i * p.stride + 16 + i] & 0xFF, "luma row " + i);
        }
        return new int[] {y, p.cb[3 * p.chromaStride + 8 + 4] & 0xFF};
    }

    private static SliceContext explicitP(AvcPicture ref, PredWeights w) {
        return new SliceContext(InterContexts.sps(), InterContexts.pps(true, 0),
                InterContexts.header(SliceHeader.P, 1, 0, Optional.of(w)), InterContexts.current(2),
                new AvcPicture[][] {{ref}, {}}, 0);
    }

    private static SliceContext b(int idc, Optional<PredWeights> w, int curPoc, AvcPicture r0, AvcPicture r1) {
        return new SliceContext(InterContexts.sps(), InterContexts.pps(false, idc),
                InterContexts.header(SliceHeader.B, 1, 1, w), InterContexts.current(curPoc),
                new AvcPicture[][] {{r0}, {r1}}, 0);
    }

    @Test
    void explicitSingleListWithRoundingForLogWdAtLeastOne() throws Exception {
        // 8-270: ((100 * 3 + 2^0) >> 1) - 10 = 150 - 10 = 140; chroma denom 2: ((100 * 3 + 2) >> 2) - 10 = 65.
        int[] s = predict(explicitP(InterContexts.flatPicture(100, 0), InterContexts.weights(1, 2, 3, -10, 0, 0)),
                0, -1);
        assertEquals(140, s[0]);
        assertEquals(65, s[1]);
    }

    @Test
    void explicitSingleListWithLogWdZeroHasNoRounding() throws Exception {
        // 8-271: 100 * 2 + 7 = 207.
        int[] s = predict(explicitP(InterContexts.flatPicture(100, 0), InterContexts.weights(0, 0, 2, 7, 0, 0)),
                0, -1);
        assertEquals(207, s[0]);
        assertEquals(207, s[1]);
    }

    @Test
    void explicitWeightsClipToTheSampleRange() throws Exception {
        int[] high = predict(explicitP(InterContexts.flatPicture(200, 0), InterContexts.weights(5, 5, 64, 127, 0, 0)),
                0, -1);
        assertEquals(255, high[0]);
        int[] low = predict(explicitP(InterContexts.flatPicture(20, 0), InterContexts.weights(5, 5, -20, -5, 0, 0)),
                0, -1);
        assertEquals(0, low[0]);
    }

    @Test
    void explicitBiPrediction() throws Exception {
        // 8-272: ((100 * 2 + 200 * 3 + 2^2) >> 3) + ((4 + 7 + 1) >> 1) = (804 >> 3) + 6 = 100 + 6 = 106.
        // Chroma denom 0: ((200 + 600 + 1) >> 1) + 6 = 400 + 6 -> clipped to 255.
        PredWeights w = InterContexts.weights(2, 0, 2, 4, 3, 7);
        int[] s = predict(b(1, Optional.of(w), 4, InterContexts.flatPicture(100, 0),
                InterContexts.flatPicture(200, 8)), 0, 0);
        assertEquals(106, s[0]);
        assertEquals(255, s[1]);
    }

    @Test
    void explicitDefaultLumaWeightWithWeightedChromaWeighsOnlyChroma() throws Exception {
        // Luma 1 << 2 with offset 0 is the identity of 8-270; chroma still weighs: ((100 * 3 + 2) >> 2) - 10 = 65.
        PredWeights w = new PredWeights(2, 2, new int[][] {{4}, {}}, new int[][] {{0}, {}},
                new int[][][] {{{3, 3}}, {}}, new int[][][] {{{-10, -10}}, {}});
        int[] s = predict(explicitP(InterContexts.flatPicture(100, 0), w), 0, -1);
        assertEquals(100, s[0]);
        assertEquals(65, s[1]);
    }

    @Test
    void explicitBiWithDefaultWeightsAveragesOnlyWhenTheOffsetsCancel() throws Exception {
        // 8-272 with w0 = w1 = 1 << 2: ((100 * 4 + 201 * 4 + 4) >> 3) = 151, plus (o0 + o1 + 1) >> 1.
        PredWeights cancel = InterContexts.weights(2, 2, 4, 1, 4, -1);
        assertEquals(151, predict(b(1, Optional.of(cancel), 4, InterContexts.flatPicture(100, 0),
                InterContexts.flatPicture(201, 8)), 0, 0)[0]);
        PredWeights plusOne = InterContexts.weights(2, 2, 4, 1, 4, 0);
        int[] s = predict(b(1, Optional.of(plusOne), 4, InterContexts.flatPicture(100, 0),
                InterContexts.flatPicture(201, 8)), 0, 0);
        assertEquals(152, s[0]);
        assertEquals(152, s[1]);
    }

    @Test
    void explicitListOneOnlyUsesListOnesWeights() throws Exception {
        // ((200 * 3 + 2) >> 2) + 7 = 150 + 7 = 157.
        PredWeights w = InterContexts.weights(2, 2, 2, 4, 3, 7);
        int[] s = predict(b(1, Optional.of(w), 4, InterContexts.flatPicture(100, 0),
                InterContexts.flatPicture(200, 8)), -1, 0);
        assertEquals(157, s[0]);
    }

    @Test
    void implicitWeightsFromPocDistances() throws Exception {
        // cur 2, ref0 0, ref1 8: tb 2, td 8, tx = (16384 + 4) / 8 = 2048, DistScaleFactor = (2 * 2048 + 32) >> 6 = 64,
        // w1 = 16, w0 = 48: (100 * 48 + 200 * 16 + 32) >> 6 = 8032 >> 6 = 125.
        int[] s = predict(b(2, Optional.empty(), 2, InterContexts.flatPicture(100, 0),
                InterContexts.flatPicture(200, 8)), 0, 0);
        assertEquals(125, s[0]);
        assertEquals(125, s[1]);
    }

    @Test
    void implicitFallsBackToEqualWeights() throws Exception {
        // The POCs of the case above (w1 16 -> 125), but a long-term reference forces 32 / 32:
        // (100 * 32 + 200 * 32 + 32) >> 6 = 9632 >> 6 = 150.
        AvcPicture r0 = InterContexts.flatPicture(100, 0);
        AvcPicture r1 = InterContexts.flatPicture(200, 8);
        r1.reference = AvcPicture.LONG_TERM;
        assertEquals(150, predict(b(2, Optional.empty(), 2, r0, r1), 0, 0)[0]);
    }

    @Test
    void implicitWeightOneHandComputedCases() {
        AvcPicture cur = InterContexts.current(2);
        // The case above: 16.
        assertEquals(16, Weights.implicitWeight1(cur, InterContexts.flatPicture(0, 0), InterContexts.flatPicture(0, 8)));
        // td = 0: 32.
        assertEquals(32, Weights.implicitWeight1(cur, InterContexts.flatPicture(0, 4), InterContexts.flatPicture(0, 4)));
        // cur 20, ref0 0, ref1 2: tx = (16384 + 1) / 2 = 8192, (20 * 8192 + 32) >> 6 = 2560 -> 1023, 1023 >> 2 = 255
        // > 128: 32.
        assertEquals(32, Weights.implicitWeight1(InterContexts.current(20), InterContexts.flatPicture(0, 0),
                InterContexts.flatPicture(0, 2)));
        // cur 6, ref0 8, ref1 0 (backward/forward swapped): tb -2, td -8, tx = (16384 + 4) / -8 = -2048,
        // ((-2) * (-2048) + 32) >> 6 = 64 -> w1 16.
        assertEquals(16, Weights.implicitWeight1(InterContexts.current(6), InterContexts.flatPicture(0, 8),
                InterContexts.flatPicture(0, 0)));
        // cur -10, ref0 0, ref1 4: tb -10, td 4, tx = (16384 + 2) / 4 = 4096, (-40960 + 32) >> 6 = -640 (floor of
        // -639.5), -640 >> 2 = -160 < -64: 32.
        assertEquals(32, Weights.implicitWeight1(InterContexts.current(-10), InterContexts.flatPicture(0, 0),
                InterContexts.flatPicture(0, 4)));
        // cur 1, ref0 0, ref1 3: tx = (16384 + 1) / 3 = 5461, (5461 + 32) >> 6 = 85, w1 = 85 >> 2 = 21.
        assertEquals(21, Weights.implicitWeight1(InterContexts.current(1), InterContexts.flatPicture(0, 0),
                InterContexts.flatPicture(0, 3)));
        // w1 -64 still allowed: cur -2, ref0 0, ref1 8: tb -2, (-2 * 2048 + 32) >> 6 = -64 (floor of -63.5), -16.
        assertEquals(-16, Weights.implicitWeight1(InterContexts.current(-2), InterContexts.flatPicture(0, 0),
                InterContexts.flatPicture(0, 8)));
    }

    @Test
    void implicitWithNegativeWeightExtrapolates() throws Exception {
        // w1 = -16, w0 = 80: (100 * 80 + 200 * -16 + 32) >> 6 = (8000 - 3200 + 32) >> 6 = 4832 >> 6 = 75.
        int[] s = predict(b(2, Optional.empty(), -2, InterContexts.flatPicture(100, 0),
                InterContexts.flatPicture(200, 8)), 0, 0);
        assertEquals(75, s[0]);
    }

    @Test
    void explicitModeWithoutAWeightTableIsRefused() {
        SliceContext ctx = new SliceContext(InterContexts.sps(), InterContexts.pps(true, 0),
                InterContexts.header(SliceHeader.P, 1, 0, Optional.empty()), InterContexts.current(2),
                new AvcPicture[][] {{InterContexts.flatPicture(1, 0)}, {}}, 0);
        assertThrows(IllegalArgumentException.class, () -> new InterPredictor(ctx));
    }
}
