package org.diva.transcode.video.decode.avc;

/**
 * Boundary filtering strength bS of every luma 4x4 edge segment of one macroblock (14496-10 8.7.2.1, frame pictures
 * without MBAFF), written into {@code bs[16 * dir + 4 * edge + i]}: dir 0 the vertical edges (edge = x / 4, i = the row
 * of 4x4 blocks), dir 1 the horizontal ones (edge = y / 4, i = the column). Edge 0 is the macroblock edge.
 *
 * <p>The rules, first match wins: 4 on a macroblock edge with an intra macroblock on either side; 3 on an internal edge
 * of an intra macroblock; 2 when the 4x4 block on either side (the 8x8 block, for a macroblock using the 8x8 transform)
 * has non-zero coefficients; 1 when the two blocks predict from different reference pictures, from a different number
 * of motion vectors, or from the same pictures with a motion vector component differing by 4 quarter samples or more;
 * else 0. Reference pictures are compared as pictures (by {@link AvcPicture#refPic} id), whatever list and index named
 * them (the note under the bS rules). A bi-predicted block that uses the same picture twice matches when either
 * pairing of its two vectors with the other block's matches.
 *
 * <p>Coefficients come from a per-macroblock 16-bit mask of coded 4x4 blocks ({@link #codedMask}), so that an 8x8
 * transform block counts as coded in all four of its 4x4 blocks, whichever way the entropy decoder spread its counts.
 */
final class BoundaryStrength {
    /** The 4x4 blocks of each 8x8 block b8 in a coded-block mask (bit bx + 4 * by). */
    private static final int[] QUADRANT = {0x0033, 0x00CC, 0x3300, 0xCC00};

    private BoundaryStrength() {
    }

    /** Bit {@code bx + 4 * by} set when that luma 4x4 block of the macroblock counts as having coefficients. */
    static int codedMask(AvcPicture pic, int mbX, int mbY, int kind) {
        byte[] coeffs = pic.lumaCoeffs;
        int base = pic.block4(mbX, mbY, 0, 0);
        int mask = 0;
        for (int by = 0; by < 4; by++) {
            int row = base + by * pic.stride4;
            for (int bx = 0; bx < 4; bx++) {
                if (coeffs[row + bx] != 0) {
                    mask |= 1 << (bx + 4 * by);
                }
            }
        }
        if ((kind & MbKind.T8X8) != 0 && mask != 0) {
            for (int q : QUADRANT) {
                if ((mask & q) != 0) {
                    mask |= q;
                }
            }
        }
        return mask;
    }

    /**
     * Fills {@code bs} for the macroblock at {@code addr}.
     *
     * @param coded    coded-block masks of all macroblocks by address ({@link #codedMask})
     * @param leftEdge whether its left macroblock edge is filtered at all (else bS 0 there)
     * @param topEdge  whether its top macroblock edge is filtered at all
     * @return bit {@code 4 * dir + edge} set for each edge with some non-zero bS, so the caller can skip the rest
     */
    static int derive(AvcPicture pic, int[] coded, int addr, boolean leftEdge, boolean topEdge, int[] bs) {
        int w = pic.widthMbs;
        int mbX = addr % w;
        int mbY = addr / w;
        int kind = pic.kind[addr];
        boolean t8 = (kind & MbKind.T8X8) != 0;
        int edges = 0;
        if ((kind & MbKind.INTRA) != 0) {
            for (int dir = 0; dir < 2; dir++) {
                boolean outer = dir == 0 ? leftEdge : topEdge;
                fill(bs, 16 * dir, outer ? 4 : 0);
                for (int e = 1; e < 4; e++) {
                    fill(bs, 16 * dir + 4 * e, t8 && (e & 1) != 0 ? 0 : 3);
                }
                edges |= (outer ? 0xF : 0xE) << (4 * dir);
            }
            if (t8) {
                edges &= ~0xAA;
            }
            return edges;
        }
        int maskQ = coded[addr];
        int base = pic.block4(mbX, mbY, 0, 0);
        int s4 = pic.stride4;
        for (int dir = 0; dir < 2; dir++) {
            // Across the edge: +1 block for vertical edges, +1 row of blocks for horizontal ones.
            int across = dir == 0 ? 1 : s4;
            int along = dir == 0 ? s4 : 1;
            int bitAcross = dir == 0 ? 1 : 4;
            int bitAlong = dir == 0 ? 4 : 1;
            for (int e = 0; e < 4; e++) {
                int at = 16 * dir + 4 * e;
                if (e == 0) {
                    boolean outer = dir == 0 ? leftEdge : topEdge;
                    int pAddr = dir == 0 ? addr - 1 : addr - w;
                    if (!outer) {
                        fill(bs, at, 0);
                        continue;
                    }
                    if ((pic.kind[pAddr] & MbKind.INTRA) != 0) {
                        fill(bs, at, 4);
                        edges |= 1 << (4 * dir);
                        continue;
                    }
                    // The p blocks are the last column (row) of the neighbour: 3 blocks across from ours.
                    int maskP = coded[pAddr];
                    int any = 0;
                    for (int i = 0; i < 4; i++) {
                        int qBlk = base + i * along;
                        int pBit = 3 * bitAcross + i * bitAlong;
                        int v = ((maskP >> pBit) & 1) != 0 || ((maskQ >> (i * bitAlong)) & 1) != 0
                                ? 2 : motion(pic, qBlk - across, qBlk);
                        bs[at + i] = v;
                        any |= v;
                    }
                    if (any != 0) {
                        edges |= 1 << (4 * dir);
                    }
                    continue;
                }
                if (t8 && (e & 1) != 0) {
                    fill(bs, at, 0);
                    continue;
                }
                int any = 0;
                for (int i = 0; i < 4; i++) {
                    int qBit = e * bitAcross + i * bitAlong;
                    int qBlk = base + e * across + i * along;
                    int v = ((maskQ >> qBit) & 1) != 0 || ((maskQ >> (qBit - bitAcross)) & 1) != 0
                            ? 2 : motion(pic, qBlk - across, qBlk);
                    bs[at + i] = v;
                    any |= v;
                }
                if (any != 0) {
                    edges |= 1 << (4 * dir + e);
                }
            }
        }
        return edges;
    }

    /** bS 1 or 0 between two inter 4x4 blocks without coefficients, from their references and motion vectors. */
    static int motion(AvcPicture pic, int p, int q) {
        int[] ref0 = pic.refPic[0];
        int[] ref1 = pic.refPic[1];
        int p0 = ref0[p];
        int p1 = ref1[p];
        int q0 = ref0[q];
        int q1 = ref1[q];
        short[] mv0 = pic.mv[0];
        short[] mv1 = pic.mv[1];
        if (p1 < 0 && q1 < 0) {
            // The P-slice case, and B blocks both predicted from list 0 only.
            return p0 != q0 || far(mv0, p, mv0, q) ? 1 : 0;
        }
        int countP = (p0 >= 0 ? 1 : 0) + (p1 >= 0 ? 1 : 0);
        int countQ = (q0 >= 0 ? 1 : 0) + (q1 >= 0 ? 1 : 0);
        if (countP != countQ) {
            return 1;
        }
        if (countP == 1) {
            int refP = p0 >= 0 ? p0 : p1;
            int refQ = q0 >= 0 ? q0 : q1;
            return refP != refQ || far(p0 >= 0 ? mv0 : mv1, p, q0 >= 0 ? mv0 : mv1, q) ? 1 : 0;
        }
        boolean straight = p0 == q0 && p1 == q1;
        boolean crossed = p0 == q1 && p1 == q0;
        if (!straight && !crossed) {
            return 1;
        }
        if (p0 != p1) {
            // Two different pictures: each vector is compared with the other block's vector for the same picture.
            return straight ? (far(mv0, p, mv0, q) || far(mv1, p, mv1, q) ? 1 : 0)
                    : (far(mv0, p, mv1, q) || far(mv1, p, mv0, q) ? 1 : 0);
        }
        // The same picture twice on both sides: bS 1 only when neither pairing of the vectors is close.
        boolean straightFar = far(mv0, p, mv0, q) || far(mv1, p, mv1, q);
        boolean crossedFar = far(mv0, p, mv1, q) || far(mv1, p, mv0, q);
        return straightFar && crossedFar ? 1 : 0;
    }

    /** Whether a horizontal or vertical component differs by 4 quarter samples or more (frame macroblocks). */
    private static boolean far(short[] mvP, int p, short[] mvQ, int q) {
        return Math.abs(mvP[2 * p] - mvQ[2 * q]) >= 4 || Math.abs(mvP[2 * p + 1] - mvQ[2 * q + 1]) >= 4;
    }

    private static void fill(int[] bs, int at, int v) {
        bs[at] = v;
        bs[at + 1] = v;
        bs[at + 2] = v;
        bs[at + 3] = v;
    }
}
