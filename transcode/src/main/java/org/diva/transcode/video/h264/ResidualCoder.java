package org.diva.transcode.video.h264;

/**
 * Transforms, quantises and reconstructs the residual of one macroblock: luma as Intra16x16 (separate DC Hadamard,
 * 8.5.10) or as sixteen inter 4x4 blocks, and both chroma components with their 2x2 DC (8.5.11). The source and
 * prediction come in as ints; the results are the scan-ordered levels the syntax writer codes and the reconstructed
 * samples, bit-identical to what a decoder computes from those levels.
 *
 * <p>Inter blocks are "decimated" as x264 does: an 8x8 block whose only coefficients are a few isolated ±1s costs
 * more bits than the distortion it removes, so it is dropped (scored with runs of zeros before each ±1); so is
 * the AC of a chroma component that scores under 7.
 */
final class ResidualCoder {
    final int[] srcY = new int[256];
    final int[] predY = new int[256];
    final int[] reconY = new int[256];
    /** Cb at 0..63, Cr at 64..127. */
    final int[] srcC = new int[128];
    final int[] predC = new int[128];
    final int[] reconC = new int[128];

    /** Luma levels: 16 per 4x4 block (raster block index), scan order; for Intra16x16 index 0 is unused. */
    final int[] lumaLevels = new int[256];
    final int[] lumaNnz = new int[16];
    /** Intra16x16 DC levels in scan order. */
    final int[] lumaDc = new int[16];
    /** Chroma DC levels: Cb 0..3, Cr 4..7. */
    final int[] chromaDc = new int[8];
    /** Chroma AC levels: blocks Cb 0..3, Cr 4..7, 16 per block in scan order, index 0 unused. */
    final int[] chromaAc = new int[128];
    final int[] chromaNnz = new int[8];
    int cbpLuma;
    int cbpChroma;

    private final int[] coef = new int[256];
    private final int[] dc = new int[16];
    private final int[] cdc = new int[8];

    /** Codes luma as Intra16x16 with {@link #predY}; sets levels, {@link #cbpLuma} (0 or 15) and {@link #reconY}. */
    void lumaIntra16(Quantizer q) {
        int f = q.offset(true);
        for (int b = 0; b < 16; b++) {
            Blocks.residual4x4(srcY, predY, 16, ((b >> 2) * 4) * 16 + (b & 3) * 4, coef, b * 16);
            Transform.forward4x4(coef, b * 16);
            dc[b] = coef[b * 16];
        }
        Transform.hadamard4x4(dc, true);
        for (int k = 0; k < 16; k++) {
            lumaDc[k] = q.quantDc(dc[Transform.ZIGZAG[k]], f);
        }
        boolean anyAc = false;
        for (int b = 0; b < 16; b++) {
            lumaNnz[b] = q.quant(coef, b * 16, lumaLevels, b * 16, f, 1);
            anyAc |= lumaNnz[b] != 0;
        }
        cbpLuma = anyAc ? 15 : 0;
        // Reconstruction: DC back through the inverse Hadamard and its scaling, AC dequantised per block.
        for (int k = 0; k < 16; k++) {
            dc[Transform.ZIGZAG[k]] = lumaDc[k];
        }
        Transform.hadamard4x4(dc, false);
        for (int b = 0; b < 16; b++) {
            int dcValue = q.scaleLumaDc(dc[b]);
            int off = ((b >> 2) * 4) * 16 + (b & 3) * 4;
            if (lumaNnz[b] == 0) {
                Blocks.addConstant(predY, reconY, 16, off, (dcValue + 32) >> 6);
            } else {
                q.dequant(lumaLevels, b * 16, coef, b * 16, 1);
                coef[b * 16] = dcValue;
                Transform.inverse4x4(coef, b * 16);
                Blocks.addBlock(predY, coef, b * 16, reconY, 16, off);
            }
        }
    }

    /** Codes luma as inter residual of {@link #predY}; sets levels, {@link #cbpLuma} and {@link #reconY}. */
    void lumaInter(Quantizer q) {
        int f = q.offset(false);
        int zeroSad = q.zeroSad4x4();
        int cbp = 0;
        int scoreSum = 0;
        for (int b8 = 0; b8 < 4; b8++) {
            int score = 0;
            for (int i = 0; i < 4; i++) {
                int b = blockOf(b8, i);
                int sad = Blocks.residual4x4(srcY, predY, 16, ((b >> 2) * 4) * 16 + (b & 3) * 4, coef, b * 16);
                if (sad <= zeroSad) {
                    lumaNnz[b] = 0;
                    continue;
                }
                Transform.forward4x4(coef, b * 16);
                lumaNnz[b] = q.quant(coef, b * 16, lumaLevels, b * 16, f, 0);
                if (lumaNnz[b] != 0) {
                    score += Blocks.decimateScore(lumaLevels, b * 16);
                }
            }
            if (score >= 4) {
                cbp |= 1 << b8;
            } else {
                for (int i = 0; i < 4; i++) {
                    lumaNnz[blockOf(b8, i)] = 0;
                }
            }
            scoreSum += score;
        }
        if (scoreSum < 6) {
            cbp = 0;
            java.util.Arrays.fill(lumaNnz, 0);
        }
        cbpLuma = cbp;
        if (cbp == 0) {
            System.arraycopy(predY, 0, reconY, 0, 256);
            return;
        }
        for (int b = 0; b < 16; b++) {
            int off = ((b >> 2) * 4) * 16 + (b & 3) * 4;
            if (lumaNnz[b] == 0) {
                Blocks.copy4x4(predY, reconY, 16, off);
            } else {
                q.dequant(lumaLevels, b * 16, coef, b * 16, 0);
                Transform.inverse4x4(coef, b * 16);
                Blocks.addBlock(predY, coef, b * 16, reconY, 16, off);
            }
        }
    }

    /**
     * Whether the inter residual of {@link #predY} and {@link #predC} provably quantises to nothing (every 4x4 SAD
     * and the chroma DC sums under the quantisers' zero bounds), so the macroblock can be skipped without
     * transforming it; the reconstruction is then the prediction.
     */
    boolean provablyEmpty(Quantizer luma, Quantizer chroma) {
        int zeroSad = luma.zeroSad4x4();
        for (int by = 0; by < 4; by++) {
            for (int bx = 0; bx < 4; bx++) {
                if (Blocks.sad4x4(srcY, predY, 16, by * 64 + bx * 4) > zeroSad) {
                    return false;
                }
            }
        }
        int chromaSad = chroma.zeroSad4x4();
        int dcBound = chroma.zeroChromaDc();
        for (int c = 0; c < 2; c++) {
            int dcSum = 0;
            for (int b = 0; b < 4; b++) {
                int off = c * 64 + (b >> 1) * 32 + (b & 1) * 4;
                if (Blocks.sad4x4(srcC, predC, 8, off) > chromaSad) {
                    return false;
                }
                dcSum += Math.abs(Blocks.sum4x4(srcC, predC, 8, off));
            }
            if (dcSum > dcBound) {
                return false;
            }
        }
        return true;
    }

    /** Codes both chroma components of {@link #predC}; sets levels, {@link #cbpChroma} and {@link #reconC}. */
    void chroma(Quantizer q, boolean intra) {
        int f = q.offset(intra);
        int zeroSad = intra ? -1 : q.zeroSad4x4();
        boolean anyDc = false;
        boolean anyAc = false;
        for (int c = 0; c < 2; c++) {
            for (int b = 0; b < 4; b++) {
                int blk = c * 4 + b;
                int off = c * 64 + (b >> 1) * 32 + (b & 1) * 4;
                int sad = Blocks.residual4x4(srcC, predC, 8, off, coef, blk * 16);
                if (sad <= zeroSad) {
                    int sum = 0;
                    for (int i = 0; i < 16; i++) {
                        sum += coef[blk * 16 + i];
                    }
                    cdc[blk] = sum;
                    chromaNnz[blk] = 0;
                    continue;
                }
                Transform.forward4x4(coef, blk * 16);
                cdc[blk] = coef[blk * 16];
                chromaNnz[blk] = q.quant(coef, blk * 16, chromaAc, blk * 16, f, 1);
            }
            if (!intra) {
                // As for luma: a component whose AC is a few scattered ±1s is not worth its bits (x264: < 7).
                int score = 0;
                for (int b = 0; b < 4; b++) {
                    if (chromaNnz[c * 4 + b] != 0) {
                        score += Blocks.decimateScore(chromaAc, (c * 4 + b) * 16);
                    }
                }
                if (score < 7) {
                    java.util.Arrays.fill(chromaNnz, c * 4, c * 4 + 4, 0);
                }
            }
            for (int b = 0; b < 4; b++) {
                anyAc |= chromaNnz[c * 4 + b] != 0;
            }
            Transform.hadamard2x2(cdc, c * 4);
            for (int i = 0; i < 4; i++) {
                chromaDc[c * 4 + i] = q.quantDc(cdc[c * 4 + i], f);
                anyDc |= chromaDc[c * 4 + i] != 0;
            }
        }
        cbpChroma = anyAc ? 2 : anyDc ? 1 : 0;
        for (int c = 0; c < 2; c++) {
            System.arraycopy(chromaDc, c * 4, cdc, c * 4, 4);
            Transform.hadamard2x2(cdc, c * 4);
            for (int b = 0; b < 4; b++) {
                int blk = c * 4 + b;
                int dcValue = q.scaleChromaDc(cdc[blk]);
                int off = c * 64 + (b >> 1) * 32 + (b & 1) * 4;
                if (chromaNnz[blk] == 0 && dcValue == 0) {
                    Blocks.copy4x4(predC, reconC, 8, off);
                } else if (chromaNnz[blk] == 0) {
                    Blocks.addConstant(predC, reconC, 8, off, (dcValue + 32) >> 6);
                } else {
                    q.dequant(chromaAc, blk * 16, coef, blk * 16, 1);
                    coef[blk * 16] = dcValue;
                    Transform.inverse4x4(coef, blk * 16);
                    Blocks.addBlock(predC, coef, blk * 16, reconC, 8, off);
                }
            }
        }
    }

    /** Raster 4x4 block index of block {@code i} of 8x8 block {@code b8} (the coding order of 6.4.3). */
    static int blockOf(int b8, int i) {
        return ((b8 >> 1) * 2 + (i >> 1)) * 4 + (b8 & 1) * 2 + (i & 1);
    }
}
