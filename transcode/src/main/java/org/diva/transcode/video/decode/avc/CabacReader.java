package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * slice_data( ) and macroblock_layer( ) of a CABAC slice (14496-10 7.3.4, 7.3.5) for 4:2:0 frames: mb_skip_flag,
 * mb_type (binarisations 9.3.2.5), I_PCM, transform_size_8x8_flag, intra prediction modes, coded_block_pattern
 * (9.3.2.6), mb_qp_delta and end_of_slice_flag; motion syntax in {@link CabacMotion}, residual in
 * {@link CabacResidual}.
 *
 * <p>Context index increments that depend on the neighbouring macroblocks A (left) and B (above) follow
 * 9.3.3.1.1.1-9.3.3.1.1.8 and read the picture's per-macroblock arrays (kind, cbp, chromaMode), which this reader
 * writes for every macroblock, skipped ones included. I_PCM stores cbp 0x2F (all coded), which makes the
 * coded_block_pattern rules for it (luma counts as coded, chroma as 2) fall out of the general case.
 */
final class CabacReader implements MacroblockReader {
    private static final int PCM_CBP = 0x2F;

    private final SliceContext ctx;
    private final AvcPicture pic;
    private final CabacEngine e;
    private final CabacResidual residual;
    private final CabacMotion motion;
    private final int sliceType;
    private final boolean transform8x8Mode;
    private final boolean direct8x8Inference;
    private int qp;
    private boolean prevQpDelta;
    private boolean end;

    /** Starts at the first byte boundary at or after {@code dataBitOffset} (cabac_alignment_one_bit, 7.3.4). */
    CabacReader(SliceContext ctx, byte[] rbsp, int dataBitOffset) throws MediaFormatException {
        if (dataBitOffset < 0) {
            throw new IllegalArgumentException("slice data bit offset " + dataBitOffset);
        }
        SliceHeader h = ctx.header;
        if (h.sliceQp() < 0 || h.sliceQp() > 51) {
            throw new MediaFormatException("H.264 slice QP " + h.sliceQp() + " is outside 0..51");
        }
        if (!h.isI() && (h.cabacInitIdc() < 0 || h.cabacInitIdc() > 2)) {
            throw new MediaFormatException("H.264 cabac_init_idc " + h.cabacInitIdc() + " is outside 0..2");
        }
        this.ctx = ctx;
        this.pic = ctx.picture;
        this.sliceType = h.sliceType();
        this.e = new CabacEngine(rbsp, (dataBitOffset + 7) >>> 3);
        e.initContexts(h.isI() ? -1 : h.cabacInitIdc(), h.sliceQp());
        this.residual = new CabacResidual(e, ctx);
        this.motion = new CabacMotion(e, ctx);
        this.transform8x8Mode = ctx.pps.transform8x8Mode();
        this.direct8x8Inference = ctx.sps.direct8x8Inference();
        this.qp = h.sliceQp();
    }

    @Override
    public void read(Macroblock mb) throws MediaFormatException {
        motion.begin(mb);
        if (sliceType != SliceHeader.I && skipFlag(mb)) {
            skipped(mb);
        } else {
            layer(mb);
        }
        motion.commit(mb);
        end = e.terminate() != 0;
        if (e.overrun()) {
            throw new MediaFormatException("H.264 CABAC slice data ends inside macroblock " + mb.addr
                    + " (truncated or corrupt slice of " + e.data().length + " bytes)");
        }
    }

    @Override
    public boolean hasMore() {
        return !end;
    }

    /** The bit after the last one the engine consumed: after end_of_slice_flag, the rbsp_stop_one_bit's end. */
    int bitPosition() {
        return e.bitPosition();
    }

    private boolean skipFlag(Macroblock mb) {
        int a = ctx.left(mb.mbX, mb.mbY);
        int b = ctx.above(mb.mbX, mb.mbY);
        int inc = (a >= 0 && (pic.kind[a] & MbKind.SKIP) == 0 ? 1 : 0)
                + (b >= 0 && (pic.kind[b] & MbKind.SKIP) == 0 ? 1 : 0);
        return e.decision((sliceType == SliceHeader.B ? 24 : 11) + inc) != 0;
    }

    private void skipped(Macroblock mb) {
        if (sliceType == SliceHeader.B) {
            mb.kind = MbKind.SKIP | MbKind.B | MbKind.DIRECT16X16;
            mb.partition = MbKind.PART_8X8;
            java.util.Arrays.fill(mb.partPred, MbKind.PRED_DIRECT);
        } else {
            mb.kind = MbKind.SKIP;
            mb.partition = MbKind.PART_16X16;
            mb.partPred[0] = MbKind.PRED_L0;
            mb.refIdx[0][0] = 0;
        }
        prevQpDelta = false;
        IntraModes.clear(pic, mb);
        store(mb, 0);
        residual.none(mb);
    }

    private void layer(Macroblock mb) throws MediaFormatException {
        int a = ctx.left(mb.mbX, mb.mbY);
        int b = ctx.above(mb.mbX, mb.mbY);
        boolean ref0 = false;
        if (sliceType == SliceHeader.I) {
            MbTypes.intra(CabacMbType.intraI(e, pic, a, b), mb);
        } else if (sliceType == SliceHeader.P) {
            int t = CabacMbType.p(e);
            if (t >= 5) {
                MbTypes.intra(CabacMbType.intraSuffix(e, 17), mb);
            } else {
                ref0 = MbTypes.p(t, mb);
            }
        } else {
            int t = CabacMbType.b(e, pic, a, b);
            if (t >= 23) {
                MbTypes.intra(CabacMbType.intraSuffix(e, 32), mb);
            } else {
                MbTypes.b(t, mb);
            }
        }
        int kind = mb.kind;
        if ((kind & MbKind.PCM) != 0) {
            pcm(mb);
            return;
        }
        if ((kind & MbKind.INTRA) != 0) {
            if ((kind & MbKind.I16X16) == 0) {
                boolean t8 = transform8x8Mode && e.decision(399 + t8Inc(a, b)) != 0;
                mb.kind = kind |= t8 ? MbKind.I8X8 | MbKind.T8X8 : MbKind.I4X4;
                intraModes(mb, t8);
            } else {
                IntraModes.clear(pic, mb);
            }
            mb.chromaMode = chromaPredMode(a, b);
        } else {
            IntraModes.clear(pic, mb);
            if (mb.partition == MbKind.PART_8X8 && (kind & MbKind.DIRECT16X16) == 0) {
                for (int b8 = 0; b8 < 4; b8++) {
                    if ((kind & MbKind.B) != 0) {
                        MbTypes.subB(CabacMbType.subB(e), b8, mb);
                    } else {
                        MbTypes.subP(CabacMbType.subP(e), b8, mb);
                    }
                }
                motion.readSubPartitions(mb, ref0);
            } else if ((kind & MbKind.DIRECT16X16) == 0) {
                motion.readPartitions(mb);
            }
        }
        if ((kind & MbKind.I16X16) == 0) {
            mb.cbp = codedBlockPattern(a, b);
            if ((mb.cbp & 15) != 0 && transform8x8Mode && (kind & MbKind.INTRA) == 0 && inter8x8Allowed(mb)
                    && e.decision(399 + t8Inc(a, b)) != 0) {
                mb.kind = kind |= MbKind.T8X8;
            }
        }
        if (mb.cbp != 0 || (kind & MbKind.I16X16) != 0) {
            int delta = qpDelta();
            prevQpDelta = delta != 0;
            qp = (qp + delta + 52) % 52;
            store(mb, mb.cbp);
            residual.read(mb);
        } else {
            prevQpDelta = false;
            store(mb, 0);
            residual.none(mb);
        }
    }

    /** Writes the picture's per-macroblock syntax arrays (the neighbours' context inputs). */
    private void store(Macroblock mb, int cbp) {
        int addr = mb.addr;
        mb.qp = qp;
        pic.kind[addr] = mb.kind;
        pic.qp[addr] = (byte) qp;
        pic.cbp[addr] = (byte) cbp;
        pic.chromaMode[addr] = (byte) mb.chromaMode;
    }

    /** I_PCM (7.3.5): alignment, 384 raw samples, then the engine restarts after them (9.3.1.2). */
    private void pcm(Macroblock mb) throws MediaFormatException {
        int start = (e.bitPosition() + 7) >>> 3;
        byte[] data = e.data();
        if (start + 384 > data.length) {
            throw new MediaFormatException("H.264 I_PCM macroblock " + mb.addr + " at byte " + start
                    + " runs past the end of its " + data.length + "-byte slice");
        }
        for (int i = 0; i < 384; i++) {
            mb.pcm[i] = data[start + i] & 0xff;
        }
        e.start(start + 384);
        IntraModes.clear(pic, mb);
        mb.cbp = PCM_CBP;
        mb.qp = qp;
        prevQpDelta = false;
        int addr = mb.addr;
        pic.kind[addr] = mb.kind;
        pic.qp[addr] = 0;
        pic.cbp[addr] = PCM_CBP;
        pic.chromaMode[addr] = 0;
        residual.pcm(mb);
    }

    /** 9.3.3.1.1.10: neighbours using the 8x8 transform. */
    private int t8Inc(int a, int b) {
        return (a >= 0 && (pic.kind[a] & MbKind.T8X8) != 0 ? 1 : 0)
                + (b >= 0 && (pic.kind[b] & MbKind.T8X8) != 0 ? 1 : 0);
    }

    /** 7.3.5: no sub-8x8 partitions, and direct ones only with direct_8x8_inference_flag. */
    private boolean inter8x8Allowed(Macroblock mb) {
        if ((mb.kind & MbKind.DIRECT16X16) != 0) {
            return direct8x8Inference;
        }
        if (mb.partition != MbKind.PART_8X8) {
            return true;
        }
        for (int b8 = 0; b8 < 4; b8++) {
            if (mb.partPred[b8] == MbKind.PRED_DIRECT ? !direct8x8Inference : mb.subPartition[b8] != MbKind.SUB_8X8) {
                return false;
            }
        }
        return true;
    }

    private void intraModes(Macroblock mb, boolean t8) {
        if (t8) {
            for (int b8 = 0; b8 < 4; b8++) {
                boolean prev = e.decision(68) != 0;
                int rem = prev ? 0 : e.decision(69) | e.decision(69) << 1 | e.decision(69) << 2;
                IntraModes.resolve(ctx, mb, (b8 & 1) << 1, b8 & 2, true, prev, rem);
            }
        } else {
            for (int blk = 0; blk < 16; blk++) {
                boolean prev = e.decision(68) != 0;
                int rem = prev ? 0 : e.decision(69) | e.decision(69) << 1 | e.decision(69) << 2;
                // luma4x4BlkIdx (z-order) to raster position.
                int bx = (blk >> 1 & 2) | (blk & 1);
                int by = (blk >> 2 & 2) | (blk >> 1 & 1);
                IntraModes.resolve(ctx, mb, bx, by, false, prev, rem);
            }
        }
    }

    /** intra_chroma_pred_mode (9.3.3.1.1.8): TU, cMax 3. */
    private int chromaPredMode(int a, int b) {
        int inc = (a >= 0 && chromaCond(a) ? 1 : 0) + (b >= 0 && chromaCond(b) ? 1 : 0);
        if (e.decision(64 + inc) == 0) {
            return 0;
        }
        if (e.decision(67) == 0) {
            return 1;
        }
        return e.decision(67) == 0 ? 2 : 3;
    }

    private boolean chromaCond(int addr) {
        int k = pic.kind[addr];
        return (k & MbKind.INTRA) != 0 && (k & MbKind.PCM) == 0 && pic.chromaMode[addr] != 0;
    }

    /** coded_block_pattern (9.3.2.6, 9.3.3.1.1.4): four luma bins by 8x8 block, then up to two chroma bins. */
    private int codedBlockPattern(int a, int b) {
        int cbpA = a >= 0 ? pic.cbp[a] : -1;
        int cbpB = b >= 0 ? pic.cbp[b] : -1;
        int cbp = 0;
        for (int b8 = 0; b8 < 4; b8++) {
            int bitA = (b8 & 1) != 0 ? cbp >> (b8 - 1) : cbpA >> (b8 + 1);
            int bitB = (b8 & 2) != 0 ? cbp >> (b8 - 2) : cbpB >> (b8 + 2);
            int inc = ((bitA & 1) == 0 ? 1 : 0) + ((bitB & 1) == 0 ? 2 : 0);
            cbp |= e.decision(73 + inc) << b8;
        }
        int chromaA = a >= 0 ? pic.cbp[a] >> 4 & 3 : 0;
        int chromaB = b >= 0 ? pic.cbp[b] >> 4 & 3 : 0;
        if (e.decision(77 + (chromaA != 0 ? 1 : 0) + (chromaB != 0 ? 2 : 0)) != 0) {
            int bin = e.decision(81 + (chromaA == 2 ? 1 : 0) + (chromaB == 2 ? 2 : 0));
            cbp |= (1 + bin) << 4;
        }
        return cbp;
    }

    /** mb_qp_delta (9.3.2.7, 9.3.3.1.1.5): unary code k mapped to (-1)^(k+1) Ceil(k / 2). */
    private int qpDelta() throws MediaFormatException {
        int k = 0;
        int c = 60 + (prevQpDelta ? 1 : 0);
        while (e.decision(c) != 0) {
            k++;
            c = k == 1 ? 62 : 63;
            if (k > 52) {
                throw new MediaFormatException("H.264 CABAC mb_qp_delta out of range near bit " + e.bitPosition());
            }
        }
        return (k & 1) != 0 ? (k + 1) >> 1 : -(k >> 1);
    }
}
