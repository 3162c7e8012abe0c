package org.diva.transcode.video.decode.avc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One decoded frame with everything later macroblocks, later pictures (as references and co-located pictures) and
 * the deblocking filter need to know about it.
 *
 * <p>Samples are unsigned bytes in planes of whole macroblocks, no padding: luma stride {@code 16 * widthMbs}, chroma
 * stride {@code 8 * widthMbs}. Per-4x4-block arrays are in picture raster of 4x4 blocks: block (x4, y4) at
 * {@code y4 * stride4 + x4} with {@code stride4 = 4 * widthMbs}; chroma per-4x4 arrays likewise with
 * {@code 2 * widthMbs}. Per-macroblock arrays are indexed by macroblock address.
 */
final class AvcPicture {
    /** Reference marking states (14496-10 8.2.5). */
    static final int UNUSED = 0;
    static final int SHORT_TERM = 1;
    static final int LONG_TERM = 2;

    final int widthMbs;
    final int heightMbs;
    final int stride;
    final int chromaStride;
    final int stride4;
    final byte[] y;
    final byte[] cb;
    final byte[] cr;

    /** The slice (index into {@link #slices}) each macroblock belongs to; -1 before it is decoded. */
    final int[] sliceId;
    /** {@link MbKind} flags per macroblock. */
    final int[] kind;
    /** QP_Y per macroblock (I_PCM: 0). */
    final byte[] qp;
    /** coded_block_pattern per macroblock, as {@link Macroblock#cbp}. */
    final byte[] cbp;
    /** intra_chroma_pred_mode per macroblock (0 for inter). */
    final byte[] chromaMode;
    /** Intra_4x4 / Intra_8x8 mode per 4x4 block; -1 in macroblocks that are not I_NxN. */
    final byte[] intraModes;
    /** total_coeff per luma 4x4 block (for an 8x8 transform block, its count in each of its four 4x4 blocks). */
    final byte[] lumaCoeffs;
    /** total_coeff per chroma AC 4x4 block, [0] Cb, [1] Cr. */
    final byte[][] chromaCoeffs;
    /** Motion vectors per 4x4 block and list, (x, y) pairs in quarter samples; 0 where the list is unused. */
    final short[][] mv;
    /** Reference index per 4x4 block and list; -1 where the list is unused (and in intra macroblocks). */
    final byte[][] refIdx;
    /** {@link #id} of the picture each 4x4 block references per list; -1 where the list is unused. */
    final int[][] refPic;
    /** The slice headers of this picture, in decoding order; {@link #sliceId} points into it. */
    final List<SliceHeader> slices = new ArrayList<>();

    /** Unique per decoder instance, assigned in decoding order. */
    int id;
    /** PicOrderCnt of the frame (min of top and bottom). */
    int poc;
    int frameNum;
    /** FrameNumWrap, recomputed for each slice when building reference lists (8.2.4.1). */
    int frameNumWrap;
    int longTermFrameIdx;
    /** UNUSED, SHORT_TERM or LONG_TERM. */
    int reference;
    boolean idr;
    /** Still waiting to be output (bumped) by the decoded picture buffer. */
    boolean outputNeeded;
    /** Presentation time of the packet the picture came in, in 90 kHz ticks. */
    long pts;

    AvcPicture(int widthMbs, int heightMbs) {
        if (widthMbs <= 0 || heightMbs <= 0 || (long) widthMbs * heightMbs > 139_264) {
            throw new IllegalArgumentException("picture of " + widthMbs + "x" + heightMbs + " macroblocks");
        }
        this.widthMbs = widthMbs;
        this.heightMbs = heightMbs;
        stride = 16 * widthMbs;
        chromaStride = 8 * widthMbs;
        stride4 = 4 * widthMbs;
        int mbs = widthMbs * heightMbs;
        y = new byte[256 * mbs];
        cb = new byte[64 * mbs];
        cr = new byte[64 * mbs];
        sliceId = new int[mbs];
        kind = new int[mbs];
        qp = new byte[mbs];
        cbp = new byte[mbs];
        chromaMode = new byte[mbs];
        intraModes = new byte[16 * mbs];
        lumaCoeffs = new byte[16 * mbs];
        chromaCoeffs = new byte[][] {new byte[4 * mbs], new byte[4 * mbs]};
        mv = new short[][] {new short[32 * mbs], new short[32 * mbs]};
        refIdx = new byte[][] {new byte[16 * mbs], new byte[16 * mbs]};
        refPic = new int[][] {new int[16 * mbs], new int[16 * mbs]};
        clearMacroblockData();
    }

    /** Forgets the macroblock data of a previous use, so the picture can be decoded into again. */
    void clearMacroblockData() {
        Arrays.fill(sliceId, -1);
        slices.clear();
    }

    int mbs() {
        return widthMbs * heightMbs;
    }

    /** Index of 4x4 luma block (bx, by) of macroblock (mbX, mbY) in the per-4x4 arrays. */
    int block4(int mbX, int mbY, int bx, int by) {
        return (4 * mbY + by) * stride4 + 4 * mbX + bx;
    }

    /** Index of chroma 4x4 block (bx, by in 0..1) of macroblock (mbX, mbY) in {@link #chromaCoeffs}. */
    int chromaBlock4(int mbX, int mbY, int bx, int by) {
        return (2 * mbY + by) * (2 * widthMbs) + 2 * mbX + bx;
    }

    boolean isReference() {
        return reference != UNUSED;
    }
}
