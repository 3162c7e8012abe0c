package org.diva.transcode.video.h264;

/** Chooses Intra16x16 luma modes by SATD and chroma modes by SAD of each allowed mode against the source. */
final class IntraDecision {
    private IntraDecision() {
    }

    /**
     * Predicts every allowed luma mode into {@code tmp}, keeps the best in {@code best} (when not null) and returns
     * its mode.
     */
    static int bestLumaMode(Plane recon, int mbx, int mby, int[] src, int[] tmp, int[] best) {
        return (int) search(recon, mbx, mby, src, tmp, best);
    }

    /**
     * A quick estimate for inter pictures: the luma mode with the smallest SAD, returned as its SATD (so that it
     * compares with an inter SATD) at a fifth of the cost of scoring every mode by SATD; or -1 when even that SAD
     * is over {@code sadLimit}, so intra cannot win and the SATD is not worth computing.
     */
    static int quickLumaSatd(Plane recon, int mbx, int mby, int[] src, int[] tmp, int sadLimit) {
        boolean left = mbx > 0;
        boolean top = mby > 0;
        int o = recon.index(mbx * 16, mby * 16);
        int bestMode = -1;
        int bestSad = Integer.MAX_VALUE;
        for (int mode = 0; mode < 4; mode++) {
            if (!IntraPredictor.lumaAllowed(mode, left, top)) {
                continue;
            }
            IntraPredictor.luma16(mode, recon.px, o, recon.stride, left, top, tmp);
            int sad = sad(src, 0, tmp, 0, 256, bestSad);
            if (sad < bestSad) {
                bestSad = sad;
                bestMode = mode;
            }
        }
        if (bestSad > sadLimit) {
            return -1;
        }
        IntraPredictor.luma16(bestMode, recon.px, o, recon.stride, left, top, tmp);
        return Satd.of(src, 0, tmp, 0, 16);
    }

    private static long search(Plane recon, int mbx, int mby, int[] src, int[] tmp, int[] best) {
        boolean left = mbx > 0;
        boolean top = mby > 0;
        int o = recon.index(mbx * 16, mby * 16);
        int bestMode = -1;
        int bestSad = Integer.MAX_VALUE;
        for (int mode = 0; mode < 4; mode++) {
            if (!IntraPredictor.lumaAllowed(mode, left, top)) {
                continue;
            }
            IntraPredictor.luma16(mode, recon.px, o, recon.stride, left, top, tmp);
            int sad = Satd.of(src, 0, tmp, 0, 16);
            if (sad < bestSad) {
                bestSad = sad;
                bestMode = mode;
                if (best != null) {
                    System.arraycopy(tmp, 0, best, 0, 256);
                }
            }
        }
        return ((long) bestSad << 32) | bestMode;
    }

    /** Chooses the chroma mode with the smallest SAD over both components; leaves its prediction in best[0..128). */
    static int bestChromaMode(Plane cb, Plane cr, int mbx, int mby, int[] src, int[] tmp, int[] best) {
        boolean left = mbx > 0;
        boolean top = mby > 0;
        int o = cb.index(mbx * 8, mby * 8);
        int bestMode = -1;
        int bestSad = Integer.MAX_VALUE;
        for (int mode = 0; mode < 4; mode++) {
            if (!IntraPredictor.chromaAllowed(mode, left, top)) {
                continue;
            }
            IntraPredictor.chroma8(mode, cb.px, o, cb.stride, left, top, tmp);
            int sad = sad(src, 0, tmp, 0, 64, bestSad);
            if (sad >= bestSad) {
                continue;
            }
            IntraPredictor.chroma8(mode, cr.px, o, cr.stride, left, top, tmp);
            // tmp now holds Cr; recompute Cb into the second half to keep both.
            System.arraycopy(tmp, 0, tmp, 64, 64);
            IntraPredictor.chroma8(mode, cb.px, o, cb.stride, left, top, tmp);
            sad = sad(src, 0, tmp, 0, 128, bestSad);
            if (sad < bestSad) {
                bestSad = sad;
                bestMode = mode;
                System.arraycopy(tmp, 0, best, 0, 128);
            }
        }
        return bestMode;
    }

    /** SAD of n ints; stops counting (returns early, at least {@code limit}) once it reaches {@code limit}. */
    private static int sad(int[] a, int ao, int[] b, int bo, int n, int limit) {
        int sum = 0;
        for (int i = 0; i < n; i += 16) {
            for (int j = i; j < i + 16; j++) {
                sum += Math.abs(a[ao + j] - b[bo + j]);
            }
            if (sum >= limit) {
                return sum;
            }
        }
        return sum;
    }
}
