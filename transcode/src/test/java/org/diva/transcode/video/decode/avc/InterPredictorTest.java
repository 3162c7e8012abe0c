package org.diva.transcode.video.decode.avc;

import static org.diva.transcode.video.decode.avc.InterContexts.HEIGHT_MBS;
import static org.diva.transcode.video.decode.avc.InterContexts.WIDTH_MBS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.diva.transcode.probe.MediaFormatException;
import org.junit.jupiter.api.Test;

class InterPredictorTest {
    private static final int LW = 16 * WIDTH_MBS;
    private static final int LH = 16 * HEIGHT_MBS;

    private static SliceContext pContext(AvcPicture cur, AvcPicture... l0) {
        return new SliceContext(InterContexts.sps(), InterContexts.pps(false, 0),
                InterContexts.header(SliceHeader.P, l0.length, 0, Optional.empty()), cur,
                new AvcPicture[][] {l0, new AvcPicture[0]}, 0);
    }

    /** Checks every sample of the macroblock against the model of the block's own motion (single list, default). */
    private static void assertSingleList(AvcPicture cur, Macroblock mb, AvcPicture[] refs, int list) {
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int b = cur.block4(mb.mbX, mb.mbY, x >> 2, y >> 2);
                AvcPicture ref = refs[cur.refIdx[list][b]];
                int mvx = cur.mv[list][2 * b];
                int mvy = cur.mv[list][2 * b + 1];
                int xL = 16 * mb.mbX + x;
                int yL = 16 * mb.mbY + y;
                int want = new McModel(ref.y, LW, LH).luma(xL + (mvx >> 2), yL + (mvy >> 2), mvx & 3, mvy & 3);
                assertEquals(want, cur.y[yL * cur.stride + xL] & 0xFF, "luma (" + x + ", " + y + ")");
                if ((x & 1) == 0 && (y & 1) == 0) {
                    int xc = xL / 2 + (mvx >> 3);
                    int yc = yL / 2 + (mvy >> 3);
                    int off = (yL / 2) * cur.chromaStride + xL / 2;
                    assertEquals(new McModel(ref.cb, LW / 2, LH / 2).chroma(xc, yc, mvx & 7, mvy & 7),
                            cur.cb[off] & 0xFF, "cb (" + x / 2 + ", " + y / 2 + ")");
                    assertEquals(new McModel(ref.cr, LW / 2, LH / 2).chroma(xc, yc, mvx & 7, mvy & 7),
                            cur.cr[off] & 0xFF, "cr (" + x / 2 + ", " + y / 2 + ")");
                }
            }
        }
    }

    @Test
    void wholeMacroblockMotionIncludingNegativeVectorsAndChromaEighths() throws Exception {
        AvcPicture ref = InterContexts.randomPicture(11, 0);
        AvcPicture cur = InterContexts.current(2);
        InterPredictor ip = new InterPredictor(pContext(cur, ref));
        int[][] mvs = {{0, 0}, {5, -3}, {-7, 9}, {-33, -61}, {13, 6}, {-1, -1}, {400, -400}};
        for (int addr = 0; addr < WIDTH_MBS * HEIGHT_MBS; addr++) {
            for (int[] mv : mvs) {
                Macroblock mb = InterContexts.macroblock(addr);
                InterContexts.motion16(cur, mb, 0, 0, mv[0], mv[1]);
                InterContexts.motion16(cur, mb, 1, -1, 0, 0);
                ip.predict(mb);
                assertSingleList(cur, mb, new AvcPicture[] {ref}, 0);
            }
        }
    }

    @Test
    void everyFourByFourBlockWithItsOwnMotionAndReference() throws Exception {
        AvcPicture[] refs = {InterContexts.randomPicture(21, 0), InterContexts.randomPicture(22, -2)};
        AvcPicture cur = InterContexts.current(2);
        InterPredictor ip = new InterPredictor(pContext(cur, refs));
        Random r = new Random(5);
        // Patterns the merging must keep apart: all different, equal pairs of rows, of columns, and per 8x8.
        for (int pattern = 0; pattern < 4; pattern++) {
            Macroblock mb = InterContexts.macroblock(4);
            for (int b = 0; b < 16; b++) {
                int bx = b & 3;
                int by = b >> 2;
                int key = switch (pattern) {
                    case 0 -> b;
                    case 1 -> by >> 1;
                    case 2 -> bx >> 1;
                    default -> (bx >> 1) + 2 * (by >> 1) + (by == 3 && bx == 3 ? 10 : 0);
                };
                Random k = new Random(key * 31L + pattern);
                InterContexts.motion(cur, mb, bx, by, 0, k.nextInt(2), k.nextInt(81) - 40, k.nextInt(81) - 40);
                InterContexts.motion(cur, mb, bx, by, 1, -1, 0, 0);
            }
            r.nextBytes(cur.y);
            ip.predict(mb);
            assertSingleList(cur, mb, refs, 0);
        }
    }

    @Test
    void defaultBiPredictionAveragesTheTwoListsRoundingUp() throws Exception {
        AvcPicture r0 = InterContexts.flatPicture(100, 0);
        AvcPicture r1 = InterContexts.flatPicture(201, 8);
        AvcPicture cur = InterContexts.current(4);
        SliceContext ctx = new SliceContext(InterContexts.sps(), InterContexts.pps(false, 0),
                InterContexts.header(SliceHeader.B, 1, 1, Optional.empty()), cur,
                new AvcPicture[][] {{r0}, {r1}}, 0);
        Macroblock mb = InterContexts.macroblock(0);
        InterContexts.motion16(cur, mb, 0, 0, 3, 1);
        InterContexts.motion16(cur, mb, 1, 0, -2, 5);
        new InterPredictor(ctx).predict(mb);
        // (100 + 201 + 1) >> 1 = 151 in every plane.
        assertEquals(151, cur.y[0] & 0xFF);
        assertEquals(151, cur.y[15 * cur.stride + 15] & 0xFF);
        assertEquals(151, cur.cb[7 * cur.chromaStride + 7] & 0xFF);
        assertEquals(151, cur.cr[0] & 0xFF);
        assertEquals(0, cur.y[16] & 0xFF, "the next macroblock is untouched");
    }

    @Test
    void listOneOnlyBlocksInABSlicePredictFromListOne() throws Exception {
        AvcPicture r0 = InterContexts.randomPicture(31, 0);
        AvcPicture r1 = InterContexts.randomPicture(32, 8);
        AvcPicture cur = InterContexts.current(4);
        SliceContext ctx = new SliceContext(InterContexts.sps(), InterContexts.pps(false, 2),
                InterContexts.header(SliceHeader.B, 1, 1, Optional.empty()), cur,
                new AvcPicture[][] {{r0}, {r1}}, 0);
        Macroblock mb = InterContexts.macroblock(5);
        InterContexts.motion16(cur, mb, 0, -1, 0, 0);
        InterContexts.motion16(cur, mb, 1, 0, -9, 14);
        new InterPredictor(ctx).predict(mb);
        // Implicit mode leaves single-list prediction unweighted (8.4.2.3: default for one list).
        assertSingleList(cur, mb, new AvcPicture[] {r1}, 1);
    }

    @Test
    void missingReferencePictureIsAFormatError() {
        AvcPicture cur = InterContexts.current(2);
        InterPredictor ip = new InterPredictor(pContext(cur, InterContexts.randomPicture(1, 0)));
        Macroblock mb = InterContexts.macroblock(0);
        InterContexts.motion16(cur, mb, 0, 3, 0, 0);
        InterContexts.motion16(cur, mb, 1, -1, 0, 0);
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> ip.predict(mb));
        assertTrue(e.getMessage().contains("ref_idx_l0 3"), e.getMessage());
    }
}
