package org.diva.transcode.video.decode.avc;

import java.util.Arrays;

/** Builds the small pictures, parameter sets and slice contexts the reconstruction tests predict into. */
final class ReconTestSupport {
    private ReconTestSupport() {
    }

    static int[][] flat4x4() {
        int[][] lists = new int[6][16];
        for (int[] l : lists) {
            Arrays.fill(l, 16);
        }
        return lists;
    }

    static int[][] flat8x8() {
        int[][] lists = new int[2][64];
        for (int[] l : lists) {
            Arrays.fill(l, 16);
        }
        return lists;
    }

    static Pps pps(boolean constrainedIntra, int cbOffset, int crOffset, int[][] s4, int[][] s8) {
        return new Pps(0, 0, false, false, 1, 1, false, 0, 26, cbOffset, crOffset, true, constrainedIntra, false,
                true, s4, s8);
    }

    static Pps flatPps() {
        return pps(false, 0, 0, flat4x4(), flat8x8());
    }

    /**
     * A picture of w x h macroblocks whose macroblocks before {@code current} (raster) are decoded intra macroblocks
     * of slice 0, and the context of slice 0 (the reconstructor reads only the PPS and the picture).
     */
    static SliceContext context(int w, int h, int current, Pps pps) {
        AvcPicture pic = new AvcPicture(w, h);
        for (int a = 0; a <= current; a++) {
            pic.sliceId[a] = 0;
            pic.kind[a] = MbKind.INTRA | MbKind.I16X16;
        }
        return new SliceContext(null, pps, null, pic, new AvcPicture[][] {{}, {}}, 0);
    }

    static Macroblock macroblock(SliceContext ctx, int addr, int kind, int qp) {
        Macroblock mb = new Macroblock();
        mb.reset(addr, ctx.widthMbs);
        mb.kind = kind;
        mb.qp = qp;
        ctx.picture.kind[addr] = kind;
        return mb;
    }

    /** Luma sample (x, y) of the picture, unsigned. */
    static int y(AvcPicture pic, int x, int y) {
        return pic.y[y * pic.stride + x] & 0xFF;
    }

    static void setY(AvcPicture pic, int x, int y, int v) {
        pic.y[y * pic.stride + x] = (byte) v;
    }
}
