package org.diva.transcode.video.decode.avc;

/**
 * Weighted sample prediction (14496-10 8.4.2.3): combines the list 0 / list 1 predictions of a partition into the
 * final samples and writes them into a picture plane.
 *
 * <p>Three modes, chosen per slice: default (8.4.2.3.1: the single prediction as is, or {@code (a + b + 1) >> 1});
 * explicit (weighted_pred_flag in P, weighted_bipred_idc 1 in B: the slice's pred_weight_table, 8-270 for one list
 * with the {@code logWD >= 1} rounding, 8-272 for two); implicit (weighted_bipred_idc 2: bi-predicted partitions get
 * weights from the POC distances of the current picture and the two references, 8.4.2.3.1 with logWD 5 and offsets
 * 0, falling back to 32/32 when the distance of the references is zero, either is long-term, or DistScaleFactor >> 2
 * leaves [-64, 128]; single-list partitions use the default formula). Implicit weights depend only on the reference
 * pair, so they are tabulated per (refIdxL0, refIdxL1) once per slice.
 */
final class Weights {
    static final int DEFAULT = 0;
    static final int EXPLICIT = 1;
    static final int IMPLICIT = 2;

    private final int mode;
    private final PredWeights table;
    /** Implicit w1 per refIdxL0 * n1 + refIdxL1; w0 = 64 - w1. */
    private final int[] implicitW1;
    private final int n1;

    // The selected partition's parameters per component (0 Y, 1 Cb, 2 Cr).
    private boolean use0;
    private boolean use1;
    private boolean bi;
    private boolean passThrough;
    private boolean average;
    private final int[] logWD = new int[3];
    private final int[] w0 = new int[3];
    private final int[] w1 = new int[3];
    private final int[] o0 = new int[3];
    private final int[] o1 = new int[3];

    Weights(SliceContext ctx) {
        SliceHeader header = ctx.header;
        if (header.isB()) {
            mode = ctx.pps.weightedBipredIdc() == 1 ? EXPLICIT : ctx.pps.weightedBipredIdc() == 2 ? IMPLICIT : DEFAULT;
        } else if (header.sliceType() == SliceHeader.P) {
            mode = ctx.pps.weightedPred() ? EXPLICIT : DEFAULT;
        } else {
            mode = DEFAULT;
        }
        if (mode == EXPLICIT && header.weights().isEmpty()) {
            throw new IllegalArgumentException("PPS " + ctx.pps.ppsId() + " asks for explicit weighted prediction"
                    + " but the slice header carries no pred_weight_table");
        }
        table = mode == EXPLICIT ? header.weights().get() : null;
        if (mode == IMPLICIT) {
            AvcPicture[] l0 = ctx.refList[0];
            AvcPicture[] l1 = ctx.refList[1];
            n1 = l1.length;
            implicitW1 = new int[l0.length * n1];
            for (int i = 0; i < l0.length; i++) {
                for (int j = 0; j < n1; j++) {
                    implicitW1[i * n1 + j] = implicitWeight1(ctx.picture, l0[i], l1[j]);
                }
            }
        } else {
            n1 = 0;
            implicitW1 = null;
        }
    }

    int mode() {
        return mode;
    }

    /** w1 of implicit weighting (8-277 to 8-280 with DistScaleFactor of 8.4.1.2.3); w0 = 64 - w1. */
    static int implicitWeight1(AvcPicture current, AvcPicture pic0, AvcPicture pic1) {
        if (pic0 == null || pic1 == null || pic0.reference == AvcPicture.LONG_TERM
                || pic1.reference == AvcPicture.LONG_TERM) {
            return 32;
        }
        int td = clip3(-128, 127, pic1.poc - pic0.poc);
        if (td == 0) {
            return 32;
        }
        int tb = clip3(-128, 127, current.poc - pic0.poc);
        int tx = (16384 + Math.abs(td / 2)) / td;
        int distScaleFactor = clip3(-1024, 1023, (tb * tx + 32) >> 6);
        int w = distScaleFactor >> 2;
        return w < -64 || w > 128 ? 32 : w;
    }

    private static int clip3(int lo, int hi, int v) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    /** Selects the weights of a partition predicting from refIdxL0 / refIdxL1 (-1 = list unused). */
    void select(int ref0, int ref1) {
        use0 = ref0 >= 0;
        use1 = ref1 >= 0;
        bi = use0 && use1;
        if (mode == EXPLICIT) {
            PredWeights t = table;
            logWD[0] = t.lumaLog2Denom();
            logWD[1] = logWD[2] = t.chromaLog2Denom();
            if (use0) {
                w0[0] = t.lumaWeight()[0][ref0];
                o0[0] = t.lumaOffset()[0][ref0];
                for (int c = 0; c < 2; c++) {
                    w0[c + 1] = t.chromaWeight()[0][ref0][c];
                    o0[c + 1] = t.chromaOffset()[0][ref0][c];
                }
            }
            if (use1) {
                w1[0] = t.lumaWeight()[1][ref1];
                o1[0] = t.lumaOffset()[1][ref1];
                for (int c = 0; c < 2; c++) {
                    w1[c + 1] = t.chromaWeight()[1][ref1][c];
                    o1[c + 1] = t.chromaOffset()[1][ref1][c];
                }
            }
        } else if (mode == IMPLICIT && bi) {
            int b = implicitW1[ref0 * n1 + ref1];
            for (int c = 0; c < 3; c++) {
                logWD[c] = 5;
                w0[c] = 64 - b;
                w1[c] = b;
                o0[c] = 0;
                o1[c] = 0;
            }
        }
        boolean plain = true;
        for (int c = 0; c < 3 && plain; c++) {
            plain = bi ? plainAverage(c) : plainCopy(c);
        }
        passThrough = !bi && plain;
        average = bi && plain;
    }

    /**
     * Whether the selected single-list partition's samples are its prediction unchanged in every component: always
     * outside explicit mode, and in explicit mode for the default weight 1 << logWD with offset 0 (the table holds that
     * for every reference whose luma/chroma_weight_flag was 0), where 8-270 reduces to the identity. The caller may
     * then predict straight into the picture.
     */
    boolean passThrough() {
        return passThrough;
    }

    /**
     * Whether the selected bi-predicted partition's samples are {@code (p0 + p1 + 1) >> 1} in every component: always
     * in default mode, and whenever w0 = w1 = 1 << logWD with a combined offset of 0 (implicit 32/32, explicit default
     * weights), where 8-272 reduces to exactly that: {@code (2^logWD (p0 + p1 + 1)) >> (logWD + 1)}.
     */
    boolean average() {
        return average;
    }

    private boolean plainCopy(int c) {
        return mode != EXPLICIT || (use0 ? w0[c] == 1 << logWD[c] && o0[c] == 0 : w1[c] == 1 << logWD[c] && o1[c] == 0);
    }

    private boolean plainAverage(int c) {
        return mode == DEFAULT || (w0[c] == 1 << logWD[c] && w1[c] == w0[c] && ((o0[c] + o1[c] + 1) >> 1) == 0);
    }

    /**
     * Writes component {@code comp}'s final samples of a w x h block: predictions p0 / p1 (stride pStride, from 0)
     * into {@code dst} at dOff.
     */
    void write(int comp, byte[] p0, byte[] p1, int pStride, byte[] dst, int dOff, int dStride, int w, int h) {
        if (bi) {
            if (plainAverage(comp)) {
                SampleRows.average(p0, 0, pStride, p1, 0, pStride, dst, dOff, dStride, w, h);
                return;
            }
            int lw = logWD[comp];
            int a = w0[comp];
            int b = w1[comp];
            int round = 1 << lw;
            int shift = lw + 1;
            int o = (o0[comp] + o1[comp] + 1) >> 1;
            for (int y = 0; y < h; y++) {
                int p = y * pStride;
                int d = dOff + y * dStride;
                for (int x = 0; x < w; x++) {
                    dst[d + x] = (byte) clip1((((p0[p + x] & 0xFF) * a + (p1[p + x] & 0xFF) * b + round) >> shift) + o);
                }
            }
            return;
        }
        byte[] src = use0 ? p0 : p1;
        if (plainCopy(comp)) {
            SampleRows.copy(src, 0, pStride, dst, dOff, dStride, w, h);
            return;
        }
        int lw = logWD[comp];
        int wt = use0 ? w0[comp] : w1[comp];
        int o = use0 ? o0[comp] : o1[comp];
        int round = lw >= 1 ? 1 << (lw - 1) : 0;
        for (int y = 0; y < h; y++) {
            int p = y * pStride;
            int d = dOff + y * dStride;
            for (int x = 0; x < w; x++) {
                // 8-270: with logWD 0 the rounding term is 0 and the shift a no-op, the same as the else branch.
                dst[d + x] = (byte) clip1((((src[p + x] & 0xFF) * wt + round) >> lw) + o);
            }
        }
    }

    private static int clip1(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
