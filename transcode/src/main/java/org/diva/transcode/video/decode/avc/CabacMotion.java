package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * The motion syntax of a CABAC inter macroblock: mb_pred / sub_mb_pred's ref_idx_lX and mvd_lX (14496-10 7.3.5.1,
 * 7.3.5.2), with sub_mb_type read by the caller.
 *
 * <p>ref_idx's ctxIdxInc (9.3.3.1.1.6) looks at the PARSED ref_idx (> 0) of the partitions left of and above the
 * (sub-)partition's top-left 4x4 block, and mvd's (9.3.3.1.1.7) at the sum of their absolute mvd components;
 * skipped, direct, intra and list-unused neighbours count as 0. Raster decoding means a neighbour outside the
 * macroblock is either the previous macroblock (left) or the last one decoded in the same column (above), so
 * instead of per-picture arrays this class keeps a column for the left macroblock and a row of 4x4 blocks for the
 * row above, updated by {@link #commit} after every macroblock.
 */
final class CabacMotion {
    /** Absolute mvd components are capped: the contexts only ask whether a sum exceeds 2 or 32. */
    private static final int MVD_CAP = 64;

    private final CabacEngine e;
    private final SliceContext ctx;
    private final int[] numRefActive;
    /** Parsed ref_idx of the current macroblock per list, 4x4 raster; 0 where none was parsed. */
    private final int[][] ref = new int[2][16];
    private final byte[][] refLeft = new byte[2][4];
    private final byte[][] refTop;
    /** Absolute mvd (x, y) pairs of the left macroblock's right column and of the row above. */
    private final byte[][] mvdLeft = new byte[2][8];
    private final byte[][] mvdTop;
    private boolean leftAvail;
    private boolean aboveAvail;
    private int mbX;

    CabacMotion(CabacEngine e, SliceContext ctx) {
        this.e = e;
        this.ctx = ctx;
        this.numRefActive = ctx.header.numRefIdxActive();
        refTop = new byte[2][4 * ctx.widthMbs];
        mvdTop = new byte[2][8 * ctx.widthMbs];
    }

    /** Starts a macroblock: its parsed ref_idx are all 0 until read. */
    void begin(Macroblock mb) {
        mbX = mb.mbX;
        leftAvail = ctx.left(mb.mbX, mb.mbY) >= 0;
        aboveAvail = ctx.above(mb.mbX, mb.mbY) >= 0;
        java.util.Arrays.fill(ref[0], 0);
        java.util.Arrays.fill(ref[1], 0);
    }

    /** mb_pred's motion part for 16x16, 16x8 and 8x16 partitions. */
    void readPartitions(Macroblock mb) throws MediaFormatException {
        int parts = MbTypes.parts(mb.partition);
        for (int list = 0; list < 2; list++) {
            for (int p = 0; p < parts; p++) {
                if (MbKind.usesList(mb.partPred[p], list)) {
                    mb.refIdx[list][p] = numRefActive[list] > 1 ? readRef(list, partX(mb, p), partY(mb, p),
                            partW(mb), partH(mb)) : 0;
                }
            }
        }
        for (int list = 0; list < 2; list++) {
            for (int p = 0; p < parts; p++) {
                if (MbKind.usesList(mb.partPred[p], list)) {
                    readMvd(mb, list, partX(mb, p), partY(mb, p), partW(mb), partH(mb));
                }
            }
        }
    }

    /** sub_mb_pred's motion part (sub_mb_types already read); {@code ref0} for P_8x8ref0. */
    void readSubPartitions(Macroblock mb, boolean ref0) throws MediaFormatException {
        for (int list = 0; list < 2; list++) {
            for (int b8 = 0; b8 < 4; b8++) {
                if (MbKind.usesList(mb.partPred[b8], list)) {
                    mb.refIdx[list][b8] = numRefActive[list] > 1 && !ref0
                            ? readRef(list, (b8 & 1) << 1, b8 & 2, 2, 2) : 0;
                }
            }
        }
        for (int list = 0; list < 2; list++) {
            for (int b8 = 0; b8 < 4; b8++) {
                if (!MbKind.usesList(mb.partPred[b8], list)) {
                    continue;
                }
                int x0 = (b8 & 1) << 1;
                int y0 = b8 & 2;
                switch (mb.subPartition[b8]) {
                    case MbKind.SUB_8X8 -> readMvd(mb, list, x0, y0, 2, 2);
                    case MbKind.SUB_8X4 -> {
                        readMvd(mb, list, x0, y0, 2, 1);
                        readMvd(mb, list, x0, y0 + 1, 2, 1);
                    }
                    case MbKind.SUB_4X8 -> {
                        readMvd(mb, list, x0, y0, 1, 2);
                        readMvd(mb, list, x0 + 1, y0, 1, 2);
                    }
                    default -> {
                        readMvd(mb, list, x0, y0, 1, 1);
                        readMvd(mb, list, x0 + 1, y0, 1, 1);
                        readMvd(mb, list, x0, y0 + 1, 1, 1);
                        readMvd(mb, list, x0 + 1, y0 + 1, 1, 1);
                    }
                }
            }
        }
    }

    /** Hands the macroblock's right column and bottom row to its right and lower neighbours. */
    void commit(Macroblock mb) {
        for (int list = 0; list < 2; list++) {
            int[] r = ref[list];
            int[] d = mb.mvd[list];
            byte[] rl = refLeft[list];
            byte[] ml = mvdLeft[list];
            byte[] rt = refTop[list];
            byte[] mt = mvdTop[list];
            for (int k = 0; k < 4; k++) {
                rl[k] = (byte) r[3 + 4 * k];
                rt[4 * mbX + k] = (byte) r[12 + k];
                ml[2 * k] = cap(d[2 * (3 + 4 * k)]);
                ml[2 * k + 1] = cap(d[2 * (3 + 4 * k) + 1]);
                mt[8 * mbX + 2 * k] = cap(d[2 * (12 + k)]);
                mt[8 * mbX + 2 * k + 1] = cap(d[2 * (12 + k) + 1]);
            }
        }
    }

    private int readRef(int list, int x, int y, int w, int h) throws MediaFormatException {
        int[] r = ref[list];
        int a = x > 0 ? r[x - 1 + 4 * y] : leftAvail ? refLeft[list][y] : 0;
        int b = y > 0 ? r[x + 4 * (y - 1)] : aboveAvail ? refTop[list][4 * mbX + x] : 0;
        int value = 0;
        if (e.decision(54 + (a > 0 ? 1 : 0) + (b > 0 ? 2 : 0)) != 0) {
            value = 1;
            int c = 58;
            while (e.decision(c) != 0) {
                value++;
                c = 59;
                if (value >= numRefActive[list]) {
                    throw new MediaFormatException("H.264 CABAC ref_idx_l" + list + " exceeds num_ref_idx_active "
                            + numRefActive[list] + " near bit " + e.bitPosition());
                }
            }
        }
        if (value >= numRefActive[list]) {
            throw new MediaFormatException("H.264 CABAC ref_idx_l" + list + " " + value
                    + " exceeds num_ref_idx_active " + numRefActive[list] + " near bit " + e.bitPosition());
        }
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) {
                r[xx + 4 * yy] = value;
            }
        }
        return value;
    }

    private void readMvd(Macroblock mb, int list, int x, int y, int w, int h) throws MediaFormatException {
        int[] d = mb.mvd[list];
        for (int comp = 0; comp < 2; comp++) {
            int a = x > 0 ? Math.abs(d[2 * (x - 1 + 4 * y) + comp]) : leftAvail ? mvdLeft[list][2 * y + comp] : 0;
            int b = y > 0 ? Math.abs(d[2 * (x + 4 * (y - 1)) + comp])
                    : aboveAvail ? mvdTop[list][8 * mbX + 2 * x + comp] : 0;
            int sum = a + b;
            int value = mvd(comp == 0 ? 40 : 47, sum < 3 ? 0 : sum > 32 ? 2 : 1);
            for (int yy = y; yy < y + h; yy++) {
                for (int xx = x; xx < x + w; xx++) {
                    d[2 * (xx + 4 * yy) + comp] = value;
                }
            }
        }
    }

    /** UEG3 with signedValFlag 1 and uCoff 9 (9.3.2.3); prefix ctxIdxInc 0..2 from neighbours, then 3, 4, 5, 6... */
    private int mvd(int base, int inc) throws MediaFormatException {
        if (e.decision(base + inc) == 0) {
            return 0;
        }
        int value = 1;
        while (value < 9 && e.decision(base + Math.min(value + 2, 6)) != 0) {
            value++;
        }
        if (value == 9) {
            int k = 3;
            while (e.bypass() != 0) {
                value += 1 << k;
                if (++k > 24) {
                    throw new MediaFormatException("H.264 CABAC mvd suffix too long near bit " + e.bitPosition());
                }
            }
            while (k-- > 0) {
                value += e.bypass() << k;
            }
        }
        return e.bypass() != 0 ? -value : value;
    }

    private static byte cap(int v) {
        return (byte) Math.min(Math.abs(v), MVD_CAP);
    }

    private static int partX(Macroblock mb, int p) {
        return mb.partition == MbKind.PART_8X16 ? 2 * p : 0;
    }

    private static int partY(Macroblock mb, int p) {
        return mb.partition == MbKind.PART_16X8 ? 2 * p : 0;
    }

    private static int partW(Macroblock mb) {
        return mb.partition == MbKind.PART_8X16 ? 2 : 4;
    }

    private static int partH(Macroblock mb) {
        return mb.partition == MbKind.PART_16X8 ? 2 : 4;
    }
}
