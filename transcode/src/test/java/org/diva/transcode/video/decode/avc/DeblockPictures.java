package org.diva.transcode.video.decode.avc;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Hand-built pictures, slice headers and PPSs for the deblocking tests. */
final class DeblockPictures {
    /** The id every inter block of {@link #inter} references by default. */
    static final int REF = 7;

    private DeblockPictures() {
    }

    /**
     * A picture whose macroblocks are all P_L0 16x16 predicting from picture {@link #REF} with mv 0, no coefficients,
     * but coded_block_pattern 15 so that coefficient counts a test sets count.
     */
    static AvcPicture inter(int widthMbs, int heightMbs, int qp) {
        AvcPicture pic = new AvcPicture(widthMbs, heightMbs);
        Arrays.fill(pic.kind, 0);
        Arrays.fill(pic.qp, (byte) qp);
        Arrays.fill(pic.sliceId, 0);
        Arrays.fill(pic.lumaCoeffs, (byte) 0);
        Arrays.fill(pic.cbp, (byte) 0x0F);
        Arrays.fill(pic.refIdx[0], (byte) 0);
        Arrays.fill(pic.refIdx[1], (byte) -1);
        Arrays.fill(pic.refPic[0], REF);
        Arrays.fill(pic.refPic[1], -1);
        Arrays.fill(pic.mv[0], (short) 0);
        Arrays.fill(pic.mv[1], (short) 0);
        pic.slices.add(header(0, 0, 0, 0));
        return pic;
    }

    /** A picture of intra macroblocks (I_4x4) at one QP. */
    static AvcPicture intra(int widthMbs, int heightMbs, int qp) {
        AvcPicture pic = inter(widthMbs, heightMbs, qp);
        Arrays.fill(pic.kind, MbKind.INTRA | MbKind.I4X4);
        Arrays.fill(pic.refIdx[0], (byte) -1);
        Arrays.fill(pic.refPic[0], -1);
        return pic;
    }

    static SliceHeader header(int firstMb, int idc, int alphaC0Offset, int betaOffset) {
        return new SliceHeader(firstMb, SliceHeader.P, 0, 1, false, 0, 0, 0, 0, 0, 0, true, new int[] {1, 0},
                List.of(List.of(), List.of()), Optional.empty(), Optional.empty(), 0, 26, idc, alphaC0Offset,
                betaOffset);
    }

    static Pps pps(int cbOffset, int crOffset) {
        return new Pps(0, 0, false, false, 1, 1, false, 0, 26, cbOffset, crOffset, true, false, false, false,
                new int[6][16], new int[2][64]);
    }

    /** Fills luma columns [x0, x1) of the whole picture with one value (and chroma likewise when asked). */
    static void lumaColumns(AvcPicture pic, int x0, int x1, int value) {
        for (int y = 0; y < 16 * pic.heightMbs; y++) {
            Arrays.fill(pic.y, y * pic.stride + x0, y * pic.stride + x1, (byte) value);
        }
    }

    static void chromaColumns(byte[] plane, AvcPicture pic, int x0, int x1, int value) {
        for (int y = 0; y < 8 * pic.heightMbs; y++) {
            Arrays.fill(plane, y * pic.chromaStride + x0, y * pic.chromaStride + x1, (byte) value);
        }
    }

    /** Luma samples of row y from x0 (inclusive) to x1 (exclusive), unsigned. */
    static int[] lumaRow(AvcPicture pic, int y, int x0, int x1) {
        int[] out = new int[x1 - x0];
        for (int x = x0; x < x1; x++) {
            out[x - x0] = pic.y[y * pic.stride + x] & 0xFF;
        }
        return out;
    }

    static int[] chromaRow(byte[] plane, AvcPicture pic, int y, int x0, int x1) {
        int[] out = new int[x1 - x0];
        for (int x = x0; x < x1; x++) {
            out[x - x0] = plane[y * pic.chromaStride + x] & 0xFF;
        }
        return out;
    }

    /** Sets the list-0 motion vector of one 4x4 block (picture raster of 4x4 blocks). */
    static void mv(AvcPicture pic, int x4, int y4, int mvx, int mvy) {
        int b = y4 * pic.stride4 + x4;
        pic.mv[0][2 * b] = (short) mvx;
        pic.mv[0][2 * b + 1] = (short) mvy;
    }
}
