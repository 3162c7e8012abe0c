package org.diva.transcode.video.decode.avc;

import static org.diva.transcode.video.decode.avc.MbKind.*;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Motion vector prediction (14496-10 8.4.1): turns a parsed macroblock's refIdx and mvd into the mv, refIdx and refPic
 * of both lists for all 16 of its 4x4 blocks, written into the picture's per-4x4 arrays, where later macroblocks (as
 * neighbours), inter prediction, the deblocking filter and later pictures (as co-located picture) read them.
 *
 * <p>Per macroblock: intra ones get refIdx -1, refPic -1 and zero vectors in both lists; P_Skip gets refIdx 0 and
 * the P_Skip vector of 8.4.1.1 (zero when A or B is unavailable or either is a refIdx-0 zero vector, the 16x16
 * predictor otherwise); B_Skip, B_Direct_16x16 and B_Direct_8x8 blocks go to {@link DirectPredictor}; every other
 * (sub-)partition gets mvpLX (8.4.1.3, {@link MvNeighbours}) + mvdLX for each list it uses. (Sub-)partitions are
 * processed, and their results written, in decoding order, so that later ones see earlier ones as neighbours.
 *
 * <p>One instance per slice; it allocates nothing per macroblock.
 */
final class MotionPredictor {
    private final SliceContext ctx;
    private final AvcPicture pic;
    private final MvNeighbours nb;
    private final DirectPredictor direct;
    private final int stride4;

    MotionPredictor(SliceContext ctx) {
        this.ctx = ctx;
        this.pic = ctx.picture;
        this.nb = new MvNeighbours(ctx);
        this.direct = new DirectPredictor(ctx, nb);
        this.stride4 = pic.stride4;
    }

    /** Writes the motion of every 4x4 block of macroblock mb (intra ones included). */
    void predict(Macroblock mb) throws MediaFormatException {
        nb.startMacroblock(mb.mbX, mb.mbY);
        int kind = mb.kind;
        if (intra(kind)) {
            intraMacroblock();
        } else if (has(kind, DIRECT16X16) || (has(kind, SKIP) && has(kind, B))) {
            direct.startMacroblock();
            direct.predictMacroblock(mb);
        } else if (has(kind, SKIP)) {
            pSkip();
        } else {
            switch (mb.partition) {
                case PART_16X16 -> partition(mb, 0, 0, 0, 4, 4, 3, MvNeighbours.SHAPE_OTHER, 0);
                case PART_16X8 -> {
                    partition(mb, 0, 0, 0, 4, 2, 3, MvNeighbours.SHAPE_16X8_TOP, 0);
                    partition(mb, 1, 0, 2, 4, 2, 3, MvNeighbours.SHAPE_16X8_BOTTOM, 8);
                }
                case PART_8X16 -> {
                    partition(mb, 0, 0, 0, 2, 4, 3, MvNeighbours.SHAPE_8X16_LEFT, 0);
                    partition(mb, 1, 2, 0, 2, 4, 3, MvNeighbours.SHAPE_8X16_RIGHT, 2);
                }
                case PART_8X8 -> subMacroblocks(mb);
                default -> throw new IllegalArgumentException("macroblock partition " + mb.partition);
            }
        }
    }

    private void intraMacroblock() {
        for (int y = 0; y < 4; y++) {
            int i = nb.base + y * stride4;
            for (int list = 0; list < 2; list++) {
                java.util.Arrays.fill(pic.refIdx[list], i, i + 4, (byte) -1);
                java.util.Arrays.fill(pic.refPic[list], i, i + 4, -1);
                java.util.Arrays.fill(pic.mv[list], 2 * i, 2 * i + 8, (short) 0);
            }
        }
    }

    /** P_Skip (8.4.1.1): refIdxL0 0, list 1 unused. */
    private void pSkip() throws MediaFormatException {
        int mx = 0;
        int my = 0;
        if (nb.leftAvailable() && nb.aboveAvailable()) {
            nb.neighbours(0, 0, 0, 4, 3);
            boolean aZero = nb.refA == 0 && nb.ax == 0 && nb.ay == 0;
            boolean bZero = nb.refB == 0 && nb.bx == 0 && nb.by == 0;
            if (!aZero && !bZero) {
                nb.median(0);
                mx = nb.mvpX;
                my = nb.mvpY;
            }
        }
        fill(0, 0, 0, 4, 4, 0, refId(0, 0), mx, my);
        fill(1, 0, 0, 4, 4, -1, -1, 0, 0);
    }

    /** B_8x8 / P_8x8 / P_8x8ref0: each 8x8 block in order, direct or by its sub-partitions. */
    private void subMacroblocks(Macroblock mb) throws MediaFormatException {
        direct.startMacroblock();
        for (int b8 = 0; b8 < 4; b8++) {
            if (mb.partPred[b8] == PRED_DIRECT) {
                direct.predict8x8(mb, b8);
                continue;
            }
            int x0 = 2 * (b8 & 1);
            int y0 = b8 & 2;
            switch (mb.subPartition[b8]) {
                case SUB_8X8 -> partition(mb, b8, x0, y0, 2, 2, b8, MvNeighbours.SHAPE_OTHER, x0 + 4 * y0);
                case SUB_8X4 -> {
                    partition(mb, b8, x0, y0, 2, 1, b8, MvNeighbours.SHAPE_OTHER, x0 + 4 * y0);
                    partition(mb, b8, x0, y0 + 1, 2, 1, b8, MvNeighbours.SHAPE_OTHER, x0 + 4 * y0 + 4);
                }
                case SUB_4X8 -> {
                    partition(mb, b8, x0, y0, 1, 2, b8, MvNeighbours.SHAPE_OTHER, x0 + 4 * y0);
                    partition(mb, b8, x0 + 1, y0, 1, 2, b8, MvNeighbours.SHAPE_OTHER, x0 + 4 * y0 + 1);
                }
                case SUB_4X4 -> {
                    for (int k = 0; k < 4; k++) {
                        int x = x0 + (k & 1);
                        int y = y0 + (k >> 1);
                        partition(mb, b8, x, y, 1, 1, b8, MvNeighbours.SHAPE_OTHER, x + 4 * y);
                    }
                }
                default -> throw new IllegalArgumentException("sub-macroblock partition " + mb.subPartition[b8]);
            }
        }
    }

    /**
     * One (sub-)partition p (index into mb.partPred / mb.refIdx) at (x4, y4) of w4 x h4 blocks: for each list it
     * uses, mvpLX + the mvd the parser stored at the partition's first 4x4 block (raster index blk).
     */
    private void partition(Macroblock mb, int p, int x4, int y4, int w4, int h4, int curB8, int shape, int blk)
            throws MediaFormatException {
        int pred = mb.partPred[p];
        for (int list = 0; list < 2; list++) {
            if (!usesList(pred, list)) {
                fill(list, x4, y4, w4, h4, -1, -1, 0, 0);
                continue;
            }
            int refIdx = mb.refIdx[list][p];
            int id = refId(list, refIdx);
            nb.predict(list, refIdx, x4, y4, w4, curB8, shape);
            int[] mvd = mb.mvd[list];
            fill(list, x4, y4, w4, h4, refIdx, id, nb.mvpX + mvd[2 * blk], nb.mvpY + mvd[2 * blk + 1]);
        }
    }

    private void fill(int list, int x4, int y4, int w4, int h4, int refIdx, int id, int mx, int my) {
        fill(pic, list, nb.base + y4 * stride4 + x4, w4, h4, refIdx, id, mx, my);
    }

    /**
     * Writes one refIdx, refPic id and vector into the w4 x h4 blocks of list {@code list} starting at picture 4x4
     * index i0. These stores go to per-4x4 arrays last written a whole picture ago (cold in the cache) and are most of
     * motion prediction's time, so rows of four (16x16, 16x8, P_Skip, B direct) or two blocks are written as
     * straight-line stores at constant offsets, which the JIT range-checks once per row instead of per element.
     */
    static void fill(AvcPicture pic, int list, int i0, int w4, int h4, int refIdx, int id, int mx, int my) {
        byte[] refs = pic.refIdx[list];
        int[] ids = pic.refPic[list];
        short[] mv = pic.mv[list];
        byte r = (byte) refIdx;
        short sx = (short) mx;
        short sy = (short) my;
        int stride4 = pic.stride4;
        if (w4 == 4) {
            for (int row = 0, i = i0; row < h4; row++, i += stride4) {
                refs[i] = r;
                refs[i + 1] = r;
                refs[i + 2] = r;
                refs[i + 3] = r;
                ids[i] = id;
                ids[i + 1] = id;
                ids[i + 2] = id;
                ids[i + 3] = id;
                int m = 2 * i;
                mv[m] = sx;
                mv[m + 1] = sy;
                mv[m + 2] = sx;
                mv[m + 3] = sy;
                mv[m + 4] = sx;
                mv[m + 5] = sy;
                mv[m + 6] = sx;
                mv[m + 7] = sy;
            }
            return;
        }
        if (w4 == 2) { // 8x16, 8x8 and direct 8x8 blocks
            for (int row = 0, i = i0; row < h4; row++, i += stride4) {
                refs[i] = r;
                refs[i + 1] = r;
                ids[i] = id;
                ids[i + 1] = id;
                int m = 2 * i;
                mv[m] = sx;
                mv[m + 1] = sy;
                mv[m + 2] = sx;
                mv[m + 3] = sy;
            }
            return;
        }
        for (int row = 0; row < h4; row++) {
            int i = i0 + row * stride4;
            for (int x = 0; x < w4; x++, i++) {
                refs[i] = r;
                ids[i] = id;
                mv[2 * i] = sx;
                mv[2 * i + 1] = sy;
            }
        }
    }

    private int refId(int list, int refIdx) throws MediaFormatException {
        AvcPicture[] l = list < ctx.refList.length ? ctx.refList[list] : null;
        if (l == null || refIdx < 0 || refIdx >= l.length || l[refIdx] == null) {
            throw new MediaFormatException("H.264 slice " + ctx.sliceId + ": ref_idx_l" + list + " " + refIdx
                    + " has no reference picture (RefPicList" + list + " holds " + (l == null ? 0 : l.length) + ")");
        }
        return l[refIdx].id;
    }
}
