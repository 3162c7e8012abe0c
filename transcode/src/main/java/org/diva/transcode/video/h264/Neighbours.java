package org.diva.transcode.video.h264;

import java.util.Arrays;

/**
 * What later macroblocks of a picture need to know about earlier ones: the TotalCoeff of every 4x4 block (the nC
 * context of CAVLC, ISO/IEC 14496-10 clause 9.2.1), and each macroblock's motion vector and whether it is intra
 * (for motion vector prediction, 8.4.1.3, and the P_Skip vector, 8.4.1.1). A picture is one slice, so a
 * neighbour is available exactly when it lies inside the picture.
 */
final class Neighbours {
    final int mbWidth;
    final int mbHeight;
    /** TotalCoeff per luma 4x4 block, 16 per macroblock in raster order within the macroblock. */
    final byte[] nnzLuma;
    /** TotalCoeff per chroma AC block, 4 per macroblock and component. */
    final byte[] nnzCb;
    final byte[] nnzCr;
    /** Motion vector per macroblock in quarter samples; intra macroblocks hold 0. */
    final int[] mvx;
    final int[] mvy;
    final boolean[] intra;

    Neighbours(int mbWidth, int mbHeight) {
        this.mbWidth = mbWidth;
        this.mbHeight = mbHeight;
        int count = mbWidth * mbHeight;
        nnzLuma = new byte[count * 16];
        nnzCb = new byte[count * 4];
        nnzCr = new byte[count * 4];
        mvx = new int[count];
        mvy = new int[count];
        intra = new boolean[count];
    }

    void clear() {
        Arrays.fill(nnzLuma, (byte) 0);
        Arrays.fill(nnzCb, (byte) 0);
        Arrays.fill(nnzCr, (byte) 0);
        Arrays.fill(mvx, 0);
        Arrays.fill(mvy, 0);
        Arrays.fill(intra, false);
    }

    /** nC for luma block (bx, by) of macroblock (mbx, mby). */
    int lumaNc(int mbx, int mby, int bx, int by) {
        int mb = mby * mbWidth + mbx;
        int a = -1;
        int b = -1;
        if (bx > 0) {
            a = nnzLuma[mb * 16 + by * 4 + bx - 1];
        } else if (mbx > 0) {
            a = nnzLuma[(mb - 1) * 16 + by * 4 + 3];
        }
        if (by > 0) {
            b = nnzLuma[mb * 16 + (by - 1) * 4 + bx];
        } else if (mby > 0) {
            b = nnzLuma[(mb - mbWidth) * 16 + 12 + bx];
        }
        return combine(a, b);
    }

    /** nC for chroma AC block (bx, by) (each 0 or 1) of one component. */
    int chromaNc(byte[] nnz, int mbx, int mby, int bx, int by) {
        int mb = mby * mbWidth + mbx;
        int a = -1;
        int b = -1;
        if (bx > 0) {
            a = nnz[mb * 4 + by * 2];
        } else if (mbx > 0) {
            a = nnz[(mb - 1) * 4 + by * 2 + 1];
        }
        if (by > 0) {
            b = nnz[mb * 4 + bx];
        } else if (mby > 0) {
            b = nnz[(mb - mbWidth) * 4 + 2 + bx];
        }
        return combine(a, b);
    }

    private static int combine(int a, int b) {
        if (a >= 0 && b >= 0) {
            return (a + b + 1) >> 1;
        }
        return a >= 0 ? a : b >= 0 ? b : 0;
    }

    /**
     * The 16x16 motion vector predictor (8.4.1.3) into {@code out[0..1]}: the median of the left, top and
     * top-right (else top-left) neighbours, or the one neighbour that uses our reference picture, or the left one
     * when only it exists.
     */
    void predictMv(int mbx, int mby, int[] out) {
        int mb = mby * mbWidth + mbx;
        boolean hasA = mbx > 0;
        boolean hasB = mby > 0;
        int c = -1;
        if (mby > 0 && mbx + 1 < mbWidth) {
            c = mb - mbWidth + 1;
        } else if (mby > 0 && mbx > 0) {
            c = mb - mbWidth - 1;
        }
        if (!hasB && c < 0) {
            if (hasA) {
                out[0] = intra[mb - 1] ? 0 : mvx[mb - 1];
                out[1] = intra[mb - 1] ? 0 : mvy[mb - 1];
            } else {
                out[0] = 0;
                out[1] = 0;
            }
            return;
        }
        boolean refA = hasA && !intra[mb - 1];
        boolean refB = hasB && !intra[mb - mbWidth];
        boolean refC = c >= 0 && !intra[c];
        int ax = refA ? mvx[mb - 1] : 0;
        int ay = refA ? mvy[mb - 1] : 0;
        int bx = refB ? mvx[mb - mbWidth] : 0;
        int by = refB ? mvy[mb - mbWidth] : 0;
        int cx = refC ? mvx[c] : 0;
        int cy = refC ? mvy[c] : 0;
        int refs = (refA ? 1 : 0) + (refB ? 1 : 0) + (refC ? 1 : 0);
        if (refs == 1) {
            out[0] = refA ? ax : refB ? bx : cx;
            out[1] = refA ? ay : refB ? by : cy;
        } else {
            out[0] = median(ax, bx, cx);
            out[1] = median(ay, by, cy);
        }
    }

    /** The P_Skip motion vector (8.4.1.1): zero at the picture's top or left edge or next to a still neighbour. */
    void skipMv(int mbx, int mby, int[] out) {
        int mb = mby * mbWidth + mbx;
        if (mbx == 0 || mby == 0
                || (!intra[mb - 1] && mvx[mb - 1] == 0 && mvy[mb - 1] == 0)
                || (!intra[mb - mbWidth] && mvx[mb - mbWidth] == 0 && mvy[mb - mbWidth] == 0)) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        predictMv(mbx, mby, out);
    }

    private static int median(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
