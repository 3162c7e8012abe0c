package org.diva.transcode.video.decode.avc;

import static org.diva.transcode.video.decode.avc.MbKind.*;

import org.diva.transcode.probe.MediaFormatException;

/**
 * slice_data( ) and macroblock_layer( ) in CAVLC (14496-10 7.3.4, 7.3.5 with the semantics of 7.4.4, 7.4.5):
 * mb_skip_run, mb_type, I_PCM samples, mb_pred / sub_mb_pred, coded_block_pattern (me(v), Table 9-4),
 * transform_size_8x8_flag, mb_qp_delta and, through {@link CavlcMbResidual}, the residual.
 *
 * <p>mb_skip_run is read in front of the first macroblock after a coded one; the next coded macroblock follows a run
 * without another mb_skip_run when more_rbsp_data( ) says so (7.3.4). QP_Y,PRED is the QP of the previous
 * macroblock in the slice (SliceQP_Y for the first); skipped and I_PCM macroblocks keep it (an I_PCM macroblock
 * records QP 0 in the picture for the deblocking filter, 8.7.2.2, without changing the prediction).
 */
final class CavlcReader implements MacroblockReader {
    /** Table 9-4 (ChromaArrayType 1, 2): codeNum -> coded_block_pattern, intra and inter columns. */
    private static final int[] CBP_INTRA = org.jcodec.codecs.h264.H264Const.CODED_BLOCK_PATTERN_INTRA_COLOR.clone();
    private static final int[] CBP_INTER = org.jcodec.codecs.h264.H264Const.CODED_BLOCK_PATTERN_INTER_COLOR.clone();

    private final SliceContext ctx;
    private final AvcPicture pic;
    private final CavlcBits bits;
    private final CavlcMbResidual residual;
    private final int sliceType;
    private final int[] refMax = new int[2];
    private final boolean transform8x8Mode;
    private final boolean direct8x8Inference;
    private final int mbs;
    /** Skipped macroblocks still to hand out; -1 when mb_skip_run comes next (P and B slices). */
    private int skipRun = -1;
    private int qpPred;

    CavlcReader(SliceContext ctx, byte[] rbsp, int dataBitOffset) throws MediaFormatException {
        this.ctx = ctx;
        this.pic = ctx.picture;
        this.bits = new CavlcBits(rbsp, dataBitOffset);
        this.residual = new CavlcMbResidual(ctx, new CavlcResidual(bits));
        sliceType = ctx.header.sliceType();
        for (int list = 0; list < 2; list++) {
            refMax[list] = ctx.header.numRefIdxActive()[list] - 1;
        }
        transform8x8Mode = ctx.pps.transform8x8Mode();
        direct8x8Inference = ctx.sps.direct8x8Inference();
        mbs = pic.mbs();
        qpPred = ctx.header.sliceQp();
        if (qpPred < 0 || qpPred > 51) {
            throw new MediaFormatException("H.264 SliceQP_Y " + qpPred + " is out of range (0..51)");
        }
    }

    @Override
    public void read(Macroblock mb) throws MediaFormatException {
        if (sliceType != SliceHeader.I) {
            if (skipRun < 0) {
                skipRun = bits.ue();
                if (skipRun > mbs - mb.addr) {
                    throw new MediaFormatException("H.264 mb_skip_run " + skipRun + " at macroblock " + mb.addr
                            + " runs past the picture's " + mbs + " macroblocks");
                }
            }
            if (skipRun > 0) {
                skipRun--;
                skipped(mb);
                return;
            }
            skipRun = -1;
        }
        macroblockLayer(mb);
        bits.check("macroblock", mb.addr);
    }

    @Override
    public boolean hasMore() {
        return skipRun > 0 || bits.more();
    }

    private void skipped(Macroblock mb) {
        if (sliceType == SliceHeader.P) {
            mb.kind = SKIP;
            mb.partition = PART_16X16;
            mb.partPred[0] = PRED_L0;
            mb.refIdx[0][0] = 0;
        } else {
            mb.kind = SKIP | B | DIRECT16X16;
            mb.partition = PART_8X8;
            for (int i = 0; i < 4; i++) {
                mb.partPred[i] = PRED_DIRECT;
                mb.subPartition[i] = SUB_8X8;
            }
        }
        finish(mb, qpPred, 0);
        residual.fill(mb, 0);
    }

    /** Stores what every macroblock leaves in the picture; intra NxN modes were stored while parsing. */
    private void finish(Macroblock mb, int qp, int chromaMode) {
        int addr = mb.addr;
        mb.qp = qp;
        pic.kind[addr] = mb.kind;
        pic.qp[addr] = (byte) qp;
        pic.cbp[addr] = (byte) mb.cbp;
        pic.chromaMode[addr] = (byte) chromaMode;
        if ((mb.kind & (I4X4 | I8X8)) == 0) {
            IntraModes.clear(pic, mb);
        }
    }

    private void macroblockLayer(Macroblock mb) throws MediaFormatException {
        int mbType = bits.ue();
        boolean ref0 = false;
        if (sliceType == SliceHeader.I) {
            MbTypes.intra(mbType, mb);
        } else if (sliceType == SliceHeader.P) {
            ref0 = MbTypes.p(mbType, mb);
        } else {
            MbTypes.b(mbType, mb);
        }
        int kind = mb.kind;
        if ((kind & PCM) != 0) {
            pcm(mb);
            return;
        }
        boolean noSubBelow8x8 = true;
        if ((kind & INTRA) == 0 && mb.partition == PART_8X8 && (kind & DIRECT16X16) == 0) {
            noSubBelow8x8 = subMbPred(mb, ref0);
        } else if ((kind & INTRA) != 0) {
            if ((kind & I16X16) == 0) {
                boolean t8 = transform8x8Mode && bits.flag();
                mb.kind = kind |= t8 ? I8X8 | T8X8 : I4X4;
                intraNxN(mb, t8);
            }
            mb.chromaMode = bits.ue();
            if (mb.chromaMode > 3) {
                throw new MediaFormatException("H.264 intra_chroma_pred_mode " + mb.chromaMode + " in macroblock "
                        + mb.addr);
            }
        } else if ((kind & DIRECT16X16) == 0) {
            mbPred(mb);
        } else {
            noSubBelow8x8 = direct8x8Inference;
        }
        if ((kind & I16X16) == 0) {
            int code = bits.ue();
            if (code > 47) {
                throw new MediaFormatException("H.264 coded_block_pattern codeNum " + code + " in macroblock "
                        + mb.addr + " (0..47)");
            }
            mb.cbp = ((kind & INTRA) != 0 ? CBP_INTRA : CBP_INTER)[code];
            if ((mb.cbp & 15) != 0 && transform8x8Mode && (kind & INTRA) == 0 && noSubBelow8x8 && bits.flag()) {
                mb.kind = kind |= T8X8;
            }
        }
        int qp = qpPred;
        if (mb.cbp != 0 || (kind & I16X16) != 0) {
            int delta = bits.se();
            if (delta < -26 || delta > 25) {
                throw new MediaFormatException("H.264 mb_qp_delta " + delta + " in macroblock " + mb.addr
                        + " (-26..25)");
            }
            qp = (qpPred + delta + 52) % 52;
            qpPred = qp;
        }
        finish(mb, qp, (kind & INTRA) != 0 ? mb.chromaMode : 0);
        residual.read(mb);
    }

    private void pcm(Macroblock mb) {
        bits.align();
        int[] pcm = mb.pcm;
        for (int i = 0; i < 384; i++) {
            pcm[i] = bits.read(8);
        }
        mb.cbp = 0x2f; // every block counts as coded (nC 16, CABAC's coded_block_flag contexts)
        finish(mb, 0, 0);
        residual.fill(mb, 16);
    }

    private void intraNxN(Macroblock mb, boolean size8) {
        if (size8) {
            for (int b8 = 0; b8 < 4; b8++) {
                boolean prev = bits.flag();
                int rem = prev ? 0 : bits.read(3);
                IntraModes.resolve(ctx, mb, 2 * (b8 & 1), 2 * (b8 >> 1), true, prev, rem);
            }
        } else {
            for (int blk = 0; blk < 16; blk++) {
                boolean prev = bits.flag();
                int rem = prev ? 0 : bits.read(3);
                // luma4x4BlkIdx (z-order of 8x8s, z-order inside) -> raster position
                int bx = 2 * ((blk >> 2) & 1) + (blk & 1);
                int by = 2 * (blk >> 3) + ((blk >> 1) & 1);
                IntraModes.resolve(ctx, mb, bx, by, false, prev, rem);
            }
        }
    }

    /** mb_pred of P/B 16x16, 16x8, 8x16 (7.3.5.1). */
    private void mbPred(Macroblock mb) throws MediaFormatException {
        int n = MbTypes.parts(mb.partition);
        for (int list = 0; list < 2; list++) {
            for (int p = 0; p < n; p++) {
                if (usesList(mb.partPred[p], list)) {
                    mb.refIdx[list][p] = refIdx(list, mb);
                }
            }
        }
        for (int list = 0; list < 2; list++) {
            for (int p = 0; p < n; p++) {
                if (usesList(mb.partPred[p], list)) {
                    int mx = bits.se();
                    int my = bits.se();
                    switch (mb.partition) {
                        case PART_16X16 -> fillMvd(mb, list, 0, 0, 4, 4, mx, my);
                        case PART_16X8 -> fillMvd(mb, list, 0, 2 * p, 4, 2, mx, my);
                        default -> fillMvd(mb, list, 2 * p, 0, 2, 4, mx, my);
                    }
                }
            }
        }
    }

    /** sub_mb_pred (7.3.5.2); returns noSubMbPartSizeLessThan8x8Flag. */
    private boolean subMbPred(Macroblock mb, boolean ref0) throws MediaFormatException {
        boolean b = sliceType == SliceHeader.B;
        boolean noSubBelow8x8 = true;
        for (int b8 = 0; b8 < 4; b8++) {
            int sub = bits.ue();
            if (b) {
                MbTypes.subB(sub, b8, mb);
            } else {
                MbTypes.subP(sub, b8, mb);
            }
            if (mb.partPred[b8] == PRED_DIRECT ? !direct8x8Inference : mb.subPartition[b8] != SUB_8X8) {
                noSubBelow8x8 = false;
            }
        }
        for (int list = 0; list < 2; list++) {
            for (int b8 = 0; b8 < 4; b8++) {
                if (usesList(mb.partPred[b8], list)) {
                    mb.refIdx[list][b8] = ref0 ? 0 : refIdx(list, mb);
                }
            }
        }
        for (int list = 0; list < 2; list++) {
            for (int b8 = 0; b8 < 4; b8++) {
                if (!usesList(mb.partPred[b8], list)) {
                    continue;
                }
                int x8 = 2 * (b8 & 1);
                int y8 = 2 * (b8 >> 1);
                int shape = mb.subPartition[b8];
                int parts = MbTypes.subParts(shape);
                for (int s = 0; s < parts; s++) {
                    int mx = bits.se();
                    int my = bits.se();
                    switch (shape) {
                        case SUB_8X8 -> fillMvd(mb, list, x8, y8, 2, 2, mx, my);
                        case SUB_8X4 -> fillMvd(mb, list, x8, y8 + s, 2, 1, mx, my);
                        case SUB_4X8 -> fillMvd(mb, list, x8 + s, y8, 1, 2, mx, my);
                        default -> fillMvd(mb, list, x8 + (s & 1), y8 + (s >> 1), 1, 1, mx, my);
                    }
                }
            }
        }
        return noSubBelow8x8;
    }

    private int refIdx(int list, Macroblock mb) throws MediaFormatException {
        int max = refMax[list];
        if (max <= 0) {
            return 0;
        }
        int v = bits.te(max);
        if (v > max) {
            throw new MediaFormatException("H.264 ref_idx_l" + list + " " + v + " in macroblock " + mb.addr
                    + " exceeds num_ref_idx_l" + list + "_active_minus1 " + max);
        }
        return v;
    }

    private static void fillMvd(Macroblock mb, int list, int x, int y, int w, int h, int mx, int my) {
        int[] mvd = mb.mvd[list];
        for (int j = y; j < y + h; j++) {
            for (int i = x; i < x + w; i++) {
                mvd[2 * (i + 4 * j)] = mx;
                mvd[2 * (i + 4 * j) + 1] = my;
            }
        }
    }
}
