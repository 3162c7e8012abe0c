package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Optional;

/**
 * Hand-built pictures for the motion prediction tests: a 3x3-macroblock picture whose neighbour macroblocks carry
 * chosen vectors and reference indices, reference pictures with chosen ids / POCs, and the parameter sets around them.
 */
final class MotionTestBed {
    static final int W = 3;
    static final int H = 3;

    final AvcPicture pic = new AvcPicture(W, H);
    final Macroblock mb = new Macroblock();

    MotionTestBed() {
        pic.id = 99;
        // Recycled buffers hold stale motion: make it loud so that reading it by mistake shows.
        for (int list = 0; list < 2; list++) {
            java.util.Arrays.fill(pic.refIdx[list], (byte) 0);
            java.util.Arrays.fill(pic.refPic[list], 12345);
            java.util.Arrays.fill(pic.mv[list], (short) 100);
        }
    }

    static AvcPicture ref(int id, int poc, int marking) {
        AvcPicture p = new AvcPicture(W, H);
        p.id = id;
        p.poc = poc;
        p.reference = marking;
        return p;
    }

    /** Marks the macroblocks at these addresses as decoded parts of slice 0 (the others stay unavailable). */
    MotionTestBed slice0(int... addrs) {
        for (int a : addrs) {
            pic.sliceId[a] = 0;
        }
        return this;
    }

    /** Sets the motion of the 4x4 block at picture 4x4 coordinates (x4, y4) in picture p. */
    static void block(AvcPicture p, int list, int x4, int y4, int refIdx, int refPic, int mx, int my) {
        int i = y4 * p.stride4 + x4;
        p.refIdx[list][i] = (byte) refIdx;
        p.refPic[list][i] = refPic;
        p.mv[list][2 * i] = (short) mx;
        p.mv[list][2 * i + 1] = (short) my;
    }

    /** Sets the motion of every 4x4 block of macroblock (mbX, mbY) in picture p. */
    static void macroblock(AvcPicture p, int list, int mbX, int mbY, int refIdx, int refPic, int mx, int my) {
        for (int k = 0; k < 16; k++) {
            block(p, list, 4 * mbX + (k & 3), 4 * mbY + (k >> 2), refIdx, refPic, mx, my);
        }
    }

    /** Readies {@link #mb} for the macroblock at addr (as the slice loop does) and marks it as in slice 0. */
    Macroblock start(int addr, int kind) {
        mb.reset(addr, W);
        mb.kind = kind;
        pic.sliceId[addr] = 0;
        return mb;
    }

    /** Sets the mvd of the 4x4 blocks covered by (x4, y4, w4, h4) inside the macroblock. */
    void mvd(int list, int x4, int y4, int w4, int h4, int dx, int dy) {
        for (int y = y4; y < y4 + h4; y++) {
            for (int x = x4; x < x4 + w4; x++) {
                mb.mvd[list][2 * (x + 4 * y)] = dx;
                mb.mvd[list][2 * (x + 4 * y) + 1] = dy;
            }
        }
    }

    SliceContext context(int sliceType, boolean spatial, boolean direct8x8Inference, AvcPicture[] l0,
                         AvcPicture[] l1) {
        int[][] flat4 = new int[6][16];
        int[][] flat8 = new int[2][64];
        Sps sps = new Sps(0, 100, 40, flat4, flat8, false, 4, 0, 6, false, 0, 0, new int[0], 4, false, W, H,
                direct8x8Inference, 0, 0, 0, 0, 2, 4);
        Pps pps = new Pps(0, 0, false, false, l0.length, l1.length, false, 0, 26, 0, 0, false, false, false,
                false, flat4, flat8);
        SliceHeader header = new SliceHeader(0, sliceType, 0, 1, false, 1, 0, 0, 0, 0, 0, spatial,
                new int[] {l0.length, l1.length}, List.of(List.of(), List.of()), Optional.empty(), Optional.empty(),
                0, 26, 0, 0, 0);
        pic.slices.add(header);
        return new SliceContext(sps, pps, header, pic, new AvcPicture[][] {l0, l1}, 0);
    }

    /** {refIdx, refPic, mvx, mvy} of the 4x4 block at (bx, by) of the current macroblock. */
    int[] motion(int list, int bx, int by) {
        int i = pic.block4(mb.mbX, mb.mbY, bx, by);
        return new int[] {pic.refIdx[list][i], pic.refPic[list][i], pic.mv[list][2 * i], pic.mv[list][2 * i + 1]};
    }

    /** Asserts the motion of the blocks (bx, by) .. (bx + w4 - 1, by + h4 - 1) of the current macroblock. */
    void assertMotion(int list, int bx, int by, int w4, int h4, int refIdx, int refPic, int mx, int my) {
        for (int y = by; y < by + h4; y++) {
            for (int x = bx; x < bx + w4; x++) {
                assertArrayEquals(new int[] {refIdx, refPic, mx, my}, motion(list, x, y),
                        "list " + list + " block (" + x + ", " + y + ") {refIdx, refPic, mvx, mvy}");
            }
        }
    }
}
