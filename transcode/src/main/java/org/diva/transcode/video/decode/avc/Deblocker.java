package org.diva.transcode.video.decode.avc;

import java.util.function.IntFunction;
import org.diva.transcode.codec.H264ChromaQp;

/**
 * The deblocking filter process (14496-10 8.7) for a whole frame picture, run once after all its slices are decoded.
 *
 * <p>Macroblocks are filtered in address order; in each, the vertical luma edges left to right, then the horizontal
 * ones top to bottom, and the same for each chroma plane (planes are independent, so doing luma before chroma is the
 * standard's order too). Filtering is in place, so each edge sees the samples as earlier edges left them. The left and
 * top macroblock edges are filtered unless the picture ends there, the macroblock's slice has
 * disable_deblocking_filter_idc 1 (nothing of that macroblock is filtered), or it has 2 and the neighbour lies in
 * another slice. With the 8x8 transform the luma edges at 4 and 12 are not transform edges and are skipped; chroma
 * (4:2:0) has edges at 0 and 4 whose bS is that of the luma edge at 0 and 8, two chroma lines per luma 4x4 segment.
 *
 * <p>Per edge, qPav is the rounded mean of the two macroblocks' QP (QPc from each macroblock's QP_Y via Table 8-15 for
 * chroma, I_PCM counting as QP_Y 0); indexA and indexB add the current slice's FilterOffsetA/B. alpha' 0 or beta' 0
 * (indexA or indexB below 16) means no sample can pass filterSamplesFlag, so such edges are skipped whole.
 *
 * <p>One instance per decoder: it keeps scratch arrays sized to the largest picture seen and is not thread-safe.
 */
final class Deblocker {
    private final int[] bs = new int[32];
    private int[] coded = new int[0];
    private int[] sliceIdc = new int[0];
    private int[] sliceOffsetA = new int[0];
    private int[] sliceOffsetB = new int[0];
    private int[] sliceCbOffset = new int[0];
    private int[] sliceCrOffset = new int[0];

    /** Filters the picture's planes in place, taking each slice's deblocking parameters from its header and PPS. */
    void filter(AvcPicture picture, IntFunction<Pps> ppsById) {
        prepareSlices(picture, ppsById);
        int mbs = picture.mbs();
        if (coded.length < mbs) {
            coded = new int[mbs];
        }
        int w = picture.widthMbs;
        int[] sliceId = picture.sliceId;
        int slices = picture.slices.size();
        for (int addr = 0; addr < mbs; addr++) {
            // Summarised on the way, not in a pass of its own: derive needs only this macroblock's and its left and
            // upper neighbours' summaries, and the motion data summary reads is then still in cache for derive.
            coded[addr] = BoundaryStrength.summary(picture, addr % w, addr / w, picture.kind[addr]);
            int s = sliceId[addr];
            // -1: a macroblock no slice covered (a lost slice); there is nothing sound to filter it with.
            if (s < 0 || sliceIdc[s < slices ? s : badSlice(addr, s, slices)] == 1) {
                continue;
            }
            int mbX = addr % w;
            int mbY = addr / w;
            boolean left = mbX > 0 && usable(sliceId[addr - 1], s);
            boolean top = mbY > 0 && usable(sliceId[addr - w], s);
            int edges = BoundaryStrength.derive(picture, coded, addr, left, top, bs);
            if (edges != 0) {
                filterMacroblock(picture, addr, mbX, mbY, s, edges);
            }
        }
    }

    private static int badSlice(int addr, int s, int slices) {
        throw new IllegalArgumentException("macroblock " + addr + " names slice " + s + " but the picture has "
                + slices + " slice headers");
    }

    private boolean usable(int neighbourSlice, int s) {
        return neighbourSlice >= 0 && (sliceIdc[s] == 0 || neighbourSlice == s);
    }

    private void prepareSlices(AvcPicture picture, IntFunction<Pps> ppsById) {
        int n = picture.slices.size();
        if (sliceIdc.length < n) {
            int size = Math.max(n, 2 * sliceIdc.length);
            sliceIdc = new int[size];
            sliceOffsetA = new int[size];
            sliceOffsetB = new int[size];
            sliceCbOffset = new int[size];
            sliceCrOffset = new int[size];
        }
        for (int i = 0; i < n; i++) {
            SliceHeader h = picture.slices.get(i);
            Pps pps = ppsById.apply(h.ppsId());
            if (pps == null) {
                throw new IllegalArgumentException("slice " + i + " of the picture names PPS " + h.ppsId()
                        + ", which the decoder does not have");
            }
            sliceIdc[i] = h.disableDeblockingFilterIdc();
            sliceOffsetA[i] = h.alphaC0Offset();
            sliceOffsetB[i] = h.betaOffset();
            sliceCbOffset[i] = pps.chromaQpIndexOffset();
            sliceCrOffset[i] = pps.secondChromaQpIndexOffset();
        }
    }

    private void filterMacroblock(AvcPicture pic, int addr, int mbX, int mbY, int s, int edges) {
        int offA = sliceOffsetA[s];
        int offB = sliceOffsetB[s];
        int qp = pic.qp[addr];
        int w = pic.widthMbs;
        int stride = pic.stride;
        int origin = 16 * mbY * stride + 16 * mbX;
        for (int dir = 0; dir < 2; dir++) {
            if ((edges >> (4 * dir) & 0xF) == 0) {
                continue;
            }
            int pAddr = dir == 0 ? addr - 1 : addr - w;
            // For a vertical edge the samples across it are 1 apart and the lines stride apart; the reverse for horizontal.
            int step = dir == 0 ? 1 : stride;
            int along = dir == 0 ? stride : 1;
            for (int e = 0; e < 4; e++) {
                if ((edges >> (4 * dir + e) & 1) == 0) {
                    continue;
                }
                int qpAv = e == 0 ? (pic.qp[pAddr] + qp + 1) >> 1 : qp;
                int indexA = DeblockTables.clip51(qpAv + offA);
                int alpha = DeblockTables.ALPHA[indexA];
                int beta = DeblockTables.BETA[DeblockTables.clip51(qpAv + offB)];
                if (alpha == 0 || beta == 0) {
                    continue;
                }
                int at = 16 * dir + 4 * e;
                int q0 = origin + 4 * e * step;
                int lines = sameStrength(at) ? 16 : 4;
                for (int i = 0; i < 16; i += lines) {
                    int strength = bs[at + i / 4];
                    if (strength != 0) {
                        int tc0 = strength < 4 ? DeblockTables.TC0[52 * (strength - 1) + indexA] : 0;
                        EdgeFilter.luma(pic.y, q0 + i * along, step, along, lines, strength, alpha, beta, tc0);
                    }
                }
            }
        }
        if ((edges & CHROMA_EDGES) != 0) {
            filterChroma(pic, addr, mbX, mbY, s, offA, offB, edges);
        }
    }

    /** Luma edges 0 and 2 of both directions: the ones chroma (4:2:0) has too. */
    private static final int CHROMA_EDGES = 0x55;

    /** Whether the four segments of the edge at {@code at} share one bS, so the edge is filtered in one call. */
    private boolean sameStrength(int at) {
        int b = bs[at];
        return bs[at + 1] == b && bs[at + 2] == b && bs[at + 3] == b;
    }

    /** Both chroma planes: same edges, same bS, each with its own QPc (the PPS gives Cb and Cr their own offset). */
    private void filterChroma(AvcPicture pic, int addr, int mbX, int mbY, int s, int offA, int offB, int edges) {
        int cbOffset = sliceCbOffset[s];
        int crOffset = sliceCrOffset[s];
        int qp = pic.qp[addr];
        int stride = pic.chromaStride;
        int w = pic.widthMbs;
        int origin = 8 * mbY * stride + 8 * mbX;
        for (int dir = 0; dir < 2; dir++) {
            int step = dir == 0 ? 1 : stride;
            int along = dir == 0 ? stride : 1;
            // Chroma edge c (at 4 * c samples) carries the bS of luma edge 2 * c.
            for (int c = 0; c < 2; c++) {
                int e = 2 * c;
                if ((edges >> (4 * dir + e) & 1) == 0) {
                    continue;
                }
                int pQp = c == 0 ? pic.qp[dir == 0 ? addr - 1 : addr - w] : qp;
                int at = 16 * dir + 4 * e;
                int q0 = origin + 4 * c * step;
                chromaEdge(pic.cb, q0, step, along, at, edgeQpc(qp, pQp, cbOffset), offA, offB);
                chromaEdge(pic.cr, q0, step, along, at, edgeQpc(qp, pQp, crOffset), offA, offB);
            }
        }
    }

    /** qPav for a chroma edge: the rounded mean of each side's QPc (equal sides for an internal edge). */
    private static int edgeQpc(int qp, int pQp, int offset) {
        return (H264ChromaQp.of(pQp, offset) + H264ChromaQp.of(qp, offset) + 1) >> 1;
    }

    private void chromaEdge(byte[] plane, int q0, int step, int along, int at, int qpAv, int offA, int offB) {
        int indexA = DeblockTables.clip51(qpAv + offA);
        int alpha = DeblockTables.ALPHA[indexA];
        int beta = DeblockTables.BETA[DeblockTables.clip51(qpAv + offB)];
        if (alpha == 0 || beta == 0) {
            return;
        }
        // Two chroma lines per luma segment.
        int lines = sameStrength(at) ? 8 : 2;
        for (int i = 0; i < 8; i += lines) {
            int strength = bs[at + i / 2];
            if (strength != 0) {
                int tc0 = strength < 4 ? DeblockTables.TC0[52 * (strength - 1) + indexA] : 0;
                EdgeFilter.chroma(plane, q0 + i * along, step, along, lines, strength, alpha, beta, tc0);
            }
        }
    }
}
