package org.diva.transcode.video.decode.avc;

import static org.diva.transcode.video.decode.avc.ReconTestSupport.y;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Which scaling list each residual uses (Table 7-2 order: Intra Y, Cb, Cr, Inter Y, Cb, Cr; 8x8 Intra Y, Inter Y),
 * the 8x8 residual paths, and that Intra_NxN blocks predict from their reconstructed predecessors. A DC-only block of
 * level 1 at qP 28 becomes a constant the test works out by hand: 4x4 LevelScale(4,0,0) = w * 16, d = c * LS, and
 * (d + 32) >> 6 per sample; 8x8 LevelScale8x8(4,0,0) = w * 32, d = (c * LS + 2) >> 2.
 */
class ReconstructorResidualTest {

    private static int[][] lists4(int intraY, int interY, int interCr) {
        int[][] l = ReconTestSupport.flat4x4();
        Arrays.fill(l[0], intraY);
        Arrays.fill(l[3], interY);
        Arrays.fill(l[5], interCr);
        return l;
    }

    private static int[][] lists8(int intra, int inter) {
        int[][] l = ReconTestSupport.flat8x8();
        Arrays.fill(l[0], intra);
        Arrays.fill(l[1], inter);
        return l;
    }

    private static SliceContext context(int[][] s4, int[][] s8) {
        SliceContext ctx = ReconTestSupport.context(2, 2, 3, ReconTestSupport.pps(false, 0, 0, s4, s8));
        Arrays.fill(ctx.picture.y, (byte) 100);
        Arrays.fill(ctx.picture.cb, (byte) 100);
        Arrays.fill(ctx.picture.cr, (byte) 100);
        return ctx;
    }

    @Test
    void inter4x4UsesTheInterLumaList() {
        SliceContext ctx = context(lists4(16, 32, 16), ReconTestSupport.flat8x8());
        Macroblock mb = ReconTestSupport.macroblock(ctx, 3, 0, 28);
        mb.luma[16 * 6] = 1;            // block (2, 1)
        mb.lumaCoded = 1 << 6;
        mb.cbp = 1 << 1;
        new Reconstructor(ctx).residual(mb);
        AvcPicture pic = ctx.picture;
        assertEquals(108, y(pic, 16 + 8, 16 + 4));   // 32 * 16 = 512: (512 + 32) >> 6 = 8
        assertEquals(108, y(pic, 16 + 11, 16 + 7));
        assertEquals(100, y(pic, 16 + 12, 16 + 4));
        assertEquals(100, y(pic, 16 + 8, 16 + 8));
        assertEquals(0, mb.luma[16 * 6]);
    }

    @Test
    void inter8x8UsesTheInter8x8List() {
        SliceContext ctx = context(ReconTestSupport.flat4x4(), lists8(16, 32));
        Macroblock mb = ReconTestSupport.macroblock(ctx, 3, MbKind.T8X8, 28);
        mb.luma[64 * 2] = 1;            // 8x8 block 2 (bottom left)
        mb.lumaCoded = 0x33 << 8;       // its four 4x4 blocks 8, 9, 12, 13
        mb.cbp = 1 << 2;
        new Reconstructor(ctx).residual(mb);
        AvcPicture pic = ctx.picture;
        // 32 * 32 = 1024: (1024 + 2) >> 2 = 256, then (256 + 32) >> 6 = 4.
        assertEquals(104, y(pic, 16, 16 + 8));
        assertEquals(104, y(pic, 16 + 7, 16 + 15));
        assertEquals(100, y(pic, 16 + 8, 16 + 15));
        assertEquals(100, y(pic, 16 + 7, 16 + 7));
    }

    @Test
    void interChromaUsesTheInterChromaLists() {
        SliceContext ctx = context(ReconTestSupport.flat4x4(), ReconTestSupport.flat8x8());
        ctx = new SliceContext(null, ReconTestSupport.pps(false, 0, 0, lists4(16, 16, 32),
                ReconTestSupport.flat8x8()), null, ctx.picture, ctx.refList, 0);
        Macroblock mb = ReconTestSupport.macroblock(ctx, 3, MbKind.B, 28);
        mb.chromaDc[0] = 1;             // Cb, flat list 1: f = 1, ((256) << 4) >> 5 = 128 -> +2 everywhere
        mb.chromaDc[4] = 1;             // Cr, list 5 of weight 32: 256 -> (256 + 32) >> 6 = 4
        mb.cbp = 1 << 4;
        new Reconstructor(ctx).residual(mb);
        AvcPicture pic = ctx.picture;
        int cs = pic.chromaStride;
        assertEquals(102, pic.cb[8 * cs + 8] & 0xFF);
        assertEquals(102, pic.cb[15 * cs + 15] & 0xFF);
        assertEquals(104, pic.cr[8 * cs + 8] & 0xFF);
        assertEquals(104, pic.cr[15 * cs + 15] & 0xFF);
        assertEquals(100, pic.cr[7 * cs + 7] & 0xFF);
    }

    @Test
    void chromaQpOffsetsApplyPerComponent() {
        SliceContext base = context(ReconTestSupport.flat4x4(), ReconTestSupport.flat8x8());
        // Cb offset -6 (QP'c 22: LS 256 at m 4, << 3 >> 5 = 64 -> +1), Cr offset +6 (qPI 34 -> QP'c 32 by Table
        // 8-15: m 2, LS 16 * 13 = 208, (208 << 5) >> 5 = 208 -> (208 + 32) >> 6 = 3).
        SliceContext ctx = new SliceContext(null, ReconTestSupport.pps(false, -6, 6, ReconTestSupport.flat4x4(),
                ReconTestSupport.flat8x8()), null, base.picture, base.refList, 0);
        Macroblock mb = ReconTestSupport.macroblock(ctx, 3, 0, 28);
        mb.chromaDc[0] = 1;
        mb.chromaDc[4] = 1;
        mb.cbp = 1 << 4;
        new Reconstructor(ctx).residual(mb);
        int cs = ctx.picture.chromaStride;
        assertEquals(101, ctx.picture.cb[8 * cs + 8] & 0xFF);
        assertEquals(103, ctx.picture.cr[8 * cs + 8] & 0xFF);
    }

    @Test
    void intra8x8ResidualUsesTheIntra8x8ListAndFeedsTheNextBlock() {
        SliceContext ctx = context(ReconTestSupport.flat4x4(), lists8(16, 32));
        Macroblock mb = ReconTestSupport.macroblock(ctx, 3, MbKind.INTRA | MbKind.I8X8 | MbKind.T8X8, 28);
        Arrays.fill(mb.intraModes, 0);  // vertical everywhere: block 2 copies block 0's reconstructed bottom row
        mb.luma[0] = 1;                 // 16 * 32 = 512: (512 + 2) >> 2 = 128 -> +2
        mb.lumaCoded = 0x33;
        mb.cbp = 1;
        new Reconstructor(ctx).intra(mb);
        AvcPicture pic = ctx.picture;
        assertEquals(102, y(pic, 16, 16));
        assertEquals(102, y(pic, 16 + 7, 16 + 15));   // predicted from the reconstructed block 0
        // Block 3's filtered p'[0, -1] takes in block 0's reconstructed corner: (102 + 2 * 100 + 100 + 2) >> 2.
        assertEquals(101, y(pic, 16 + 8, 16 + 15));
        assertEquals(100, y(pic, 16 + 9, 16 + 15));
    }

    @Test
    void intra4x4BlocksPredictFromReconstructedPredecessors() {
        SliceContext ctx = context(lists4(32, 16, 16), ReconTestSupport.flat8x8());
        Macroblock mb = ReconTestSupport.macroblock(ctx, 3, MbKind.INTRA | MbKind.I4X4, 28);
        Arrays.fill(mb.intraModes, 1);  // horizontal: each block copies the column on its left
        mb.luma[0] = 1;                 // block 0 gets +8 (intra list of weight 32)
        mb.lumaCoded = 1;
        mb.cbp = 1;
        new Reconstructor(ctx).intra(mb);
        AvcPicture pic = ctx.picture;
        assertEquals(108, y(pic, 16, 16));
        assertEquals(108, y(pic, 16 + 15, 16 + 3));   // blocks 1..3 carry block 0's right column along
        assertEquals(100, y(pic, 16 + 15, 16 + 4));
    }
    @Test
    void hostileModesAndLevelsAtThePictureCornerNeverThrow() {
        // A broken stream may ask for modes whose neighbours do not exist, out-of-range modes and absurd levels: the
        // result is garbage samples, never an exception or a read outside the picture.
        int[] modes = {-5, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 200};
        for (int size : new int[] {MbKind.I4X4, MbKind.I8X8 | MbKind.T8X8, MbKind.I16X16}) {
            for (int mode : modes) {
                SliceContext ctx = ReconTestSupport.context(1, 1, 0, ReconTestSupport.flatPps());
                Macroblock mb = ReconTestSupport.macroblock(ctx, 0, MbKind.INTRA | size, 51);
                Arrays.fill(mb.intraModes, mode);
                mb.intra16x16Mode = mode;
                mb.chromaMode = mode;
                Arrays.fill(mb.luma, 1 << 20);
                if (size == MbKind.I16X16) {
                    Arrays.fill(mb.lumaDc, -(1 << 20)); // only Intra_16x16 has (and consumes) luma DC levels
                }
                Arrays.fill(mb.chroma, 1 << 20);
                Arrays.fill(mb.chromaDc, 1 << 20);
                mb.lumaCoded = 0xFFFF;
                mb.chromaCoded = 0xFF;
                mb.cbp = 0x2F;
                new Reconstructor(ctx).intra(mb);
                assertEquals(0, mb.luma[17] | mb.lumaDc[3] | mb.chroma[33] | mb.chromaDc[5], "levels consumed");
            }
        }
    }
}
