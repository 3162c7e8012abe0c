package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * B-slice direct prediction (14496-10 8.4.1.2) for B_Skip, B_Direct_16x16 and B_Direct_8x8 blocks, writing refIdx,
 * refPic and mv of both lists straight into the picture's per-4x4 arrays.
 *
 * <p>The co-located picture is RefPicList1[0] (8.4.1.2.1); with frames only, the co-located 4x4 block sits at the same
 * position, or with direct_8x8_inference_flag at the outer corner of the same 8x8 block (luma4x4BlkIdx 0, 5, 10, 15),
 * so every 4x4 block of an 8x8 then shares one vector. Its mvCol / refIdxCol come from its list 0, or from list 1 when
 * it does not use list 0; an intra block gives refIdxCol -1 and a zero vector, which is what the arrays hold.
 *
 * <p>Spatial mode (8.4.1.2.2): the macroblock's neighbours A, B, C (of the whole 16x16 macroblock, also for
 * B_Direct_8x8, so computed once per macroblock) give refIdxLX = MinPositive over A, B, C per list and the 16x16
 * median predictor; when neither list gets a reference both use refIdx 0 with zero vectors (directZeroPrediction). A
 * list's vector is zero where colZeroFlag holds for its refIdx 0: RefPicList1[0] is short-term and the co-located
 * block has refIdxCol 0 and both mvCol components in [-1, 1].
 *
 * <p>Temporal mode (8.4.1.2.3): refIdxL0 is the lowest index of RefPicList0 holding the picture the co-located block
 * references (matched by picture id; 0 for an intra co-located block), refIdxL1 = 0, and the vectors scale mvCol by
 * the POC distances: tb = Clip3(-128, 127, POC(cur) - POC(pic0)), td = Clip3(-128, 127, POC(pic1) - POC(pic0)),
 * tx = (16384 + |td / 2|) / td, DistScaleFactor = Clip3(-1024, 1023, (tb * tx + 32) >> 6) (8-195..8-200),
 * mvL0 = (DistScaleFactor * mvCol + 128) >> 8, mvL1 = mvL0 - mvCol; a long-term pic0 or td = 0 gives mvL0 = mvCol and
 * mvL1 = 0 (a factor of 256 does exactly that, so it is folded into the factor table).
 *
 * <p>Speed: B_Skip and B_Direct_16x16 are most macroblocks of a B picture, so the per-macroblock facts (co-located
 * picture, both lists' refIdx, refPic id and predictor) are computed once per macroblock and the co-located picture
 * once per slice; colZeroFlag becomes a mask of the macroblock's 4x4 blocks, read once per 8x8 with
 * direct_8x8_inference and not read at all when it cannot matter (no list has refIdx 0, directZeroPrediction, or a
 * long-term co-located picture), because those reads touch a picture decoded long ago and miss the cache.
 */
final class DirectPredictor {
    private final SliceContext ctx;
    private final AvcPicture pic;
    private final MvNeighbours nb;
    private final boolean spatial;
    private final boolean inference8x8;
    private final int stride4;
    /** DistScaleFactor per refIdxL0 (temporal mode), computed once per slice. */
    private final int[] distScale;

    /** RefPicList1[0], checked on first use in the slice (a slice without direct blocks may lack it). */
    private AvcPicture col;
    private boolean colShortTerm;

    // Spatial results for the current macroblock, per list: refIdx, refPic id and the predictor (zero where unused).
    private final int[] ref = new int[2];
    private final int[] id = new int[2];
    private final int[] mvpX = new int[2];
    private final int[] mvpY = new int[2];
    private boolean directZero;
    private int macroblock = -1;

    DirectPredictor(SliceContext ctx, MvNeighbours nb) {
        this.ctx = ctx;
        this.pic = ctx.picture;
        this.nb = nb;
        this.spatial = ctx.header.directSpatialMvPred();
        this.inference8x8 = ctx.sps.direct8x8Inference();
        this.stride4 = pic.stride4;
        AvcPicture[] l0 = ctx.refList.length > 0 && ctx.refList[0] != null ? ctx.refList[0] : new AvcPicture[0];
        distScale = new int[l0.length];
        if (ctx.header.isB() && !spatial && ctx.refList.length > 1 && ctx.refList[1] != null
                && ctx.refList[1].length > 0 && ctx.refList[1][0] != null) {
            int poc1 = ctx.refList[1][0].poc;
            for (int i = 0; i < l0.length; i++) {
                distScale[i] = l0[i] == null ? 256 : distScaleFactor(pic.poc, l0[i].poc, poc1,
                        l0[i].reference == AvcPicture.LONG_TERM);
            }
        }
    }

    /** DistScaleFactor of 8.4.1.2.3 (eq. 8-195..8-200); 256 (identity) for a long-term pic0 or td = 0. */
    static int distScaleFactor(int pocCur, int poc0, int poc1, boolean longTerm0) {
        int td = clip3(-128, 127, poc1 - poc0);
        if (longTerm0 || td == 0) {
            return 256;
        }
        int tb = clip3(-128, 127, pocCur - poc0);
        int tx = (16384 + Math.abs(td / 2)) / td;
        return clip3(-1024, 1023, (tb * tx + 32) >> 6);
    }

    private static int clip3(int lo, int hi, int v) {
        return v < lo ? lo : Math.min(v, hi);
    }

    /** Direct prediction of the whole macroblock mb (B_Skip, B_Direct_16x16). */
    void predictMacroblock(Macroblock mb) throws MediaFormatException {
        AvcPicture c = colocated();
        if (spatial) {
            spatialMacroblock(mb);
            int mask = 0;
            for (int b8 = 0; b8 < 4; b8++) {
                mask |= colZeroMask(c, b8);
            }
            writeSpatial(0, 0, 4, 4, mask);
        } else {
            for (int b8 = 0; b8 < 4; b8++) {
                temporal8x8(c, b8);
            }
        }
    }

    /** Direct prediction of the 8x8 block b8 (0..3, raster) of macroblock mb (a B_8x8 direct sub-macroblock). */
    void predict8x8(Macroblock mb, int b8) throws MediaFormatException {
        AvcPicture c = colocated();
        if (spatial) {
            spatialMacroblock(mb);
            writeSpatial(2 * (b8 & 1), b8 & 2, 2, 2, colZeroMask(c, b8));
        } else {
            temporal8x8(c, b8);
        }
    }

    /** Forgets the per-macroblock spatial results (call before each macroblock that may use direct prediction). */
    void startMacroblock() {
        macroblock = -1;
    }

    private AvcPicture colocated() throws MediaFormatException {
        if (col != null) {
            return col;
        }
        if (ctx.refList.length < 2 || ctx.refList[0] == null || ctx.refList[1] == null
                || ctx.refList[1].length == 0 || ctx.refList[1][0] == null || ctx.refList[0].length == 0) {
            throw new MediaFormatException("H.264 direct prediction in slice " + ctx.sliceId
                    + " without a RefPicList1[0] (co-located picture) and a RefPicList0");
        }
        AvcPicture c = ctx.refList[1][0];
        if (c.widthMbs != pic.widthMbs || c.heightMbs != pic.heightMbs) {
            throw new MediaFormatException("H.264 direct prediction in slice " + ctx.sliceId + ": co-located picture of "
                    + c.widthMbs + "x" + c.heightMbs + " macroblocks for a picture of " + pic.widthMbs + "x"
                    + pic.heightMbs);
        }
        colShortTerm = c.reference == AvcPicture.SHORT_TERM;
        col = c;
        return c;
    }

    /**
     * refIdxL0/L1, their refPic ids and the 16x16 predictors of 8.4.1.2.2 from the whole macroblock's neighbours, once
     * per macroblock. The median of a list only needs that list's neighbours, so each list's A, B, C are read once.
     */
    private void spatialMacroblock(Macroblock mb) throws MediaFormatException {
        if (macroblock == mb.addr) {
            return;
        }
        for (int list = 0; list < 2; list++) {
            nb.neighbours(list, 0, 0, 4, 3);
            int r = minPositive(nb.refA, minPositive(nb.refB, nb.refC));
            if (r >= 0) {
                nb.median(r);
                ref[list] = r;
                mvpX[list] = nb.mvpX;
                mvpY[list] = nb.mvpY;
            } else {
                ref[list] = -1;
                mvpX[list] = mvpY[list] = 0;
            }
        }
        directZero = ref[0] < 0 && ref[1] < 0;
        if (directZero) {
            ref[0] = 0;
            ref[1] = 0;
        }
        id[0] = ref[0] >= 0 ? refId(0, ref[0]) : -1;
        id[1] = ref[1] >= 0 ? refId(1, ref[1]) : -1;
        macroblock = mb.addr;
    }

    private static int minPositive(int x, int y) {
        return x >= 0 && y >= 0 ? Math.min(x, y) : Math.max(x, y);
    }

    /**
     * The 4x4 blocks (bit x4 + 4 * y4 of the macroblock) of 8x8 block b8 whose co-located block meets colZeroFlag's
     * conditions; 0 without reading the co-located picture when the flag cannot change a vector.
     */
    private int colZeroMask(AvcPicture c, int b8) {
        if (!colShortTerm || directZero || (ref[0] != 0 && ref[1] != 0)) {
            return 0;
        }
        int x0 = 2 * (b8 & 1);
        int y0 = b8 & 2;
        if (inference8x8) { // one co-located block, the 8x8 block's outer corner, serves the whole 8x8
            int corner = nb.base + (y0 == 0 ? 0 : 3) * stride4 + (x0 == 0 ? 0 : 3);
            return colZero(c, corner) ? 0x33 << (x0 + 4 * y0) : 0;
        }
        int mask = 0;
        for (int k = 0; k < 4; k++) {
            int x = x0 + (k & 1);
            int y = y0 + (k >> 1);
            if (colZero(c, nb.base + y * stride4 + x)) {
                mask |= 1 << (x + 4 * y);
            }
        }
        return mask;
    }

    /** colZeroFlag's block condition: refIdxCol 0 and both mvCol components in [-1, 1]. */
    private static boolean colZero(AvcPicture c, int i) {
        byte[] refs0 = c.refIdx[0];
        int list = refs0[i] >= 0 ? 0 : 1;
        if (c.refIdx[list][i] != 0) {
            return false;
        }
        short[] mv = c.mv[list];
        int x = mv[2 * i];
        int y = mv[2 * i + 1];
        return x >= -1 && x <= 1 && y >= -1 && y <= 1;
    }

    /** Writes the spatial result into the w4 x h4 blocks at (x4, y4); a list with refIdx 0 gets zero vectors in zeroMask. */
    private void writeSpatial(int x4, int y4, int w4, int h4, int zeroMask) {
        for (int list = 0; list < 2; list++) {
            MotionPredictor.fill(pic, list, nb.base + y4 * stride4 + x4, w4, h4, ref[list], id[list], mvpX[list],
                    mvpY[list]);
            short[] mv = pic.mv[list];
            // the mask only has bits inside the area; rarely any, so zeroing afterwards beats a test per block
            for (int m = ref[list] == 0 ? zeroMask : 0; m != 0; m &= m - 1) {
                int b = Integer.numberOfTrailingZeros(m);
                int i = nb.base + (b >> 2) * stride4 + (b & 3);
                mv[2 * i] = 0;
                mv[2 * i + 1] = 0;
            }
        }
    }

    private void temporal8x8(AvcPicture col, int b8) throws MediaFormatException {
        int x0 = 2 * (b8 & 1);
        int y0 = b8 & 2;
        AvcPicture[] l0 = ctx.refList[0];
        int id1 = refId(1, 0);
        int refIdxL0 = 0;
        int id0 = 0;
        int colX = 0;
        int colY = 0;
        int x = 0;
        int y = 0;
        for (int k = 0; k < 4; k++) {
            int i = nb.base + (y0 + (k >> 1)) * stride4 + x0 + (k & 1);
            if (k == 0 || !inference8x8) { // with inference one co-located block serves the whole 8x8
                int c = inference8x8 ? nb.base + (y0 == 0 ? 0 : 3) * stride4 + (x0 == 0 ? 0 : 3) : i;
                int list = col.refIdx[0][c] >= 0 ? 0 : 1;
                refIdxL0 = 0;
                colX = 0;
                colY = 0;
                if (col.refIdx[list][c] >= 0) {
                    refIdxL0 = mapColToList0(l0, col.refPic[list][c]);
                    colX = col.mv[list][2 * c];
                    colY = col.mv[list][2 * c + 1];
                }
                id0 = refId(0, refIdxL0);
                int f = distScale[refIdxL0];
                x = (f * colX + 128) >> 8;
                y = (f * colY + 128) >> 8;
            }
            pic.refIdx[0][i] = (byte) refIdxL0;
            pic.refPic[0][i] = id0;
            pic.mv[0][2 * i] = (short) x;
            pic.mv[0][2 * i + 1] = (short) y;
            pic.refIdx[1][i] = 0;
            pic.refPic[1][i] = id1;
            pic.mv[1][2 * i] = (short) (x - colX);
            pic.mv[1][2 * i + 1] = (short) (y - colY);
        }
    }

    private int mapColToList0(AvcPicture[] l0, int picId) throws MediaFormatException {
        for (int r = 0; r < l0.length; r++) {
            if (l0[r] != null && l0[r].id == picId) {
                return r;
            }
        }
        throw new MediaFormatException("H.264 temporal direct in slice " + ctx.sliceId
                + ": the co-located block's reference picture is not in RefPicList0");
    }

    private int refId(int list, int refIdx) throws MediaFormatException {
        AvcPicture[] l = ctx.refList[list];
        if (refIdx >= l.length || l[refIdx] == null) {
            throw new MediaFormatException("H.264 slice " + ctx.sliceId + ": ref_idx_l" + list + " " + refIdx
                    + " has no reference picture (list of " + l.length + ")");
        }
        return l[refIdx].id;
    }
}
