package org.diva.transcode.video.decode.avc;

import static org.diva.transcode.video.decode.avc.ReconTestSupport.setY;
import static org.diva.transcode.video.decode.avc.ReconTestSupport.y;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every intra prediction mode on synthetic neighbours of macroblock (1, 1) of a 2x2-macroblock picture, against
 * samples worked out by hand from the equations of 14496-10 8.3.1.2, 8.3.2.2 (with 8.3.2.2.1 filtering), 8.3.3 and
 * 8.3.4. The neighbours are p[x, -1] = 10 + 10x, p[-1, y] = 100 + 20y, p[-1, -1] = 50 unless a test says otherwise.
 */
class IntraPredictionTest {
    private static final int MB = 16;

    /** Predicts 4x4 block 0 of MB (1, 1) with {@code mode} and returns the sample (x, y) of each {x, y, expected}. */
    private static void check4x4(int mode, int[]... expected) {
        SliceContext ctx = ReconTestSupport.context(2, 2, 3, ReconTestSupport.flatPps());
        AvcPicture pic = ctx.picture;
        ramp4x4Neighbours(pic);
        Macroblock mb = intraNxN(ctx, MbKind.I4X4, mode);
        new Reconstructor(ctx).intra(mb);
        for (int[] e : expected) {
            assertEquals(e[2], y(pic, MB + e[0], MB + e[1]), "mode " + mode + " at (" + e[0] + "," + e[1] + ")");
        }
    }

    private static void ramp4x4Neighbours(AvcPicture pic) {
        for (int i = 0; i < 16; i++) {
            setY(pic, MB + i, MB - 1, 10 + 10 * i);
            setY(pic, MB - 1, MB + i, i < 4 ? 100 + 20 * i : 90);
        }
        setY(pic, MB - 1, MB - 1, 50);
    }

    private static Macroblock intraNxN(SliceContext ctx, int size, int mode) {
        Macroblock mb = ReconTestSupport.macroblock(ctx, 3, MbKind.INTRA | size | (size == MbKind.I8X8
                ? MbKind.T8X8 : 0), 28);
        Arrays.fill(mb.intraModes, mode);
        return mb;
    }

    @Test
    void intra4x4VerticalHorizontalDc() {
        check4x4(0, new int[] {0, 0, 10}, new int[] {3, 2, 40});
        check4x4(1, new int[] {0, 0, 100}, new int[] {2, 3, 160});
        check4x4(2, new int[] {1, 1, 78});   // (100 + 520 + 4) >> 3
    }

    @Test
    void intra4x4Diagonals() {
        check4x4(3, new int[] {0, 0, 20}, new int[] {3, 3, 78}, new int[] {1, 2, 50});
        check4x4(4, new int[] {0, 0, 53}, new int[] {2, 0, 20}, new int[] {1, 0, 23}, new int[] {0, 1, 93},
                new int[] {0, 3, 140});
    }

    @Test
    void intra4x4VerticalRightAndHorizontalDown() {
        check4x4(5, new int[] {0, 0, 30}, new int[] {1, 1, 23}, new int[] {0, 1, 53}, new int[] {0, 2, 93},
                new int[] {0, 3, 120}, new int[] {3, 2, 25});
        check4x4(6, new int[] {0, 0, 75}, new int[] {1, 0, 53}, new int[] {2, 0, 23}, new int[] {3, 0, 20},
                new int[] {0, 3, 150}, new int[] {1, 3, 140});
    }

    @Test
    void intra4x4VerticalLeftAndHorizontalUp() {
        check4x4(7, new int[] {0, 0, 15}, new int[] {0, 1, 20}, new int[] {3, 3, 60}, new int[] {3, 2, 55});
        check4x4(8, new int[] {0, 0, 110}, new int[] {1, 0, 120}, new int[] {1, 2, 155}, new int[] {3, 3, 160},
                new int[] {2, 1, 150});
    }

    /** Two-tap averages round half up: neighbours 1, 2, 4, 8.. make every pair sum odd. */
    private static int powersOfTwo(int mode, int x, int y) {
        SliceContext ctx = ReconTestSupport.context(2, 2, 3, ReconTestSupport.flatPps());
        AvcPicture pic = ctx.picture;
        for (int i = 0; i < 8; i++) {
            setY(pic, MB + i, MB - 1, 1 << i);
            setY(pic, MB - 1, MB + i, i < 4 ? 1 << i : 0);
        }
        setY(pic, MB - 1, MB - 1, 3);
        new Reconstructor(ctx).intra(intraNxN(ctx, MbKind.I4X4, mode));
        return y(pic, MB + x, MB + y);
    }

    @Test
    void halfSampleAveragesRoundUp() {
        assertEquals(2, powersOfTwo(5, 0, 0));   // (3 + 1 + 1) >> 1
        assertEquals(6, powersOfTwo(5, 3, 0));   // (4 + 8 + 1) >> 1
        assertEquals(2, powersOfTwo(6, 0, 0));   // (3 + 1 + 1) >> 1
        assertEquals(6, powersOfTwo(6, 0, 3));   // (4 + 8 + 1) >> 1
        assertEquals(3, powersOfTwo(7, 1, 0));   // (2 + 4 + 1) >> 1
        assertEquals(24, powersOfTwo(7, 3, 2));  // (16 + 32 + 1) >> 1
        assertEquals(36, powersOfTwo(7, 3, 3));  // (16 + 128 + 2) >> 2
        assertEquals(2, powersOfTwo(8, 0, 0));   // (1 + 2 + 1) >> 1
        assertEquals(3, powersOfTwo(8, 0, 1));   // (2 + 4 + 1) >> 1
        assertEquals(5, powersOfTwo(8, 1, 1));   // (2 + 8 + 8 + 2) >> 2
        assertEquals(7, powersOfTwo(8, 1, 2));   // (4 + 3 * 8 + 2) >> 2
    }

    @Test
    void aboveRightSamplesComeFromTheAboveMacroblockOrAreReplacedByTheLastAboveSample() {
        SliceContext ctx = ReconTestSupport.context(2, 2, 3, ReconTestSupport.flatPps());
        AvcPicture pic = ctx.picture;
        ramp4x4Neighbours(pic);
        new Reconstructor(ctx).intra(intraNxN(ctx, MbKind.I4X4, 3));
        // Block 1 reads its above-right samples (50..120 .. 110, 120) from the macroblock above.
        assertEquals(118, y(pic, MB + 7, MB + 3));          // (110 + 3 * 120 + 2) >> 2
        // Block 3: no macroblock above-right in a 2-macroblock-wide picture, so p[4..7, -1] = p[3, -1] = 160.
        assertEquals(140, y(pic, MB + 12, MB));             // (130 + 2 * 140 + 150 + 2) >> 2
        assertEquals(160, y(pic, MB + 14, MB + 1));
        assertEquals(160, y(pic, MB + 15, MB + 3));
    }

    @Test
    void constrainedIntraPredictionIgnoresInterNeighbours() {
        SliceContext ctx = ReconTestSupport.context(2, 2, 3, ReconTestSupport.pps(true, 0, 0,
                ReconTestSupport.flat4x4(), ReconTestSupport.flat8x8()));
        AvcPicture pic = ctx.picture;
        ramp4x4Neighbours(pic);
        pic.kind[2] = MbKind.B;                             // the left macroblock is inter
        new Reconstructor(ctx).intra(intraNxN(ctx, MbKind.I4X4, 2));
        assertEquals(25, y(pic, MB, MB));                   // DC of the top samples only: (100 + 2) >> 2
    }

    /** 8x8 neighbours: p[x, -1] = 4x, p[-1, y] = 100, p[-1, -1] = 40; filtered (8.3.2.2.1) before prediction. */
    private static AvcPicture predict8x8(int mode) {
        SliceContext ctx = ReconTestSupport.context(2, 2, 3, ReconTestSupport.flatPps());
        AvcPicture pic = ctx.picture;
        for (int i = 0; i < 16; i++) {
            setY(pic, MB + i, MB - 1, 4 * i);
            setY(pic, MB - 1, MB + i, 100);
        }
        setY(pic, MB - 1, MB - 1, 40);
        new Reconstructor(ctx).intra(intraNxN(ctx, MbKind.I8X8, mode));
        return pic;
    }

    @Test
    void intra8x8FiltersItsReferenceSamples() {
        // p'[0,-1] = (40 + 0 + 4 + 2) >> 2 = 11, p'[x,-1] = 4x, p'[-1,-1] = (0 + 80 + 100 + 2) >> 2 = 45,
        // p'[-1,0] = (40 + 200 + 100 + 2) >> 2 = 85, p'[-1,y>0] = 100.
        AvcPicture v = predict8x8(0);
        assertEquals(11, y(v, MB, MB));
        assertEquals(4, y(v, MB + 1, MB + 5));
        assertEquals(28, y(v, MB + 7, MB + 7));
        // Block 1 has no above-right macroblock: p[8..15, -1] = p[7, -1] = 60, so p'[7, -1] = (56 + 120 + 60 + 2) >> 2
        // and p'[0, -1] = (28 + 64 + 36 + 2) >> 2 with p[-1, -1] = 28.
        assertEquals(59, y(v, MB + 15, MB));
        assertEquals(32, y(v, MB + 8, MB + 7));
        AvcPicture h = predict8x8(1);
        assertEquals(85, y(h, MB + 3, MB));
        assertEquals(100, y(h, MB + 3, MB + 3));
        assertEquals(57, y(predict8x8(2), MB + 4, MB + 4)); // (123 + 785 + 8) >> 4
        assertEquals(47, y(predict8x8(4), MB, MB));          // (11 + 2 * 45 + 85 + 2) >> 2
        AvcPicture ddl = predict8x8(3);
        assertEquals(7, y(ddl, MB, MB));                     // (11 + 2 * 4 + 8 + 2) >> 2
        assertEquals(32, y(ddl, MB + 3, MB + 4));            // (28 + 2 * 32 + 36 + 2) >> 2
        assertEquals(58, y(ddl, MB + 7, MB + 7));            // (56 + 3 * 59 + 2) >> 2
        AvcPicture hu = predict8x8(8);
        assertEquals(93, y(hu, MB, MB));                     // (85 + 100 + 1) >> 1
        assertEquals(100, y(hu, MB + 7, MB + 7));
    }

    /** 16x16 and chroma neighbours from functions of the position; left/top availability as given. */
    private static AvcPicture predictLarge(int lumaMode, int chromaMode, boolean leftInSlice,
                                           java.util.function.IntUnaryOperator top,
                                           java.util.function.IntUnaryOperator left, int corner,
                                           java.util.function.IntUnaryOperator cTop,
                                           java.util.function.IntUnaryOperator cLeft, int cCorner) {
        SliceContext ctx = ReconTestSupport.context(2, 2, 3, ReconTestSupport.flatPps());
        AvcPicture pic = ctx.picture;
        if (!leftInSlice) {
            pic.sliceId[2] = 7;
        }
        for (int i = 0; i < 16; i++) {
            setY(pic, MB + i, MB - 1, top.applyAsInt(i));
            setY(pic, MB - 1, MB + i, left.applyAsInt(i));
        }
        setY(pic, MB - 1, MB - 1, corner);
        int cs = pic.chromaStride;
        for (int i = 0; i < 8; i++) {
            pic.cb[7 * cs + 8 + i] = (byte) cTop.applyAsInt(i);
            pic.cb[(8 + i) * cs + 7] = (byte) cLeft.applyAsInt(i);
        }
        pic.cb[7 * cs + 7] = (byte) cCorner;
        Macroblock mb = ReconTestSupport.macroblock(ctx, 3, MbKind.INTRA | MbKind.I16X16, 28);
        mb.intra16x16Mode = lumaMode;
        mb.chromaMode = chromaMode;
        new Reconstructor(ctx).intra(mb);
        return pic;
    }

    private static int cb(AvcPicture pic, int x, int y) {
        return pic.cb[(8 + y) * pic.chromaStride + 8 + x] & 0xFF;
    }

    @Test
    void intra16x16DcAndPlane() {
        AvcPicture dc = predictLarge(2, 0, true, i -> 10, i -> 30, 0, i -> 0, i -> 0, 0);
        assertEquals(20, y(dc, MB + 5, MB + 9));            // (160 + 480 + 16) >> 5
        AvcPicture dcTop = predictLarge(2, 0, false, i -> 10, i -> 30, 0, i -> 0, i -> 0, 0);
        assertEquals(10, y(dcTop, MB + 5, MB + 9));         // (160 + 8) >> 4
        // top 2i + 10, left 3j + 20, corner 7: H = 824, V = 1304, a = 1680, b = 64, c = 102.
        AvcPicture plane = predictLarge(3, 0, true, i -> 2 * i + 10, j -> 3 * j + 20, 7, i -> 0, i -> 0, 0);
        assertEquals(16, y(plane, MB, MB));
        assertEquals(53, y(plane, MB + 7, MB + 7));
        assertEquals(46, y(plane, MB + 15, MB));
        assertEquals(94, y(plane, MB + 15, MB + 15));
        AvcPicture vertical = predictLarge(0, 0, true, i -> 2 * i + 10, j -> 3 * j + 20, 7, i -> 0, i -> 0, 0);
        assertEquals(40, y(vertical, MB + 15, MB + 12));
        AvcPicture horizontal = predictLarge(1, 0, true, i -> 2 * i + 10, j -> 3 * j + 20, 7, i -> 0, i -> 0, 0);
        assertEquals(59, y(horizontal, MB + 2, MB + 13));
    }

    @Test
    void chromaDcCornerRulesAndPlane() {
        java.util.function.IntUnaryOperator top = i -> i < 4 ? 10 : 50;
        java.util.function.IntUnaryOperator left = i -> i < 4 ? 20 : 90;
        AvcPicture both = predictLarge(2, 0, true, i -> 0, i -> 0, 0, top, left, 0);
        assertEquals(15, cb(both, 0, 0));   // (40 + 80 + 4) >> 3
        assertEquals(50, cb(both, 7, 0));   // top-right block: its top edge only
        assertEquals(90, cb(both, 0, 7));   // bottom-left block: its left edge only
        assertEquals(70, cb(both, 7, 7));   // (200 + 360 + 4) >> 3
        AvcPicture noLeft = predictLarge(2, 0, false, i -> 0, i -> 0, 0, top, left, 0);
        assertEquals(10, cb(noLeft, 0, 0));
        assertEquals(10, cb(noLeft, 0, 7)); // falls back to the top edge above it
        assertEquals(50, cb(noLeft, 7, 7));
        // top 10 + 4i, left 20 + 2j, corner 12: H = 216, V = 144, a = 1152, b = 115, c = 77.
        AvcPicture plane = predictLarge(2, 3, true, i -> 0, i -> 0, 0, i -> 10 + 4 * i, j -> 20 + 2 * j, 12);
        assertEquals(18, cb(plane, 0, 0));
        assertEquals(36, cb(plane, 3, 3));
        assertEquals(60, cb(plane, 7, 7));
        assertEquals(38, cb(predictLarge(2, 2, true, i -> 0, i -> 0, 0, i -> 10 + 4 * i, j -> 0, 0), 7, 5));
        assertEquals(34, cb(predictLarge(2, 1, true, i -> 0, i -> 0, 0, i -> 0, j -> 20 + 2 * j, 0), 4, 7));
    }

    @Test
    void pcmSamplesAreCopied() {
        SliceContext ctx = ReconTestSupport.context(2, 2, 3, ReconTestSupport.flatPps());
        Macroblock mb = ReconTestSupport.macroblock(ctx, 3, MbKind.INTRA | MbKind.PCM, 0);
        for (int i = 0; i < 384; i++) {
            mb.pcm[i] = (i * 7) & 0xFF;
        }
        new Reconstructor(ctx).intra(mb);
        AvcPicture pic = ctx.picture;
        assertEquals((17 * 7) & 0xFF, y(pic, MB + 1, MB + 1));
        assertEquals(((256 + 9) * 7) & 0xFF, pic.cb[9 * pic.chromaStride + 9] & 0xFF);
        assertEquals(((320 + 63) * 7) & 0xFF, pic.cr[15 * pic.chromaStride + 15] & 0xFF);
    }
}
