package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Reads slice_data (14496-10 7.3.4) one macroblock at a time: CAVLC or CABAC. Implementations write into the
 * {@link Macroblock} and into the picture's per-macroblock syntax arrays (kind, qp, cbp, chromaMode, intraModes,
 * lumaCoeffs, chromaCoeffs); motion vectors are left to motion-vector prediction.
 */
interface MacroblockReader {

    /**
     * Reads the macroblock at {@code mb.addr} (the slice loop has called {@link Macroblock#reset} and set the
     * picture's sliceId for it), skipped ones included.
     */
    void read(Macroblock mb) throws MediaFormatException;

    /** After {@link #read}: whether the slice has another macroblock. */
    boolean hasMore() throws MediaFormatException;
}
