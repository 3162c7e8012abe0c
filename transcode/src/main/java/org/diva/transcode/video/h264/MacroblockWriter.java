package org.diva.transcode.video.h264;

/**
 * Writes the macroblock layer (ISO/IEC 14496-10 clause 7.3.5) of the two macroblock types this encoder codes,
 * Intra16x16 and P_L0_16x16, including the residual (7.3.5.3) in CAVLC, and records each block's TotalCoeff for
 * the nC context of later blocks. mb_qp_delta is always 0: the QP is set per slice.
 */
final class MacroblockWriter {
    /** coded_block_pattern of inter macroblocks by codeNum (Table 9-4, ChromaArrayType 1). */
    private static final int[] INTER_CBP = {0, 16, 1, 2, 4, 8, 32, 3, 5, 10, 12, 15, 47, 7, 11, 13, 14, 6, 9, 31,
        35, 37, 42, 44, 33, 34, 36, 40, 39, 43, 45, 46, 17, 18, 20, 24, 19, 21, 26, 28, 23, 27, 29, 30, 22, 25, 38,
        41};
    private static final int[] INTER_CBP_CODE = new int[48];

    static {
        java.util.Arrays.fill(INTER_CBP_CODE, -1);
        for (int code = 0; code < INTER_CBP.length; code++) {
            INTER_CBP_CODE[INTER_CBP[code]] = code;
        }
    }

    private final CavlcWriter cavlc = new CavlcWriter();

    /** An Intra16x16 macroblock; in a P slice its mb_type is offset by the five P types (Table 7-13/7-14). */
    void writeIntra16(BitWriter bw, boolean pSlice, int lumaMode, int chromaMode, ResidualCoder rc, Neighbours nb,
            int mbx, int mby) {
        int mbType = 1 + lumaMode + 4 * rc.cbpChroma + (rc.cbpLuma != 0 ? 12 : 0);
        bw.ue(pSlice ? mbType + 5 : mbType);
        bw.ue(chromaMode);
        bw.se(0); // mb_qp_delta
        writeResidual(bw, rc, nb, mbx, mby, true);
    }

    /** A P_L0_16x16 macroblock with one motion vector difference (ref_idx is absent: one reference). */
    void writeInter(BitWriter bw, int mvdX, int mvdY, ResidualCoder rc, Neighbours nb, int mbx, int mby) {
        bw.ue(0);
        bw.se(mvdX);
        bw.se(mvdY);
        int cbp = rc.cbpLuma | (rc.cbpChroma << 4);
        bw.ue(INTER_CBP_CODE[cbp]);
        if (cbp != 0) {
            bw.se(0); // mb_qp_delta
        }
        writeResidual(bw, rc, nb, mbx, mby, false);
    }

    /** Records a skipped macroblock's (empty) residual for the nC of its neighbours. */
    static void recordEmpty(Neighbours nb, int mbx, int mby) {
        int mb = mby * nb.mbWidth + mbx;
        java.util.Arrays.fill(nb.nnzLuma, mb * 16, mb * 16 + 16, (byte) 0);
        java.util.Arrays.fill(nb.nnzCb, mb * 4, mb * 4 + 4, (byte) 0);
        java.util.Arrays.fill(nb.nnzCr, mb * 4, mb * 4 + 4, (byte) 0);
    }

    private void writeResidual(BitWriter bw, ResidualCoder rc, Neighbours nb, int mbx, int mby, boolean intra16) {
        int mb = mby * nb.mbWidth + mbx;
        for (int b = 0; b < 16; b++) {
            boolean coded = (rc.cbpLuma & (1 << (((b >> 3) << 1) | ((b & 3) >> 1)))) != 0;
            nb.nnzLuma[mb * 16 + b] = (byte) (coded ? rc.lumaNnz[b] : 0);
        }
        boolean chromaAc = rc.cbpChroma == 2;
        for (int b = 0; b < 4; b++) {
            nb.nnzCb[mb * 4 + b] = (byte) (chromaAc ? rc.chromaNnz[b] : 0);
            nb.nnzCr[mb * 4 + b] = (byte) (chromaAc ? rc.chromaNnz[4 + b] : 0);
        }
        if (intra16) {
            cavlc.write(bw, rc.lumaDc, 0, 16, nb.lumaNc(mbx, mby, 0, 0));
        }
        for (int b8 = 0; b8 < 4; b8++) {
            if ((rc.cbpLuma & (1 << b8)) == 0) {
                continue;
            }
            for (int i = 0; i < 4; i++) {
                int b = ResidualCoder.blockOf(b8, i);
                int nC = nb.lumaNc(mbx, mby, b & 3, b >> 2);
                if (rc.lumaNnz[b] == 0) {
                    cavlc.writeEmpty(bw, nC);
                } else if (intra16) {
                    cavlc.write(bw, rc.lumaLevels, b * 16 + 1, 15, nC);
                } else {
                    cavlc.write(bw, rc.lumaLevels, b * 16, 16, nC);
                }
            }
        }
        if (rc.cbpChroma != 0) {
            cavlc.write(bw, rc.chromaDc, 0, 4, -1);
            cavlc.write(bw, rc.chromaDc, 4, 4, -1);
        }
        if (chromaAc) {
            for (int c = 0; c < 2; c++) {
                byte[] nnz = c == 0 ? nb.nnzCb : nb.nnzCr;
                for (int b = 0; b < 4; b++) {
                    int nC = nb.chromaNc(nnz, mbx, mby, b & 1, b >> 1);
                    if (rc.chromaNnz[c * 4 + b] == 0) {
                        cavlc.writeEmpty(bw, nC);
                        continue;
                    }
                    cavlc.write(bw, rc.chromaAc, (c * 4 + b) * 16 + 1, 15, nC);
                }
            }
        }
    }
}
