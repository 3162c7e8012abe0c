package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * The residual( ) syntax of one macroblock in CAVLC (14496-10 7.3.5.3, 4:2:0): which blocks are present by
 * coded_block_pattern, the coeff_token context nC of each block, and where its levels go in {@link Macroblock}.
 *
 * <p>nC (9.2.1) is the average, rounded up, of the TotalCoeff of the 4x4 blocks left of and above the block (only
 * the available one's if one is missing, 0 if both are). Neighbours outside the slice are unavailable; a skipped
 * neighbour counts 0 and an I_PCM one 16, which is simply what the reader stores for them in
 * {@link AvcPicture#lumaCoeffs} / {@link AvcPicture#chromaCoeffs}, so only availability is decided here. With the
 * 8x8 transform each 8x8 block is sent as four 4x4 blocks whose coefficients interleave (8x8 index 4 * i + k for
 * coefficient i of the k-th 4x4); each 4x4 keeps its own TotalCoeff for later nC.
 */
final class CavlcMbResidual {
    private final SliceContext ctx;
    private final AvcPicture pic;
    private final CavlcResidual blocks;
    private boolean leftAvailable;
    private boolean aboveAvailable;

    CavlcMbResidual(SliceContext ctx, CavlcResidual blocks) {
        this.ctx = ctx;
        this.pic = ctx.picture;
        this.blocks = blocks;
    }

    /** Reads the residual of a macroblock whose kind and cbp are known; writes the TotalCoeff of every block. */
    void read(Macroblock mb) throws MediaFormatException {
        leftAvailable = ctx.left(mb.mbX, mb.mbY) >= 0;
        aboveAvailable = ctx.above(mb.mbX, mb.mbY) >= 0;
        int kind = mb.kind;
        int cbp = mb.cbp;
        byte[] lc = pic.lumaCoeffs;
        int stride4 = pic.stride4;
        int first = pic.block4(mb.mbX, mb.mbY, 0, 0);
        boolean i16 = (kind & MbKind.I16X16) != 0;
        boolean t8 = (kind & MbKind.T8X8) != 0;
        if (i16) {
            blocks.read(nC(lc, first, 0, 0, stride4), 16, mb.lumaDc, 0, Scans.ZIGZAG_4X4, 0, 1);
        }
        int coded = 0;
        for (int b8 = 0; b8 < 4; b8++) {
            int x8 = 2 * (b8 & 1);
            int y8 = 2 * (b8 >> 1);
            int any = 0;
            for (int k = 0; k < 4; k++) {
                int bx = x8 + (k & 1);
                int by = y8 + (k >> 1);
                int idx = first + by * stride4 + bx;
                int total = 0;
                if ((cbp & (1 << b8)) != 0) {
                    int nC = nC(lc, idx, bx, by, stride4);
                    if (i16) {
                        total = blocks.read(nC, 15, mb.luma, 16 * (bx + 4 * by), Scans.ZIGZAG_4X4, 1, 1);
                    } else if (t8) {
                        total = blocks.read(nC, 16, mb.luma, 64 * b8, Scans.ZIGZAG_8X8, k, 4);
                    } else {
                        total = blocks.read(nC, 16, mb.luma, 16 * (bx + 4 * by), Scans.ZIGZAG_4X4, 0, 1);
                    }
                }
                lc[idx] = (byte) total;
                if (total != 0) {
                    coded |= 1 << (bx + 4 * by);
                    any = 1;
                }
            }
            if (t8 && any != 0) {
                coded |= 0x33 << (x8 + 4 * y8);
            }
        }
        mb.lumaCoded = coded;
        readChroma(mb, cbp >> 4);
    }

    private void readChroma(Macroblock mb, int chromaCbp) throws MediaFormatException {
        if (chromaCbp > 2) {
            throw new MediaFormatException("H.264 coded_block_pattern chroma " + chromaCbp + " in macroblock " + mb.addr);
        }
        if (chromaCbp != 0) {
            blocks.read(-1, 4, mb.chromaDc, 0, CavlcResidual.IDENTITY4, 0, 1);
            blocks.read(-1, 4, mb.chromaDc, 4, CavlcResidual.IDENTITY4, 0, 1);
        }
        int coded = 0;
        int stride = 2 * ctx.widthMbs;
        int first = pic.chromaBlock4(mb.mbX, mb.mbY, 0, 0);
        for (int c = 0; c < 2; c++) {
            byte[] cc = pic.chromaCoeffs[c];
            for (int b = 0; b < 4; b++) {
                int bx = b & 1;
                int by = b >> 1;
                int idx = first + by * stride + bx;
                int total = 0;
                if (chromaCbp == 2) {
                    total = blocks.read(nC(cc, idx, bx, by, stride), 15, mb.chroma, 16 * (4 * c + b),
                            Scans.ZIGZAG_4X4, 1, 1);
                }
                cc[idx] = (byte) total;
                if (total != 0) {
                    coded |= 1 << (4 * c + b);
                }
            }
        }
        mb.chromaCoded = coded;
    }

    /** nC of the block at idx, (bx, by) inside its macroblock, from the counts already stored for its neighbours. */
    private int nC(byte[] counts, int idx, int bx, int by, int stride) {
        boolean a = bx > 0 || leftAvailable;
        boolean b = by > 0 || aboveAvailable;
        if (a && b) {
            return (counts[idx - 1] + counts[idx - stride] + 1) >> 1;
        }
        if (a) {
            return counts[idx - 1];
        }
        return b ? counts[idx - stride] : 0;
    }

    /** Records the counts of a macroblock without residual syntax: 0 (skipped) or 16 (I_PCM) everywhere. */
    void fill(Macroblock mb, int count) {
        byte v = (byte) count;
        for (int by = 0; by < 4; by++) {
            int idx = pic.block4(mb.mbX, mb.mbY, 0, by);
            pic.lumaCoeffs[idx] = v;
            pic.lumaCoeffs[idx + 1] = v;
            pic.lumaCoeffs[idx + 2] = v;
            pic.lumaCoeffs[idx + 3] = v;
        }
        for (int by = 0; by < 2; by++) {
            int idx = pic.chromaBlock4(mb.mbX, mb.mbY, 0, by);
            pic.chromaCoeffs[0][idx] = v;
            pic.chromaCoeffs[0][idx + 1] = v;
            pic.chromaCoeffs[1][idx] = v;
            pic.chromaCoeffs[1][idx + 1] = v;
        }
    }
}
