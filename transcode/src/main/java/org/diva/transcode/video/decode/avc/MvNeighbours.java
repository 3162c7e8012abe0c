package org.diva.transcode.video.decode.avc;

/**
 * Neighbouring partitions and the motion vector predictor of 14496-10 8.4.1.3 for the macroblock being decoded,
 * read straight from the picture's per-4x4 arrays.
 *
 * <p>Positions are in 4x4 blocks relative to the macroblock's top-left block: a partition at (x4, y4) of size
 * (w4, h4) has A at (x4 - 1, y4), B at (x4, y4 - 1), C at (x4 + w4, y4 - 1) and D at (x4 - 1, y4 - 1) (6.4.11.7).
 * With frame macroblocks only, a neighbour's picture index is simply the current macroblock's top-left index plus
 * the offset, so only availability needs thought: neighbours outside the macroblock come from the macroblocks A, B, C,
 * D of 6.4.10 (inside the picture and in the same slice), neighbours to the right of the macroblock below its top row
 * are never available, and neighbours inside the macroblock are available once decoded. Partitions are decoded in
 * 8x8 block order and, inside an 8x8 block, in sub-partition order; the only neighbour that can point forward is C,
 * and a C inside the macroblock is decoded exactly when its 8x8 block index is not greater than the current one
 * (e.g. C of the top-right 4x4 of 8x8 block 0 lies in block 1 and is not yet decoded).
 *
 * <p>An unavailable neighbour reads as refIdx {@link #NA} with a zero vector; an available one that does not use the
 * list (intra, or the other list only) as refIdx -1 with a zero vector, which is what the picture arrays hold.
 */
final class MvNeighbours {
    /** refIdx of a neighbour partition that is not available (distinct from -1, "available but list unused"). */
    static final int NA = -2;

    // Partition shapes that have the directional rules of 8.4.1.3.
    static final int SHAPE_OTHER = 0;
    static final int SHAPE_16X8_TOP = 1;
    static final int SHAPE_16X8_BOTTOM = 2;
    static final int SHAPE_8X16_LEFT = 3;
    static final int SHAPE_8X16_RIGHT = 4;

    private final SliceContext ctx;
    private final AvcPicture pic;
    private final int stride4;

    private int mbA;
    private int mbB;
    private int mbC;
    private int mbD;
    /** Picture 4x4 index of the current macroblock's top-left block. */
    int base;

    // Result of fetch: the neighbour's vector.
    private int nx;
    private int ny;

    /** Result of {@link #predict}: the motion vector predictor. */
    int mvpX;
    int mvpY;

    // Results of neighbours(): refIdx and vectors of A, B and C (C already replaced by D when unavailable).
    int refA;
    int refB;
    int refC;
    int ax;
    int ay;
    int bx;
    int by;
    int cx;
    int cy;

    MvNeighbours(SliceContext ctx) {
        this.ctx = ctx;
        this.pic = ctx.picture;
        this.stride4 = pic.stride4;
    }

    /** Looks up the neighbouring macroblocks of the macroblock at (mbX, mbY). */
    void startMacroblock(int mbX, int mbY) {
        mbA = ctx.left(mbX, mbY);
        mbB = ctx.above(mbX, mbY);
        mbC = ctx.aboveRight(mbX, mbY);
        mbD = ctx.aboveLeft(mbX, mbY);
        base = 4 * mbY * stride4 + 4 * mbX;
    }

    boolean leftAvailable() {
        return mbA >= 0;
    }

    boolean aboveAvailable() {
        return mbB >= 0;
    }

    /**
     * The refIdx in {@code list} of the 4x4 block at (xN, yN) relative to the macroblock, or {@link #NA}; its vector
     * goes to nx / ny. {@code curB8} is the 8x8 block being decoded (3 when every inside neighbour is decoded).
     */
    private int fetch(int list, int xN, int yN, int curB8) {
        int addr;
        if (yN < 0) {
            addr = xN < 0 ? mbD : xN < 4 ? mbB : mbC;
        } else if (xN < 0) {
            addr = mbA;
        } else if (xN < 4 && (xN >> 1) + (yN & 2) <= curB8) {
            addr = 0; // inside the current macroblock and already decoded
        } else {
            addr = -1;
        }
        if (addr < 0) {
            nx = 0;
            ny = 0;
            return NA;
        }
        int i = base + yN * stride4 + xN;
        short[] mv = pic.mv[list];
        nx = mv[2 * i];
        ny = mv[2 * i + 1];
        return pic.refIdx[list][i];
    }

    /** Fills refA/B/C and their vectors for a partition, with C replaced by D when unavailable (8.4.1.3.2). */
    void neighbours(int list, int x4, int y4, int w4, int curB8) {
        if (x4 == 0 && y4 == 0 && w4 == 4) {
            macroblockNeighbours(list);
            return;
        }
        refA = fetch(list, x4 - 1, y4, curB8);
        ax = nx;
        ay = ny;
        refB = fetch(list, x4, y4 - 1, curB8);
        bx = nx;
        by = ny;
        refC = fetch(list, x4 + w4, y4 - 1, curB8);
        if (refC == NA) {
            refC = fetch(list, x4 - 1, y4 - 1, curB8);
        }
        cx = nx;
        cy = ny;
    }

    /**
     * {@link #neighbours} of a partition covering the whole macroblock (P_Skip, B direct, 16x16, the top 16x8): all
     * of A, B, C and D lie in the neighbouring macroblocks, so each is one availability test and one read. It is the
     * most frequent case, worth sparing the general position arithmetic of {@link #fetch}.
     */
    private void macroblockNeighbours(int list) {
        byte[] refs = pic.refIdx[list];
        short[] mv = pic.mv[list];
        int a = base - 1;
        int b = base - stride4;
        int c = mbC >= 0 ? b + 4 : mbD >= 0 ? b - 1 : -1; // C, or D in its place (8.4.1.3.2)
        if (mbA >= 0) {
            refA = refs[a];
            ax = mv[2 * a];
            ay = mv[2 * a + 1];
        } else {
            refA = NA;
            ax = ay = 0;
        }
        if (mbB >= 0) {
            refB = refs[b];
            bx = mv[2 * b];
            by = mv[2 * b + 1];
        } else {
            refB = NA;
            bx = by = 0;
        }
        if (c >= 0) {
            refC = refs[c];
            cx = mv[2 * c];
            cy = mv[2 * c + 1];
        } else {
            refC = NA;
            cx = cy = 0;
        }
    }

    /**
     * mvpLX of 8.4.1.3 for a partition: the directional rules for 16x8 and 8x16 partitions, then the median
     * prediction of 8.4.1.3.1 (only A available: A; exactly one neighbour with the same refIdx: its vector; else the
     * component-wise median). Result in mvpX / mvpY.
     */
    void predict(int list, int refIdx, int x4, int y4, int w4, int curB8, int shape) {
        neighbours(list, x4, y4, w4, curB8);
        switch (shape) {
            case SHAPE_16X8_TOP, SHAPE_8X16_RIGHT -> {
                int r = shape == SHAPE_16X8_TOP ? refB : refC;
                if (r == refIdx) {
                    mvpX = shape == SHAPE_16X8_TOP ? bx : cx;
                    mvpY = shape == SHAPE_16X8_TOP ? by : cy;
                    return;
                }
            }
            case SHAPE_16X8_BOTTOM, SHAPE_8X16_LEFT -> {
                if (refA == refIdx) {
                    mvpX = ax;
                    mvpY = ay;
                    return;
                }
            }
            default -> {
            }
        }
        median(refIdx);
    }

    /** 8.4.1.3.1 on the neighbours already in refA/B/C. */
    void median(int refIdx) {
        if (refB == NA && refC == NA && refA != NA) {
            mvpX = ax;
            mvpY = ay;
            return;
        }
        int matches = (refA == refIdx ? 1 : 0) + (refB == refIdx ? 2 : 0) + (refC == refIdx ? 4 : 0);
        switch (matches) {
            case 1 -> {
                mvpX = ax;
                mvpY = ay;
            }
            case 2 -> {
                mvpX = bx;
                mvpY = by;
            }
            case 4 -> {
                mvpX = cx;
                mvpY = cy;
            }
            default -> {
                mvpX = median3(ax, bx, cx);
                mvpY = median3(ay, by, cy);
            }
        }
    }

    static int median3(int a, int b, int c) {
        return a + b + c - Math.min(a, Math.min(b, c)) - Math.max(a, Math.max(b, c));
    }
}
