package org.diva.transcode.video.decode.avc;

/**
 * Intra_4x4 / Intra_8x8 prediction mode derivation (14496-10 8.3.1.1 and 8.3.2.1), shared by both entropy decoders.
 *
 * <p>The predicted mode of a block is the smaller of the modes of the 4x4 blocks left of and above its top-left
 * 4x4 block, with DC (2) standing in for a neighbour that is not I_NxN, and DC outright when either neighbour is
 * unavailable or (with constrained_intra_pred_flag) inter. For an 8x8 block the standard names the left neighbour's
 * 4x4 block 1 and the upper neighbour's block 2 (in its z-order): in raster terms exactly the 4x4 blocks left of and
 * above the 8x8 block's top-left 4x4, so one rule serves both sizes. {@link AvcPicture#intraModes} holds an 8x8
 * block's mode in all four of its 4x4 blocks and -1 in macroblocks that are not I_NxN.
 */
final class IntraModes {
    private IntraModes() {
    }

    /**
     * Resolves one block's mode and stores it in the picture (and, for 8x8, in all four 4x4 entries) and in
     * {@code mb.intraModes}.
     *
     * @param bx, by       raster position of the block's top-left 4x4 block inside the macroblock
     * @param size8        whether this is an Intra_8x8 block
     * @param prevFlag     prev_intra4x4_pred_mode_flag / prev_intra8x8_pred_mode_flag
     * @param rem          rem_intra_pred_mode (ignored when prevFlag)
     */
    static void resolve(SliceContext ctx, Macroblock mb, int bx, int by, boolean size8, boolean prevFlag, int rem) {
        AvcPicture pic = ctx.picture;
        int left = neighbourMode(ctx, mb, bx - 1, by);
        int up = neighbourMode(ctx, mb, bx, by - 1);
        int predicted = left < 0 || up < 0 ? 2 : Math.min(left, up);
        int mode = prevFlag ? predicted : rem < predicted ? rem : rem + 1;
        int n = size8 ? 2 : 1;
        for (int y = by; y < by + n; y++) {
            for (int x = bx; x < bx + n; x++) {
                mb.intraModes[x + 4 * y] = mode;
                pic.intraModes[pic.block4(mb.mbX, mb.mbY, x, y)] = (byte) mode;
            }
        }
    }

    /** Marks every 4x4 block of a macroblock that is not I_NxN (intraModes -1). */
    static void clear(AvcPicture pic, Macroblock mb) {
        for (int y = 0; y < 4; y++) {
            int i = pic.block4(mb.mbX, mb.mbY, 0, y);
            for (int x = 0; x < 4; x++) {
                pic.intraModes[i + x] = -1;
            }
        }
    }

    /** The mode of the 4x4 block at (x, y) relative to the macroblock; -1 when it means "use DC outright". */
    private static int neighbourMode(SliceContext ctx, Macroblock mb, int x, int y) {
        AvcPicture pic = ctx.picture;
        if (x >= 0 && y >= 0) {
            return mb.intraModes[x + 4 * y];
        }
        int addr = x < 0 ? ctx.left(mb.mbX, mb.mbY) : ctx.above(mb.mbX, mb.mbY);
        if (addr < 0) {
            return -1;
        }
        int kind = pic.kind[addr];
        if (!MbKind.intra(kind)) {
            return ctx.pps.constrainedIntraPred() ? -1 : 2;
        }
        if ((kind & (MbKind.I4X4 | MbKind.I8X8)) == 0) {
            return 2;
        }
        int nx = x < 0 ? 3 : x;
        int ny = y < 0 ? 3 : y;
        return pic.intraModes[pic.block4(addr % ctx.widthMbs, addr / ctx.widthMbs, nx, ny)];
    }
}
