package org.diva.transcode.video.decode.avc;

/**
 * The parts of a sequence parameter set (14496-10 7.3.2.1) the decoder uses. Only what DiVA decodes gets this far:
 * chroma_format_idc 1, 8-bit, frame_mbs_only_flag 1 (the parser refuses the rest with the reason).
 *
 * @param scaling4x4   the six 4x4 scaling lists (Intra Y, Cb, Cr, Inter Y, Cb, Cr) in RASTER order, after the
 *                     fall-back rules (Flat_16 when the SPS sends none)
 * @param scaling8x8   the two 8x8 lists (Intra Y, Inter Y) in raster order, after fall-back
 * @param cropLeft     frame cropping in luma samples (already multiplied by CropUnitX/Y)
 * @param maxNumReorderFrames   from VUI bitstream_restriction, else the profile's worst case (the DPB size)
 * @param maxDecFrameBuffering  from VUI, else derived from the level's MaxDpbMbs
 */
record Sps(int spsId, int profileIdc, int levelIdc, int[][] scaling4x4, int[][] scaling8x8, boolean scalingPresent,
           int log2MaxFrameNum, int pocType, int log2MaxPocLsb, boolean deltaPicOrderAlwaysZero,
           int offsetForNonRefPic, int offsetForTopToBottomField, int[] offsetForRefFrame, int maxNumRefFrames,
           boolean gapsInFrameNumAllowed, int widthMbs, int heightMbs, boolean direct8x8Inference,
           int cropLeft, int cropRight, int cropTop, int cropBottom, int maxNumReorderFrames,
           int maxDecFrameBuffering) {

    int width() {
        return 16 * widthMbs - cropLeft - cropRight;
    }

    int height() {
        return 16 * heightMbs - cropTop - cropBottom;
    }
}
