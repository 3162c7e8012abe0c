package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * residual( ) of a CABAC macroblock (14496-10 7.3.5.3) with residual_block_cabac (7.3.5.3.3) for ctxBlockCat 0..5
 * of 4:2:0 frames.
 *
 * <p>coded_block_flag's ctxIdxInc (9.3.3.1.1.9) is condTermFlagA + 2 * condTermFlagB over the neighbouring blocks.
 * The rules reduce to one look-up because every macroblock writes its per-block counts for all its blocks: zero
 * where a block is not coded (cbp bit clear, skipped, Intra_16x16 AC absent), 16 for I_PCM (which the standard
 * counts as coded), and an 8x8 transform block's count (never zero: its significance map always ends on a
 * coefficient) in its four 4x4 entries. Only an unavailable neighbour is special: 1 for an intra current macroblock,
 * 0 for an inter one. DC blocks have no picture array, so this class keeps one flag byte per macroblock for the
 * left neighbour and a row of them for the upper ones.
 *
 * <p>Levels are decoded as the standard orders them: the significance map forwards (significant_coeff_flag then
 * last_significant_coeff_flag, 9.3.3.1.3), then coeff_abs_level_minus1 and the bypass-coded sign from the last
 * coefficient back, with ctxIdxInc from the counts of levels equal to and greater than one (9.3.3.1.3).
 */
final class CabacResidual {
    private static final int[] ZZ4 = Scans.ZIGZAG_4X4;
    private static final int[] ZZ8 = Scans.ZIGZAG_8X8;
    /** Chroma DC levels are in raster order already (8.5.11.1). */
    private static final int[] RASTER = {0, 1, 2, 3};
    private static final int[] SIG8 = CabacTables.SIG_8X8;
    private static final int[] LAST8 = CabacTables.LAST_8X8;
    /** ctxBlockCatOffset per ctxBlockCat 0..4 (Table 9-40) for coded_block_flag, the significance map and levels. */
    private static final int[] CBF_OFFSET = {0, 4, 8, 12, 16};
    private static final int[] SIG_OFFSET = {0, 15, 29, 44, 47};
    private static final int[] ABS_OFFSET = {0, 10, 20, 30, 39};
    /** DC flag bits in {@link #dcLeft} / {@link #dcTop}: Intra16x16DC, Cb DC, Cr DC. */
    private static final int DC_LUMA = 1;

    private final CabacEngine e;
    private final SliceContext ctx;
    private final AvcPicture pic;
    private final int[] scanPos = new int[64];
    private final byte[] dcTop;
    private int dcLeft;

    CabacResidual(CabacEngine e, SliceContext ctx) {
        this.e = e;
        this.ctx = ctx;
        this.pic = ctx.picture;
        this.dcTop = new byte[ctx.widthMbs];
    }

    /** Records a macroblock without residual syntax (skipped, or cbp 0 and not Intra_16x16): nothing coded. */
    void none(Macroblock mb) {
        fillLuma(mb, 0);
        fillChroma(mb, 0);
        dcLeft = 0;
        dcTop[mb.mbX] = 0;
    }

    /** Records an I_PCM macroblock: every block counts as coded for its neighbours. */
    void pcm(Macroblock mb) {
        fillLuma(mb, 16);
        fillChroma(mb, 16);
        dcLeft = 7;
        dcTop[mb.mbX] = 7;
    }

    /** residual( 0, 15 ) of the current macroblock; mb.kind and mb.cbp are final. */
    void read(Macroblock mb) throws MediaFormatException {
        int kind = mb.kind;
        boolean intra = (kind & MbKind.INTRA) != 0;
        int unavail = intra ? 1 : 0;
        int left = ctx.left(mb.mbX, mb.mbY);
        int above = ctx.above(mb.mbX, mb.mbY);
        int dcA = left >= 0 ? dcLeft : (intra ? 7 : 0);
        int dcB = above >= 0 ? dcTop[mb.mbX] : (intra ? 7 : 0);
        int dc = 0;
        int cbp = mb.cbp;
        byte[] coeffs = pic.lumaCoeffs;
        int s4 = pic.stride4;
        int base = pic.block4(mb.mbX, mb.mbY, 0, 0);
        boolean i16 = (kind & MbKind.I16X16) != 0;
        if (i16) {
            int inc = (dcA & DC_LUMA) + 2 * (dcB & DC_LUMA);
            if (e.decision(85 + inc) != 0 && block(0, mb.lumaDc, 0, 0, 16) > 0) {
                dc |= DC_LUMA;
            }
        }
        int coded = 0;
        for (int b8 = 0; b8 < 4; b8++) {
            int x0 = (b8 & 1) << 1;
            int y0 = b8 & 2;
            int i0 = base + y0 * s4 + x0;
            if ((cbp >> b8 & 1) == 0) {
                coeffs[i0] = coeffs[i0 + 1] = coeffs[i0 + s4] = coeffs[i0 + s4 + 1] = 0;
            } else if ((kind & MbKind.T8X8) != 0) {
                byte n = (byte) block(5, mb.luma, 64 * b8, 0, 64);
                coeffs[i0] = coeffs[i0 + 1] = coeffs[i0 + s4] = coeffs[i0 + s4 + 1] = n;
                coded |= 0x33 << (x0 + 4 * y0);
            } else {
                int cat = i16 ? 1 : 2;
                for (int k = 0; k < 4; k++) {
                    int bx = x0 + (k & 1);
                    int by = y0 + (k >> 1);
                    int i = base + by * s4 + bx;
                    int a = bx > 0 || left >= 0 ? (coeffs[i - 1] != 0 ? 1 : 0) : unavail;
                    int b = by > 0 || above >= 0 ? (coeffs[i - s4] != 0 ? 1 : 0) : unavail;
                    int n = 0;
                    if (e.decision(85 + CBF_OFFSET[cat] + a + 2 * b) != 0) {
                        n = i16 ? block(1, mb.luma, 16 * (bx + 4 * by), 1, 15)
                                : block(2, mb.luma, 16 * (bx + 4 * by), 0, 16);
                        coded |= 1 << (bx + 4 * by);
                    }
                    coeffs[i] = (byte) n;
                }
            }
        }
        mb.lumaCoded = coded;
        int cbpChroma = cbp >> 4;
        if (cbpChroma != 0) {
            for (int c = 0; c < 2; c++) {
                int bit = 2 << c;
                int inc = ((dcA & bit) != 0 ? 1 : 0) + ((dcB & bit) != 0 ? 2 : 0);
                if (e.decision(85 + 12 + inc) != 0 && block(3, mb.chromaDc, 4 * c, 0, 4) > 0) {
                    dc |= bit;
                }
            }
        }
        if (cbpChroma == 2) {
            readChromaAc(mb, left, above, unavail);
        } else {
            fillChroma(mb, 0);
        }
        dcLeft = dc;
        dcTop[mb.mbX] = (byte) dc;
    }

    private void readChromaAc(Macroblock mb, int left, int above, int unavail) {
        int cs = 2 * ctx.widthMbs;
        int base = pic.chromaBlock4(mb.mbX, mb.mbY, 0, 0);
        int coded = 0;
        for (int c = 0; c < 2; c++) {
            byte[] coeffs = pic.chromaCoeffs[c];
            for (int b = 0; b < 4; b++) {
                int bx = b & 1;
                int by = b >> 1;
                int i = base + by * cs + bx;
                int a = bx > 0 || left >= 0 ? (coeffs[i - 1] != 0 ? 1 : 0) : unavail;
                int bb = by > 0 || above >= 0 ? (coeffs[i - cs] != 0 ? 1 : 0) : unavail;
                int n = 0;
                if (e.decision(85 + 16 + a + 2 * bb) != 0) {
                    n = block(4, mb.chroma, 16 * (4 * c + b), 1, 15);
                    coded |= 1 << (4 * c + b);
                }
                coeffs[i] = (byte) n;
            }
        }
        mb.chromaCoded = coded;
    }

    /**
     * One residual_block_cabac after its coded_block_flag was 1: returns the number of non-zero levels (at least
     * one) and stores them at {@code dst[base + raster position]}.
     *
     * @param first  scan position of the block's first coefficient (1 for AC blocks)
     * @param count  maxNumCoeff
     */
    private int block(int cat, int[] dst, int base, int first, int count) {
        int sig;
        int last;
        int abs;
        if (cat == 5) {
            sig = 402;
            last = 417;
            abs = 426;
        } else {
            sig = 105 + SIG_OFFSET[cat];
            last = 166 + SIG_OFFSET[cat];
            abs = 227 + ABS_OFFSET[cat];
        }
        int[] pos = scanPos;
        int n = 0;
        int i = 0;
        boolean ended = false;
        for (; i < count - 1; i++) {
            int sInc = cat == 5 ? SIG8[i] : cat == 3 ? Math.min(i, 2) : i;
            if (e.decision(sig + sInc) != 0) {
                pos[n++] = i;
                int lInc = cat == 5 ? LAST8[i] : cat == 3 ? Math.min(i, 2) : i;
                if (e.decision(last + lInc) != 0) {
                    ended = true;
                    break;
                }
            }
        }
        if (!ended) {
            pos[n++] = count - 1;
        }
        int[] scan = cat == 5 ? ZZ8 : cat == 3 ? RASTER : ZZ4;
        int gt1Max = cat == 3 ? 3 : 4;
        int gt1 = 0;
        int eq1 = 0;
        for (int j = n - 1; j >= 0; j--) {
            int level;
            if (e.decision(abs + (gt1 != 0 ? 0 : Math.min(4, 1 + eq1))) == 0) {
                level = 1;
                eq1++;
            } else {
                int inc = abs + 5 + Math.min(gt1Max, gt1);
                int minus1 = 1;
                while (minus1 < 14 && e.decision(inc) != 0) {
                    minus1++;
                }
                if (minus1 == 14) {
                    minus1 += expGolomb0();
                }
                level = minus1 + 1;
                gt1++;
            }
            dst[base + scan[first + pos[j]]] = e.bypass() != 0 ? -level : level;
        }
        return n;
    }

    /** The UEG0 suffix of coeff_abs_level_minus1 (9.3.2.3, k = 0), bypass coded; capped so corrupt data ends. */
    private int expGolomb0() {
        int value = 0;
        int k = 0;
        while (e.bypass() != 0 && k < 24) {
            value += 1 << k;
            k++;
        }
        while (k-- > 0) {
            value += e.bypass() << k;
        }
        return value;
    }

    private void fillLuma(Macroblock mb, int n) {
        int s4 = pic.stride4;
        int i = pic.block4(mb.mbX, mb.mbY, 0, 0);
        byte v = (byte) n;
        for (int y = 0; y < 4; y++, i += s4) {
            pic.lumaCoeffs[i] = pic.lumaCoeffs[i + 1] = pic.lumaCoeffs[i + 2] = pic.lumaCoeffs[i + 3] = v;
        }
    }

    private void fillChroma(Macroblock mb, int n) {
        int cs = 2 * ctx.widthMbs;
        int i = pic.chromaBlock4(mb.mbX, mb.mbY, 0, 0);
        byte v = (byte) n;
        for (byte[] c : pic.chromaCoeffs) {
            c[i] = c[i + 1] = c[i + cs] = c[i + cs + 1] = v;
        }
    }
}
