package org.diva.transcode.video.decode.avc;

import java.util.Arrays;

/**
 * The macroblock being decoded: what its parser read, handed to motion-vector prediction and reconstruction. One
 * instance per slice decoder, reused for every macroblock.
 *
 * <p>Conventions shared by every part of the decoder:
 * <ul>
 *   <li>A 4x4 luma block inside the macroblock is numbered in raster order, {@code b = bx + 4 * by} (bx, by in
 *       0..3), NOT in the standard's zig-zag luma4x4BlkIdx; parsers translate. 8x8 blocks likewise:
 *       {@code b8 = x8 + 2 * y8}. Chroma 4x4 blocks {@code b = bx + 2 * by}.</li>
 *   <li>Coefficient arrays hold LEVELS as parsed (not yet scaled), already moved from scan order to raster
 *       position inside their block ({@code x + 4 * y}, or {@code x + 8 * y} for 8x8): the parser does the inverse
 *       zig-zag scan (frame scan, 14496-10 8.5.6). The arrays are all zero when parsing starts; a parser writes only
 *       the coefficients it reads, and reconstruction sets back to zero every coefficient it consumed.</li>
 *   <li>Motion vectors are in quarter luma samples; mvd arrays hold (x, y) pairs.</li>
 * </ul>
 */
final class Macroblock {
    /** Macroblock address and its column / row in the picture. Set by the slice loop before parsing. */
    int addr;
    int mbX;
    int mbY;

    /** {@link MbKind} flags. */
    int kind;
    /** QP_Y after mb_qp_delta (the slice loop carries it from macroblock to macroblock), 0..51. */
    int qp;
    /** coded_block_pattern: bits 0-3 the four luma 8x8 blocks (b8 order), bits 4-5 chroma (0, 1 = DC, 2 = DC+AC). */
    int cbp;
    /** Intra_16x16 prediction mode 0..3 (vertical, horizontal, DC, plane). */
    int intra16x16Mode;
    /** intra_chroma_pred_mode 0..3 (DC, horizontal, vertical, plane). */
    int chromaMode;
    /**
     * Intra_4x4 / Intra_8x8 prediction mode (0..8) of each 4x4 block, raster order, after the parser resolved
     * prev_intra_pred_mode_flag / rem_intra_pred_mode against the neighbours; for Intra_8x8 all four 4x4 blocks of an
     * 8x8 block carry its mode.
     */
    final int[] intraModes = new int[16];

    /** Inter partition shape (MbKind.PART_*); PART_16X16 for P_Skip; PART_8X8 for B_Skip / B_Direct_16x16. */
    int partition;
    /**
     * MbKind.PRED_* per partition: [0] for 16x16, [0..1] for 16x8 (top, bottom) / 8x16 (left, right), [0..3] per 8x8
     * block (b8 order) for 8x8 partitions, where PRED_DIRECT marks B_Direct_8x8 (and every block of B_Skip / B_Direct_16x16).
     * P partitions are PRED_L0.
     */
    final int[] partPred = new int[4];
    /** MbKind.SUB_* per 8x8 block when partition is PART_8X8 (SUB_8X8 for direct 8x8 blocks). */
    final int[] subPartition = new int[4];
    /** ref_idx_l0 / ref_idx_l1 as parsed, per partition (indexed as partPred); 0 when not coded; -1 when the list is unused. */
    final int[][] refIdx = new int[2][4];
    /**
     * mvd_l0 / mvd_l1 as parsed, per 4x4 block (raster), (x, y) pairs: the parser writes a (sub-)partition's mvd into
     * every 4x4 block the (sub-)partition covers. Zero for skipped / direct blocks.
     */
    final int[][] mvd = new int[2][32];

    /** Luma levels: 4x4 block b at {@code 16 * b}, or with T8X8 the 8x8 block b8 at {@code 64 * b8}. */
    final int[] luma = new int[256];
    /** Intra_16x16 DC levels, one per 4x4 block (raster), i.e. the 4x4 DC matrix in raster order. */
    final int[] lumaDc = new int[16];
    /** Chroma DC levels: Cb's 2x2 matrix (raster) at 0..3, Cr's at 4..7. */
    final int[] chromaDc = new int[8];
    /** Chroma AC levels: component c (0 Cb, 1 Cr), block b at {@code 16 * (4 * c + b)}; index 0 of a block unused. */
    final int[] chroma = new int[128];
    /** Which luma 4x4 blocks (bit b) have non-zero AC/levels; with T8X8, all four bits of a coded 8x8 block. */
    int lumaCoded;
    /** Which chroma AC blocks (bit 4 * c + b) have non-zero levels. */
    int chromaCoded;
    /** I_PCM samples: 256 luma (raster), then 64 Cb, then 64 Cr. */
    final int[] pcm = new int[384];

    /** Readies the per-macroblock fields for the next parse (coefficients are zeroed by reconstruction, not here). */
    void reset(int addr, int widthMbs) {
        this.addr = addr;
        this.mbX = addr % widthMbs;
        this.mbY = addr / widthMbs;
        kind = 0;
        cbp = 0;
        intra16x16Mode = 0;
        chromaMode = 0;
        partition = MbKind.PART_16X16;
        Arrays.fill(partPred, MbKind.PRED_L0);
        Arrays.fill(subPartition, MbKind.SUB_8X8);
        Arrays.fill(refIdx[0], -1);
        Arrays.fill(refIdx[1], -1);
        Arrays.fill(mvd[0], 0);
        Arrays.fill(mvd[1], 0);
        lumaCoded = 0;
        chromaCoded = 0;
    }
}
