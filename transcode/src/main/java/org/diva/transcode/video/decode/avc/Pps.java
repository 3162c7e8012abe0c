package org.diva.transcode.video.decode.avc;

/**
 * The parts of a picture parameter set (14496-10 7.3.2.2) the decoder uses; num_slice_groups must be 1.
 *
 * @param scaling4x4 effective 4x4 lists (raster order) after the PPS/SPS fall-back rules (Table 7-2)
 * @param scaling8x8 effective 8x8 lists (Intra Y, Inter Y), raster order
 */
record Pps(int ppsId, int spsId, boolean cabac, boolean bottomFieldPicOrderPresent, int numRefIdxL0Default,
           int numRefIdxL1Default, boolean weightedPred, int weightedBipredIdc, int picInitQp,
           int chromaQpIndexOffset, int secondChromaQpIndexOffset, boolean deblockingFilterControlPresent,
           boolean constrainedIntraPred, boolean redundantPicCntPresent, boolean transform8x8Mode,
           int[][] scaling4x4, int[][] scaling8x8) {
}
