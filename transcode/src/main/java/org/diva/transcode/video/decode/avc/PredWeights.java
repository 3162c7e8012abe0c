package org.diva.transcode.video.decode.avc;

/**
 * pred_weight_table (14496-10 7.3.3.2) with the defaults filled in for entries whose flags were 0
 * (weight {@code 1 << denom}, offset 0). Indexed [list][refIdx] and for chroma [list][refIdx][0 Cb, 1 Cr].
 */
record PredWeights(int lumaLog2Denom, int chromaLog2Denom, int[][] lumaWeight, int[][] lumaOffset,
                   int[][][] chromaWeight, int[][][] chromaOffset) {
}
