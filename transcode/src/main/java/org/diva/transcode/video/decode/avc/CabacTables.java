package org.diva.transcode.video.decode.avc;

import org.jcodec.codecs.common.biari.MConst;
import org.jcodec.codecs.h264.H264Const;
import org.jcodec.codecs.h264.decode.CABACContst;

/**
 * The standard's CABAC tables, copied once from JCodec's public statics into arrays of our own (JCodec's are
 * mutable and shared; we never hand ours out) and rearranged for the decoder's hot paths.
 *
 * <p>Sources: Tables 9-12..9-33 (m, n per ctxIdx, one table for I slices and three for P/B slices by
 * cabac_init_idc), Table 9-44 (rangeTabLPS, JCodec stores it as [qCodIRangeIdx][pStateIdx]), Table 9-45
 * (transIdxLPS), Table 9-43 (the 8x8 frame-coded significance and last-significance context maps). The zig-zag
 * scans (8.5.6, Figure 8-8/8-9 frame scans) are generated here rather than typed.
 */
final class CabacTables {
    private CabacTables() {
    }

    /** Contexts used by 4:2:0 frame coding: 0..459 (the 4:4:4-only ones from 460 on are never decoded). */
    static final int CONTEXTS = 460;

    /** m and n per ctxIdx: [0] for I slices, [1 + cabac_init_idc] for P/B slices. */
    static final int[][] M = new int[4][CONTEXTS];
    static final int[][] N = new int[4][CONTEXTS];
    /** rangeTabLPS indexed {@code pStateIdx << 2 | qCodIRangeIdx}. */
    static final int[] RANGE_LPS = new int[64 * 4];
    /** Next state after an MPS / LPS, indexed by state {@code pStateIdx << 1 | valMPS}. */
    static final byte[] NEXT_MPS = new byte[128];
    static final byte[] NEXT_LPS = new byte[128];
    /** ctxIdxInc of significant_coeff_flag / last_significant_coeff_flag in an 8x8 frame block, by scan position. */
    static final int[] SIG_8X8 = new int[63];
    static final int[] LAST_8X8 = new int[63];

    static {
        System.arraycopy(CABACContst.cabac_context_init_I_A, 0, M[0], 0, CONTEXTS);
        System.arraycopy(CABACContst.cabac_context_init_I_B, 0, N[0], 0, CONTEXTS);
        for (int idc = 0; idc < 3; idc++) {
            System.arraycopy(CABACContst.cabac_context_init_PB_A[idc], 0, M[1 + idc], 0, CONTEXTS);
            System.arraycopy(CABACContst.cabac_context_init_PB_B[idc], 0, N[1 + idc], 0, CONTEXTS);
        }
        for (int p = 0; p < 64; p++) {
            for (int q = 0; q < 4; q++) {
                RANGE_LPS[p << 2 | q] = MConst.rangeLPS[q][p];
            }
            for (int mps = 0; mps < 2; mps++) {
                int s = p << 1 | mps;
                NEXT_MPS[s] = (byte) (Math.min(p + 1, 62) << 1 | mps);
                // Leaving state 0 through an LPS flips the most probable symbol (9.3.3.2.1.1).
                NEXT_LPS[s] = (byte) (MConst.transitLPS[p] << 1 | (p == 0 ? 1 - mps : mps));
            }
        }
        // State 63 is reserved for the terminate context and never changes.
        NEXT_MPS[126] = 126;
        NEXT_MPS[127] = 127;
        System.arraycopy(H264Const.sig_coeff_map_8x8, 0, SIG_8X8, 0, 63);
        System.arraycopy(H264Const.last_sig_coeff_map_8x8, 0, LAST_8X8, 0, 63);
    }

}
