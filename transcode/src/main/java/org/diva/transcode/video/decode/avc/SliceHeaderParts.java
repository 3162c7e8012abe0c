package org.diva.transcode.video.decode.avc;

import java.util.ArrayList;
import java.util.List;
import org.diva.transcode.probe.MediaFormatException;

/** The two larger sub-structures of a slice header: pred_weight_table (7.3.3.2) and dec_ref_pic_marking (7.3.3.3). */
final class SliceHeaderParts {
    /** More operations than this cannot be meaningful (16 references, each marked at most a few ways). */
    private static final int MAX_MMCO = 66;

    private SliceHeaderParts() {
    }

    /** Reads the weights of both lists (list 1 has 0 entries outside B slices); flags of 0 leave the defaults. */
    static PredWeights predWeightTable(RbspBits bits, int[] numRefIdxActive) throws MediaFormatException {
        int lumaDenom = bits.ue("luma_log2_weight_denom", 0, 7);
        int chromaDenom = bits.ue("chroma_log2_weight_denom", 0, 7);
        int[][] lumaWeight = new int[2][];
        int[][] lumaOffset = new int[2][];
        int[][][] chromaWeight = new int[2][][];
        int[][][] chromaOffset = new int[2][][];
        for (int list = 0; list < 2; list++) {
            int n = numRefIdxActive[list];
            lumaWeight[list] = new int[n];
            lumaOffset[list] = new int[n];
            chromaWeight[list] = new int[n][2];
            chromaOffset[list] = new int[n][2];
            for (int i = 0; i < n; i++) {
                lumaWeight[list][i] = 1 << lumaDenom;
                if (bits.flag()) {
                    lumaWeight[list][i] = bits.se("luma_weight", -128, 127);
                    lumaOffset[list][i] = bits.se("luma_offset", -128, 127);
                }
                chromaWeight[list][i][0] = 1 << chromaDenom;
                chromaWeight[list][i][1] = 1 << chromaDenom;
                if (bits.flag()) {
                    for (int c = 0; c < 2; c++) {
                        chromaWeight[list][i][c] = bits.se("chroma_weight", -128, 127);
                        chromaOffset[list][i][c] = bits.se("chroma_offset", -128, 127);
                    }
                }
            }
        }
        return new PredWeights(lumaDenom, chromaDenom, lumaWeight, lumaOffset, chromaWeight, chromaOffset);
    }

    static RefPicMarking decRefPicMarking(RbspBits bits, boolean idr) throws MediaFormatException {
        if (idr) {
            boolean noOutput = bits.flag();
            boolean longTerm = bits.flag();
            return new RefPicMarking(noOutput, longTerm, false, List.of());
        }
        if (!bits.flag()) { // adaptive_ref_pic_marking_mode_flag
            return new RefPicMarking(false, false, false, List.of());
        }
        List<int[]> ops = new ArrayList<>();
        while (true) {
            int op = bits.ue("memory_management_control_operation", 0, 6);
            if (op == 0) {
                return new RefPicMarking(false, false, true, List.copyOf(ops));
            }
            if (ops.size() == MAX_MMCO) {
                throw bits.error("more than " + MAX_MMCO + " memory management operations");
            }
            ops.add(switch (op) {
                case 1 -> new int[] {op, bits.ue("difference_of_pic_nums_minus1", 0, 131_071)};
                case 2 -> new int[] {op, bits.ue("long_term_pic_num", 0, 31)};
                case 3 -> new int[] {op, bits.ue("difference_of_pic_nums_minus1", 0, 131_071),
                        bits.ue("long_term_frame_idx", 0, 15)};
                case 4 -> new int[] {op, bits.ue("max_long_term_frame_idx_plus1", 0, 16)};
                case 6 -> new int[] {op, bits.ue("long_term_frame_idx", 0, 15)};
                default -> new int[] {op};
            });
        }
    }
}
