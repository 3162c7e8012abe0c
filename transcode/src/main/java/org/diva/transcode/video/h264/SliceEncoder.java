package org.diva.transcode.video.h264;

import org.diva.transcode.codec.H264ChromaQp;

/**
 * Codes one picture as one slice, macroblock by macroblock in raster order, and keeps its reconstruction.
 *
 * <p>Mode decision follows x264's fastest preset: an IDR picture is all Intra16x16 (the luma and chroma modes
 * with the smallest SATD, chroma by SAD). In a P picture a macroblock is skipped at once when the residual of
 * the skip vector is provably small enough to quantise away (no transform needed); otherwise integer motion
 * search (candidates: the predictor, zero, the neighbours' vectors and the previous picture's at and after
 * this position) finds a 16x16 vector, Intra16x16 wins when its SATD beats the inter SATD plus the vector's
 * cost, and a P_L0_16x16 whose vector equals the skip vector and whose residual quantised to nothing becomes a
 * P_Skip after all. (Probing P_Skip by quantising its residual before the search was tried: it skips macroblocks that a better
 * vector would code well, and cost about 0.3 dB at equal bitrate.)
 */
final class SliceEncoder {
    final int mbWidth;
    final int mbHeight;
    final Plane srcY;
    final Plane srcU;
    final Plane srcV;
    private Plane[] recon;
    private Plane[] ref;
    private final Neighbours nb;
    private final ResidualCoder rc = new ResidualCoder();
    private final MacroblockWriter writer = new MacroblockWriter();
    private final MotionSearch ms;
    private final Quantizer lumaQ = new Quantizer();
    private final Quantizer chromaQ = new Quantizer();
    private final int[] tmpPred = new int[256];
    private final int[] mv = new int[2];
    /** The previous picture's vectors (quarter samples), temporal candidates for the search. */
    private final int[] prevMvx;
    private final int[] prevMvy;
    private final int[] skip = new int[2];
    private int lambda;
    /** Macroblock counts of the last picture, for tests and statistics. */
    int intraCount;
    int skipCount;

    SliceEncoder(int mbWidth, int mbHeight) {
        this.mbWidth = mbWidth;
        this.mbHeight = mbHeight;
        int w = mbWidth * 16;
        int h = mbHeight * 16;
        srcY = new Plane(w, h, 0);
        srcU = new Plane(w / 2, h / 2, 0);
        srcV = new Plane(w / 2, h / 2, 0);
        recon = newPicture(w, h);
        ref = newPicture(w, h);
        nb = new Neighbours(mbWidth, mbHeight);
        prevMvx = new int[mbWidth * mbHeight];
        prevMvy = new int[mbWidth * mbHeight];
        ms = new MotionSearch(srcY);
    }

    private static Plane[] newPicture(int w, int h) {
        return new Plane[] {new Plane(w, h, 48), new Plane(w / 2, h / 2, 24), new Plane(w / 2, h / 2, 24)};
    }

    /** The reconstruction of the last coded picture (luma, Cb, Cr), which is also the next reference. */
    Plane[] reconstruction() {
        return ref;
    }

    /** Codes the slice data of the picture in the source planes; the slice header is already written. */
    void encode(BitWriter bw, boolean intraPicture, int qp) {
        lumaQ.setQp(qp);
        chromaQ.setQp(H264ChromaQp.of(qp, 0));
        lambda = Math.max(1, (int) Math.round(Math.pow(2, (qp - 12) / 6.0)));
        nb.clear();
        intraCount = 0;
        skipCount = 0;
        int skipRun = 0;
        for (int mby = 0; mby < mbHeight; mby++) {
            for (int mbx = 0; mbx < mbWidth; mbx++) {
                loadSource(mbx, mby);
                if (intraPicture) {
                    codeIntra(bw, mbx, mby, false);
                    continue;
                }
                if (codeInterOrSkip(bw, mbx, mby, skipRun)) {
                    skipRun++;
                } else {
                    skipRun = 0;
                }
            }
        }
        if (skipRun > 0) {
            bw.ue(skipRun);
        }
        bw.trailingBits();
        for (Plane p : recon) {
            p.extendBorders();
        }
        System.arraycopy(nb.mvx, 0, prevMvx, 0, prevMvx.length);
        System.arraycopy(nb.mvy, 0, prevMvy, 0, prevMvy.length);
        Plane[] t = ref;
        ref = recon;
        recon = t;
    }

    /** Returns true when the macroblock was skipped (the caller extends the skip run). */
    private boolean codeInterOrSkip(BitWriter bw, int mbx, int mby, int skipRun) {
        int mb = mby * mbWidth + mbx;
        nb.skipMv(mbx, mby, skip);
        nb.predictMv(mbx, mby, mv);
        int predX = mv[0];
        int predY = mv[1];
        ms.begin(ref[0], mbx, mby, predX, predY, lambda);
        int sx = skip[0] >> 2;
        int sy = skip[1] >> 2;
        boolean skipUsable = ms.inRange(sx, sy);
        if (skipUsable) {
            predictInter(mbx, mby, sx, sy);
            if (rc.provablyEmpty(lumaQ, chromaQ)) {
                System.arraycopy(rc.predY, 0, rc.reconY, 0, 256);
                System.arraycopy(rc.predC, 0, rc.reconC, 0, 128);
                markSkip(mbx, mby, mb);
                return true;
            }
        }
        ms.consider(predX >> 2, predY >> 2);
        ms.consider(0, 0);
        if (skipUsable) {
            ms.consider(sx, sy);
        }
        if (mbx > 0) {
            ms.consider(nb.mvx[mb - 1] >> 2, nb.mvy[mb - 1] >> 2);
        }
        if (mby > 0) {
            ms.consider(nb.mvx[mb - mbWidth] >> 2, nb.mvy[mb - mbWidth] >> 2);
            if (mbx + 1 < mbWidth) {
                ms.consider(nb.mvx[mb - mbWidth + 1] >> 2, nb.mvy[mb - mbWidth + 1] >> 2);
            }
        }
        ms.consider(prevMvx[mb] >> 2, prevMvy[mb] >> 2);
        if (mbx + 1 < mbWidth) {
            ms.consider(prevMvx[mb + 1] >> 2, prevMvy[mb + 1] >> 2);
        }
        if (mby + 1 < mbHeight) {
            ms.consider(prevMvx[mb + mbWidth] >> 2, prevMvy[mb + mbWidth] >> 2);
        }
        ms.search();
        int bx = ms.bestX;
        int by = ms.bestY;
        predictInter(mbx, mby, bx, by);
        if (ms.bestSad > 256 && intraWins(mbx, mby)) {
            bw.ue(skipRun);
            codeIntra(bw, mbx, mby, true);
            return false;
        }
        rc.lumaInter(lumaQ);
        rc.chroma(chromaQ, false);
        if (bx * 4 == skip[0] && by * 4 == skip[1] && rc.cbpLuma == 0 && rc.cbpChroma == 0) {
            markSkip(mbx, mby, mb);
            return true;
        }
        bw.ue(skipRun);
        commitRecon(mbx, mby);
        nb.intra[mb] = false;
        nb.mvx[mb] = bx * 4;
        nb.mvy[mb] = by * 4;
        writer.writeInter(bw, bx * 4 - predX, by * 4 - predY, rc, nb, mbx, mby);
        return false;
    }

    private void markSkip(int mbx, int mby, int mb) {
        commitRecon(mbx, mby);
        nb.intra[mb] = false;
        nb.mvx[mb] = skip[0];
        nb.mvy[mb] = skip[1];
        MacroblockWriter.recordEmpty(nb, mbx, mby);
        skipCount++;
    }

    private void predictInter(int mbx, int mby, int x, int y) {
        MotionSearch.predictLuma(ref[0], mbx * 16, mby * 16, x, y, rc.predY);
        MotionSearch.predictChroma(ref[1], mbx * 8, mby * 8, x * 4, y * 4, rc.predC, 0);
        MotionSearch.predictChroma(ref[2], mbx * 8, mby * 8, x * 4, y * 4, rc.predC, 64);
    }

    /**
     * Whether Intra16x16 beats the inter prediction now in {@link ResidualCoder#predY} on SATD plus side-information
     * cost. SAD screens first: intra whose SAD is half again above the inter SAD is not scored by SATD at all.
     */
    private boolean intraWins(int mbx, int mby) {
        int intra = IntraDecision.quickLumaSatd(recon[0], mbx, mby, rc.srcY, tmpPred, ms.bestSad + ms.bestSad / 2);
        return intra >= 0
                && intra + 4 * lambda < Satd.of(rc.srcY, 0, rc.predY, 0, 16) + ms.bestCost - ms.bestSad;
    }

    private void codeIntra(BitWriter bw, int mbx, int mby, boolean pSlice) {
        int mb = mby * mbWidth + mbx;
        int lumaMode = IntraDecision.bestLumaMode(recon[0], mbx, mby, rc.srcY, tmpPred, rc.predY);
        int chromaMode = IntraDecision.bestChromaMode(recon[1], recon[2], mbx, mby, rc.srcC, tmpPred, rc.predC);
        rc.lumaIntra16(lumaQ);
        rc.chroma(chromaQ, true);
        commitRecon(mbx, mby);
        nb.intra[mb] = true;
        nb.mvx[mb] = 0;
        nb.mvy[mb] = 0;
        writer.writeIntra16(bw, pSlice, lumaMode, chromaMode, rc, nb, mbx, mby);
        intraCount++;
    }

    private void loadSource(int mbx, int mby) {
        byte[] y = srcY.px;
        int o = srcY.index(mbx * 16, mby * 16);
        for (int row = 0; row < 16; row++) {
            int so = o + row * srcY.stride;
            for (int col = 0; col < 16; col++) {
                rc.srcY[row * 16 + col] = y[so + col] & 0xFF;
            }
        }
        int co = srcU.index(mbx * 8, mby * 8);
        for (int row = 0; row < 8; row++) {
            int so = co + row * srcU.stride;
            for (int col = 0; col < 8; col++) {
                rc.srcC[row * 8 + col] = srcU.px[so + col] & 0xFF;
                rc.srcC[64 + row * 8 + col] = srcV.px[so + col] & 0xFF;
            }
        }
    }

    private void commitRecon(int mbx, int mby) {
        Plane y = recon[0];
        int o = y.index(mbx * 16, mby * 16);
        for (int row = 0; row < 16; row++) {
            int ro = o + row * y.stride;
            for (int col = 0; col < 16; col++) {
                y.px[ro + col] = (byte) rc.reconY[row * 16 + col];
            }
        }
        for (int c = 0; c < 2; c++) {
            Plane p = recon[1 + c];
            int co = p.index(mbx * 8, mby * 8);
            for (int row = 0; row < 8; row++) {
                int ro = co + row * p.stride;
                for (int col = 0; col < 8; col++) {
                    p.px[ro + col] = (byte) rc.reconC[c * 64 + row * 8 + col];
                }
            }
        }
    }
}
