package org.diva.transcode.codec;

/**
 * The chroma quantiser of H.264 (ISO/IEC 14496-10 8.5.8, Table 8-15) for 8-bit video: qP_I = Clip3(0, 51, QP_Y +
 * chroma_qp_index_offset); QP_C equals qP_I below 30 and grows more slowly above. The encoder and the decoder
 * (reconstruction and the deblocking filter) must agree on it to the step, so it exists once.
 */
public final class H264ChromaQp {
    private static final int[] ABOVE_29 = {29, 30, 31, 32, 32, 33, 34, 34, 35, 35, 36, 36, 37, 37, 37, 38, 38, 38,
            39, 39, 39, 39};

    private H264ChromaQp() {
    }

    /** QP_C for a luma QP_Y and a chroma_qp_index_offset (-12..12). */
    public static int of(int qpY, int offset) {
        int qpi = qpY + offset;
        qpi = qpi < 0 ? 0 : Math.min(qpi, 51);
        return qpi < 30 ? qpi : ABOVE_29[qpi - 30];
    }
}
