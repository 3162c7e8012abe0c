package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Inter prediction of a macroblock (14496-10 8.4.2): motion-compensated luma and chroma samples from the reference
 * pictures, weighted (8.4.2.3) and written straight into the current picture's planes at the macroblock, where
 * reconstruction then adds the residual.
 *
 * <p>Motion comes from the picture's per-4x4 arrays (written by motion-vector prediction), not from the parsed
 * partition shape: direct-predicted blocks may differ per 4x4 block whatever mb_type said. Since every predicted
 * sample depends only on its own position, motion vector, reference and weights, any rectangle of 4x4 blocks with
 * equal motion can be predicted as one block; {@link #predict} merges the macroblock into the largest such
 * rectangles (16x16, 16x8, 8x16, 8x8, 8x4, 4x8, 4x4) to run the filters over long rows.
 *
 * <p>Chroma uses the luma vector unchanged (4:2:0 frames: 8-229 with no vertical offset) in eighth chroma samples.
 * One instance per slice; not thread-safe.
 */
final class InterPredictor {
    private final AvcPicture pic;
    private final AvcPicture[][] refList;
    private final Weights weights;
    private final LumaMc luma = new LumaMc();
    private final ChromaMc chroma = new ChromaMc();
    /** Per-list predictions of the current partition: luma stride 16, chroma stride 8. */
    private final byte[][] predY = {new byte[256], new byte[256]};
    private final byte[][] predCb = {new byte[64], new byte[64]};
    private final byte[][] predCr = {new byte[64], new byte[64]};
    private final int lumaHeight;
    private final int chromaHeight;

    InterPredictor(SliceContext ctx) {
        this.pic = ctx.picture;
        this.refList = ctx.refList;
        this.weights = new Weights(ctx);
        lumaHeight = 16 * pic.heightMbs;
        chromaHeight = 8 * pic.heightMbs;
    }

    /**
     * Writes the inter prediction of the macroblock into the picture planes.
     *
     * @throws MediaFormatException when a block refers to a reference index that has no picture in the list
     */
    void predict(Macroblock mb) throws MediaFormatException {
        int base = pic.block4(mb.mbX, mb.mbY, 0, 0);
        if (uniform(base, 0, 0, 4, 4)) {
            partition(mb, base, 0, 0, 4, 4);
        } else if (uniform(base, 0, 0, 4, 2) && uniform(base, 0, 2, 4, 2)) {
            partition(mb, base, 0, 0, 4, 2);
            partition(mb, base, 0, 2, 4, 2);
        } else if (uniform(base, 0, 0, 2, 4) && uniform(base, 2, 0, 2, 4)) {
            partition(mb, base, 0, 0, 2, 4);
            partition(mb, base, 2, 0, 2, 4);
        } else {
            for (int b8 = 0; b8 < 4; b8++) {
                int x4 = 2 * (b8 & 1);
                int y4 = b8 & 2;
                if (uniform(base, x4, y4, 2, 2)) {
                    partition(mb, base, x4, y4, 2, 2);
                } else if (uniform(base, x4, y4, 2, 1) && uniform(base, x4, y4 + 1, 2, 1)) {
                    partition(mb, base, x4, y4, 2, 1);
                    partition(mb, base, x4, y4 + 1, 2, 1);
                } else if (uniform(base, x4, y4, 1, 2) && uniform(base, x4 + 1, y4, 1, 2)) {
                    partition(mb, base, x4, y4, 1, 2);
                    partition(mb, base, x4 + 1, y4, 1, 2);
                } else {
                    partition(mb, base, x4, y4, 1, 1);
                    partition(mb, base, x4 + 1, y4, 1, 1);
                    partition(mb, base, x4, y4 + 1, 1, 1);
                    partition(mb, base, x4 + 1, y4 + 1, 1, 1);
                }
            }
        }
    }

    /** Whether every 4x4 block of the rectangle has the motion (both lists) of its top-left block. */
    private boolean uniform(int base, int x4, int y4, int w4, int h4) {
        int s4 = pic.stride4;
        int first = base + y4 * s4 + x4;
        byte[] r0 = pic.refIdx[0];
        byte[] r1 = pic.refIdx[1];
        short[] m0 = pic.mv[0];
        short[] m1 = pic.mv[1];
        int a0 = r0[first];
        int a1 = r1[first];
        int mx0 = m0[2 * first];
        int my0 = m0[2 * first + 1];
        int mx1 = m1[2 * first];
        int my1 = m1[2 * first + 1];
        for (int y = 0; y < h4; y++) {
            for (int x = 0; x < w4; x++) {
                int b = first + y * s4 + x;
                if (r0[b] != a0 || r1[b] != a1 || m0[2 * b] != mx0 || m0[2 * b + 1] != my0
                        || m1[2 * b] != mx1 || m1[2 * b + 1] != my1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Predicts one rectangle of 4x4 blocks with uniform motion, (x4, y4, w4, h4) in 4x4 units inside the MB. */
    private void partition(Macroblock mb, int base, int x4, int y4, int w4, int h4) throws MediaFormatException {
        int blk = base + y4 * pic.stride4 + x4;
        int ref0 = pic.refIdx[0][blk];
        int ref1 = pic.refIdx[1][blk];
        if (ref0 < 0 && ref1 < 0) {
            throw new MediaFormatException("inter macroblock " + mb.addr + " has a 4x4 block (" + x4 + ", " + y4
                    + ") that predicts from neither list");
        }
        int xL = 16 * mb.mbX + 4 * x4;
        int yL = 16 * mb.mbY + 4 * y4;
        int w = 4 * w4;
        int h = 4 * h4;
        int lOff = yL * pic.stride + xL;
        int cOff = (yL >> 1) * pic.chromaStride + (xL >> 1);
        weights.select(ref0, ref1);
        if (weights.passThrough()) {
            int list = ref0 >= 0 ? 0 : 1;
            motion(mb, list, ref0 >= 0 ? ref0 : ref1, blk, xL, yL, w, h, pic.y, lOff, pic.stride, pic.cb, pic.cr, cOff,
                    pic.chromaStride);
            return;
        }
        if (weights.average()) {
            // List 0 goes straight into the picture and list 1 is averaged into it: one scratch block, one pass.
            motion(mb, 0, ref0, blk, xL, yL, w, h, pic.y, lOff, pic.stride, pic.cb, pic.cr, cOff, pic.chromaStride);
            motion(mb, 1, ref1, blk, xL, yL, w, h, predY[1], 0, 16, predCb[1], predCr[1], 0, 8);
            SampleRows.averageInto(pic.y, lOff, pic.stride, predY[1], 0, 16, w, h);
            SampleRows.averageInto(pic.cb, cOff, pic.chromaStride, predCb[1], 0, 8, w >> 1, h >> 1);
            SampleRows.averageInto(pic.cr, cOff, pic.chromaStride, predCr[1], 0, 8, w >> 1, h >> 1);
            return;
        }
        if (ref0 >= 0) {
            motion(mb, 0, ref0, blk, xL, yL, w, h, predY[0], 0, 16, predCb[0], predCr[0], 0, 8);
        }
        if (ref1 >= 0) {
            motion(mb, 1, ref1, blk, xL, yL, w, h, predY[1], 0, 16, predCb[1], predCr[1], 0, 8);
        }
        weights.write(0, predY[0], predY[1], 16, pic.y, lOff, pic.stride, w, h);
        weights.write(1, predCb[0], predCb[1], 8, pic.cb, cOff, pic.chromaStride, w >> 1, h >> 1);
        weights.write(2, predCr[0], predCr[1], 8, pic.cr, cOff, pic.chromaStride, w >> 1, h >> 1);
    }

    /** Predicts the block at luma (xL, yL) of size w x h from one list into the given luma / chroma targets. */
    private void motion(Macroblock mb, int list, int ref, int blk, int xL, int yL, int w, int h, byte[] dy, int yOff,
                        int ys, byte[] dcb, byte[] dcr, int cOff, int cs) throws MediaFormatException {
        AvcPicture[] lst = refList[list];
        AvcPicture r = ref < lst.length ? lst[ref] : null;
        if (r == null) {
            throw new MediaFormatException("macroblock " + mb.addr + " refers to ref_idx_l" + list + " " + ref
                    + " but RefPicList" + list + " has no picture there (" + lst.length + " entries)");
        }
        if (r.widthMbs != pic.widthMbs || r.heightMbs != pic.heightMbs) {
            throw new MediaFormatException("reference picture of " + r.widthMbs + "x" + r.heightMbs
                    + " macroblocks for a picture of " + pic.widthMbs + "x" + pic.heightMbs);
        }
        int mvx = pic.mv[list][2 * blk];
        int mvy = pic.mv[list][2 * blk + 1];
        // 8-229/8-230: integer part by arithmetic shift (floor), fraction by mask, also for negative vectors.
        luma.predict(r.y, r.stride, lumaHeight, xL + (mvx >> 2), yL + (mvy >> 2), mvx & 3, mvy & 3, w, h, dy, yOff,
                ys);
        int xC = (xL >> 1) + (mvx >> 3);
        int yC = (yL >> 1) + (mvy >> 3);
        chroma.predict(r.cb, r.chromaStride, chromaHeight, xC, yC, mvx & 7, mvy & 7, w >> 1, h >> 1, dcb, cOff, cs);
        chroma.predict(r.cr, r.chromaStride, chromaHeight, xC, yC, mvx & 7, mvy & 7, w >> 1, h >> 1, dcr, cOff, cs);
    }

}
