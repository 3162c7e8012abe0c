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
    /** {@link #summary} flag: all 16 4x4 blocks have the same motion data (so have the 8x8 blocks: QUADS is set too). */
    static final int UNIFORM = 1 << 16;
    /** {@link #summary} flag: the four 4x4 blocks of each 8x8 block have the same motion data. */
    static final int QUADS = 1 << 17;

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
     * {@link #codedMask} plus the motion shape flags {@link #UNIFORM} and {@link #QUADS}: what {@link #derive} needs
     * of each macroblock, computed once per macroblock before any edge is derived. 0 for an intra macroblock, whose
     * edges never consult it. Reads only what it must: coefficient counts only in the 8x8 blocks that
     * coded_block_pattern marks (the others have none, 7.4.5), and no motion at all for P_Skip (one 16x16 prediction).
     */
    static int summary(AvcPicture pic, int mbX, int mbY, int kind) {
        if ((kind & MbKind.INTRA) != 0) {
            return 0;
        }
        int cbp = pic.cbp[mbY * pic.widthMbs + mbX] & 0xF;
        int base = pic.block4(mbX, mbY, 0, 0);
        int s4 = pic.stride4;
        int coded = 0;
        for (int b8 = 0; b8 < 4; b8++) {
            if ((cbp >> b8 & 1) != 0) {
                coded |= coded8x8(pic.lumaCoeffs, base + (b8 & 1) * 2 + (b8 >> 1) * 2 * s4, s4, b8, kind);
            }
        }
        if ((kind & (MbKind.SKIP | MbKind.B)) == MbKind.SKIP) {
            return coded | QUADS | UNIFORM;
        }
        // Each 8x8 block against its top-left 4x4 block, then the four top-left blocks against each other.
        boolean quads = sameQuad(pic, base) && sameQuad(pic, base + 2) && sameQuad(pic, base + 2 * s4)
                && sameQuad(pic, base + 2 * s4 + 2);
        if (!quads) {
            return coded;
        }
        boolean uniform = sameMotion(pic, base, base + 2) && sameMotion(pic, base, base + 2 * s4)
                && sameMotion(pic, base, base + 2 * s4 + 2);
        return coded | QUADS | (uniform ? UNIFORM : 0);
    }

    /** The coded-block mask bits of 8x8 block b8 whose top-left 4x4 block is at {@code at}. */
    private static int coded8x8(byte[] coeffs, int at, int s4, int b8, int kind) {
        int first = (b8 & 1) * 2 + (b8 >> 1) * 8;
        int mask = (coeffs[at] != 0 ? 1 : 0) | (coeffs[at + 1] != 0 ? 2 : 0) | (coeffs[at + s4] != 0 ? 16 : 0)
                | (coeffs[at + s4 + 1] != 0 ? 32 : 0);
        if ((kind & MbKind.T8X8) != 0 && mask != 0) {
            mask = 0x33;
        }
        return mask << first;
    }

    private static boolean sameQuad(AvcPicture pic, int b) {
        int s4 = pic.stride4;
        return sameMotion(pic, b, b + 1) && sameMotion(pic, b, b + s4) && sameMotion(pic, b, b + s4 + 1);
    }

    /** Identical motion data (both lists' pictures and vectors): such blocks always get bS 0 from {@link #motion}. */
    private static boolean sameMotion(AvcPicture pic, int a, int b) {
        int[] ref0 = pic.refPic[0];
        int[] ref1 = pic.refPic[1];
        short[] mv0 = pic.mv[0];
        short[] mv1 = pic.mv[1];
        return ref0[a] == ref0[b] && ref1[a] == ref1[b] && mv0[2 * a] == mv0[2 * b] && mv0[2 * a + 1] == mv0[2 * b + 1]
                && mv1[2 * a] == mv1[2 * b] && mv1[2 * a + 1] == mv1[2 * b + 1];
    }

    /**
     * Fills {@code bs} for the macroblock at {@code addr}.
     *
     * <p>Speed: the coefficient rule is evaluated for a whole edge with bit operations on the coded masks (a segment is
     * coded when the 4x4 block on either side is: the mask OR'ed with itself shifted one block across), and the motion
     * rule, the costly one, only runs where no coefficient decided. Internal edges of a macroblock whose 16 blocks share
     * one motion ({@link #UNIFORM}: P_16x16, skipped and most direct macroblocks) or whose 8x8 blocks each do
     * ({@link #QUADS}, for the edges at 4 and 12) are bS 0 without looking; a macroblock edge between two uniform
     * macroblocks needs one motion comparison, not four.
     *
     * @param coded    {@link #summary} (or just {@link #codedMask}, which is slower but equal) of all macroblocks
     * @param leftEdge whether its left macroblock edge is filtered at all (else bS 0 there)
     * @param topEdge  whether its top macroblock edge is filtered at all
     * @return bit {@code 4 * dir + edge} set for each edge with some non-zero bS, so the caller can skip the rest
     */
    static int derive(AvcPicture pic, int[] coded, int addr, boolean leftEdge, boolean topEdge, int[] bs) {
        int kind = pic.kind[addr];
        boolean t8 = (kind & MbKind.T8X8) != 0;
        if ((kind & MbKind.INTRA) != 0) {
            int edges = 0;
            for (int dir = 0; dir < 2; dir++) {
                boolean outer = dir == 0 ? leftEdge : topEdge;
                fill(bs, 16 * dir, outer ? 4 : 0);
                for (int e = 1; e < 4; e++) {
                    fill(bs, 16 * dir + 4 * e, t8 && (e & 1) != 0 ? 0 : 3);
                }
                edges |= (outer ? 0xF : 0xE) << (4 * dir);
            }
            return t8 ? edges & ~0xAA : edges;
        }
        int w = pic.widthMbs;
        int base = pic.block4(addr % w, addr / w, 0, 0);
        return outer(pic, coded, addr, addr - 1, base, 0, leftEdge, bs)
                | outer(pic, coded, addr, addr - w, base, 1, topEdge, bs)
                | inner(pic, coded[addr], t8, base, 0, bs)
                | inner(pic, coded[addr], t8, base, 1, bs);
    }

    /** The macroblock edge of an inter macroblock in direction {@code dir} against the macroblock at {@code pAddr}. */
    private static int outer(AvcPicture pic, int[] coded, int addr, int pAddr, int base, int dir, boolean filtered,
                             int[] bs) {
        int at = 16 * dir;
        if (!filtered) {
            fill(bs, at, 0);
            return 0;
        }
        if ((pic.kind[pAddr] & MbKind.INTRA) != 0) {
            fill(bs, at, 4);
            return 1 << at / 4;
        }
        int q = coded[addr];
        int p = coded[pAddr];
        // Bit 4 * i (vertical) or i (horizontal) set for each coded segment i: ours in the first column (row), the
        // neighbour's in its last, 3 blocks across, shifted onto ours.
        int codedSeg = dir == 0 ? (q | p >>> 3) & 0x1111 : (q | p >>> 12) & 0x000F;
        int bitAlong = dir == 0 ? 4 : 1;
        int across = dir == 0 ? 1 : pic.stride4;
        int along = dir == 0 ? pic.stride4 : 1;
        int shared = q & p;
        int run = (shared & UNIFORM) != 0 ? 4 : (shared & QUADS) != 0 ? 2 : 1;
        int any = segments(pic, bs, at, codedSeg, bitAlong, base, across, along, run);
        return any != 0 ? 1 << at / 4 : 0;
    }

    /** The three internal edges of an inter macroblock in direction {@code dir}. */
    private static int inner(AvcPicture pic, int summary, boolean t8, int base, int dir, int[] bs) {
        int bitAcross = dir == 0 ? 1 : 4;
        int bitAlong = dir == 0 ? 4 : 1;
        int across = dir == 0 ? 1 : pic.stride4;
        int along = dir == 0 ? pic.stride4 : 1;
        // Bit (e, i) set when block e or block e - 1 across is coded (bits of edge 0 are not read).
        int codedSeg = summary | summary << bitAcross;
        int edges = 0;
        for (int e = 1; e < 4; e++) {
            int at = 16 * dir + 4 * e;
            boolean odd = (e & 1) != 0;
            if (t8 && odd) {
                fill(bs, at, 0);
                continue;
            }
            int any;
            if ((summary & UNIFORM) != 0 || odd && (summary & QUADS) != 0) {
                // No motion difference inside: only coefficients can make this edge.
                any = 0;
                for (int i = 0; i < 4; i++) {
                    int v = (codedSeg >> e * bitAcross + i * bitAlong & 1) != 0 ? 2 : 0;
                    bs[at + i] = v;
                    any |= v;
                }
            } else {
                // Edge 8 between two 8x8 blocks of uniform motion: two segments share each comparison.
                int run = (summary & QUADS) != 0 ? 2 : 1;
                any = segments(pic, bs, at, codedSeg >> e * bitAcross, bitAlong, base + e * across, across, along, run);
            }
            if (any != 0) {
                edges |= 1 << at / 4;
            }
        }
        return edges;
    }

    /**
     * bS of the four segments of one edge of an inter macroblock into {@code bs[at..at + 3]}: 2 where bit
     * {@code i * bitAlong} of {@code codedSeg} is set, else {@link #motion} of the blocks either side, computed once
     * per {@code run} segments (1, 2 or 4) that are known to have the same blocks' motion on both sides.
     *
     * @return non-zero when any segment has a non-zero bS
     */
    private static int segments(AvcPicture pic, int[] bs, int at, int codedSeg, int bitAlong, int qFirst, int across,
                                int along, int run) {
        int any = 0;
        int m = -1;
        for (int i = 0; i < 4; i++) {
            if ((i & (run - 1)) == 0) {
                m = -1;
            }
            int v;
            if ((codedSeg >> i * bitAlong & 1) != 0) {
                v = 2;
            } else {
                if (m < 0) {
                    int qBlk = qFirst + i * along;
                    m = motion(pic, qBlk - across, qBlk);
                }
                v = m;
            }
            bs[at + i] = v;
            any |= v;
        }
        return any;
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
