package org.diva.transcode.video.decode.avc;

import org.diva.transcode.codec.H264ChromaQp;

/**
 * Turns a parsed macroblock into samples (14496-10 8.3 intra prediction, 8.5 transform coefficient decoding and
 * picture construction): intra macroblocks are predicted and their residual added block by block, because every
 * Intra_4x4 / Intra_8x8 block predicts from the reconstructed samples of the blocks before it; inter macroblocks get
 * their residual added onto the prediction the inter predictor already wrote into the planes.
 *
 * <p>Everything is written straight into the picture planes; the only buffers are preallocated here. Blocks without
 * coefficients (Macroblock.lumaCoded / chromaCoded, coded_block_pattern) are skipped, DC-only ones take a shortcut,
 * and every coefficient consumed is set back to zero as {@link Macroblock} requires.
 *
 * <p>Neighbour availability for intra prediction (8.3.1.2, 8.3.2.2, 8.3.3, 8.3.4) is that of the slice (6.4.8), and
 * with constrained_intra_pred_flag inter macroblocks do not count as available. Inside the macroblock an above-right
 * 4x4 block is available only if it is decoded before the current one in the standard's zig-zag block order.
 */
final class Reconstructor {
    /** Raster 4x4 blocks whose above-right block inside the macroblock is decoded later (or lies outside it). */
    private static final int NO_TOP_RIGHT_INSIDE = 1 << 5 | 1 << 7 | 1 << 11 | 1 << 13 | 1 << 15;
    /** The 16 raster 4x4 blocks in the standard's decoding order (luma4x4BlkIdx, 6.4.3). */
    private static final int[] DECODING_ORDER = {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15};

    private final SliceContext ctx;
    private final AvcPicture pic;
    private final Dequant dequant;
    private final IntraNxN nxn = new IntraNxN();
    private final int[] block = new int[64];

    private boolean leftAvail;
    private boolean aboveAvail;
    private boolean aboveRightAvail;
    private boolean aboveLeftAvail;

    Reconstructor(SliceContext ctx) {
        this.ctx = ctx;
        this.pic = ctx.picture;
        this.dequant = new Dequant(ctx.pps.scaling4x4(), ctx.pps.scaling8x8());
    }

    /** Predicts an intra macroblock (I_PCM: copies its samples) and adds its residual. */
    void intra(Macroblock mb) {
        int lumaOff = 16 * (mb.mbY * pic.stride + mb.mbX);
        int chromaOff = 8 * (mb.mbY * pic.chromaStride + mb.mbX);
        if ((mb.kind & MbKind.PCM) != 0) {
            pcm(mb, lumaOff, chromaOff);
            return;
        }
        neighbours(mb);
        if ((mb.kind & MbKind.I16X16) != 0) {
            IntraLarge.luma16(mb.intra16x16Mode, pic.y, lumaOff, pic.stride, leftAvail, aboveAvail);
            luma16Residual(mb, lumaOff);
        } else if ((mb.kind & MbKind.I8X8) != 0) {
            intra8x8(mb, lumaOff);
        } else {
            intra4x4(mb, lumaOff);
        }
        IntraLarge.chroma8(mb.chromaMode, pic.cb, chromaOff, pic.chromaStride, leftAvail, aboveAvail);
        IntraLarge.chroma8(mb.chromaMode, pic.cr, chromaOff, pic.chromaStride, leftAvail, aboveAvail);
        chromaResidual(mb, chromaOff, 1);
    }

    /** Adds the residual of an inter macroblock onto the prediction already in the planes. */
    void residual(Macroblock mb) {
        if (mb.cbp == 0) {
            return;
        }
        int lumaOff = 16 * (mb.mbY * pic.stride + mb.mbX);
        int stride = pic.stride;
        if ((mb.kind & MbKind.T8X8) != 0) {
            for (int b8 = 0; b8 < 4; b8++) {
                int first = 2 * (b8 & 1) + 8 * (b8 >> 1);
                if ((mb.lumaCoded >> first & 1) != 0) {
                    dequant.scale8x8(mb.luma, 64 * b8, block, 1, mb.qp);
                    InverseTransform.add8x8(block, pic.y, lumaOff + 8 * (b8 >> 1) * stride + 8 * (b8 & 1), stride);
                }
            }
        } else if (mb.lumaCoded != 0) {
            for (int b = 0; b < 16; b++) {
                if ((mb.lumaCoded >> b & 1) != 0) {
                    dequant.scale4x4(mb.luma, 16 * b, block, 3, mb.qp, false);
                    InverseTransform.add4x4(block, pic.y, lumaOff + 4 * (b >> 2) * stride + 4 * (b & 3), stride);
                }
            }
        }
        chromaResidual(mb, 8 * (mb.mbY * pic.chromaStride + mb.mbX), 4);
    }

    /** Neighbour macroblocks usable for intra prediction of this macroblock. */
    private void neighbours(Macroblock mb) {
        leftAvail = usable(ctx.left(mb.mbX, mb.mbY));
        aboveAvail = usable(ctx.above(mb.mbX, mb.mbY));
        aboveRightAvail = usable(ctx.aboveRight(mb.mbX, mb.mbY));
        aboveLeftAvail = usable(ctx.aboveLeft(mb.mbX, mb.mbY));
    }

    private boolean usable(int addr) {
        return addr >= 0 && (!ctx.pps.constrainedIntraPred() || MbKind.intra(pic.kind[addr]));
    }

    private void pcm(Macroblock mb, int lumaOff, int chromaOff) {
        int[] s = mb.pcm;
        for (int y = 0; y < 16; y++) {
            int q = lumaOff + y * pic.stride;
            for (int x = 0; x < 16; x++) {
                pic.y[q + x] = (byte) s[16 * y + x];
            }
        }
        for (int y = 0; y < 8; y++) {
            int q = chromaOff + y * pic.chromaStride;
            for (int x = 0; x < 8; x++) {
                pic.cb[q + x] = (byte) s[256 + 8 * y + x];
                pic.cr[q + x] = (byte) s[320 + 8 * y + x];
            }
        }
    }

    private void intra4x4(Macroblock mb, int lumaOff) {
        int stride = pic.stride;
        for (int i = 0; i < 16; i++) {
            int b = DECODING_ORDER[i];
            int bx = b & 3;
            int by = b >> 2;
            boolean topRight = by == 0 ? (bx < 3 ? aboveAvail : aboveRightAvail)
                    : (NO_TOP_RIGHT_INSIDE >> b & 1) == 0;
            boolean topLeft = bx > 0 ? (by > 0 || aboveAvail) : (by > 0 ? leftAvail : aboveLeftAvail);
            int o = lumaOff + 4 * by * stride + 4 * bx;
            nxn.predict(4, mb.intraModes[b], pic.y, o, stride, bx > 0 || leftAvail, by > 0 || aboveAvail, topRight,
                    topLeft);
            if ((mb.lumaCoded >> b & 1) != 0) {
                dequant.scale4x4(mb.luma, 16 * b, block, 0, mb.qp, false);
                InverseTransform.add4x4(block, pic.y, o, stride);
            }
        }
    }

    private void intra8x8(Macroblock mb, int lumaOff) {
        int stride = pic.stride;
        for (int b8 = 0; b8 < 4; b8++) {
            int x8 = b8 & 1;
            int y8 = b8 >> 1;
            int first = 2 * x8 + 8 * y8;
            boolean topRight = y8 == 0 ? (x8 == 0 ? aboveAvail : aboveRightAvail) : x8 == 0;
            boolean topLeft = x8 > 0 ? (y8 > 0 || aboveAvail) : (y8 > 0 ? leftAvail : aboveLeftAvail);
            int o = lumaOff + 8 * y8 * stride + 8 * x8;
            nxn.predict(8, mb.intraModes[first], pic.y, o, stride, x8 > 0 || leftAvail, y8 > 0 || aboveAvail,
                    topRight, topLeft);
            if ((mb.lumaCoded >> first & 1) != 0) {
                dequant.scale8x8(mb.luma, 64 * b8, block, 0, mb.qp);
                InverseTransform.add8x8(block, pic.y, o, stride);
            }
        }
    }

    /** Intra_16x16 residual: DC levels through the Hadamard (8.5.10), then each 4x4 block with its DC (8.5.2). */
    private void luma16Residual(Macroblock mb, int lumaOff) {
        int[] dc = mb.lumaDc;
        int any = 0;
        for (int i = 0; i < 16; i++) {
            any |= dc[i];
        }
        if (any != 0) {
            dequant.lumaDc(dc, mb.qp);
        }
        int stride = pic.stride;
        for (int b = 0; b < 16; b++) {
            int o = lumaOff + 4 * (b >> 2) * stride + 4 * (b & 3);
            int d = dc[b];
            dc[b] = 0;
            if ((mb.lumaCoded >> b & 1) != 0) {
                dequant.scale4x4(mb.luma, 16 * b, block, 0, mb.qp, true);
                block[0] = d;
                InverseTransform.add4x4(block, pic.y, o, stride);
            } else if (d != 0) {
                InverseTransform.addDc(d, pic.y, o, stride, 4);
            }
        }
    }

    /** Chroma residual (8.5.11) of both components; {@code firstList} is 1 (intra Cb) or 4 (inter Cb). */
    private void chromaResidual(Macroblock mb, int chromaOff, int firstList) {
        if ((mb.cbp >> 4) == 0) {
            return;
        }
        int stride = pic.chromaStride;
        for (int c = 0; c < 2; c++) {
            int offset = c == 0 ? ctx.pps.chromaQpIndexOffset() : ctx.pps.secondChromaQpIndexOffset();
            int qpc = H264ChromaQp.of(mb.qp, offset);
            int list = firstList + c;
            int[] dc = mb.chromaDc;
            if ((dc[4 * c] | dc[4 * c + 1] | dc[4 * c + 2] | dc[4 * c + 3]) != 0) {
                dequant.chromaDc(dc, 4 * c, list, qpc);
            }
            byte[] plane = c == 0 ? pic.cb : pic.cr;
            for (int b = 0; b < 4; b++) {
                int o = chromaOff + 4 * (b >> 1) * stride + 4 * (b & 1);
                int d = dc[4 * c + b];
                dc[4 * c + b] = 0;
                if ((mb.chromaCoded >> (4 * c + b) & 1) != 0) {
                    dequant.scale4x4(mb.chroma, 16 * (4 * c + b), block, list, qpc, true);
                    block[0] = d;
                    InverseTransform.add4x4(block, plane, o, stride);
                } else if (d != 0) {
                    InverseTransform.addDc(d, plane, o, stride, 4);
                }
            }
        }
    }
}
