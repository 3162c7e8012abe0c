package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Test driver: runs {@link CavlcReader} over every slice of a stream the way the decoder's slice loop will (reset,
 * sliceId, read, hasMore), checks that each slice ends exactly at its rbsp_stop_one_bit and each picture gets all its
 * macroblocks, and describes every picture as a grid in the notation of ffmpeg's {@code -debug qp+mb_type}.
 */
final class CavlcSlices {
    private CavlcSlices() {
    }

    /** What was parsed: one grid per picture (rows of "QPts" cells, '.' where our side does not predict ffmpeg's). */
    record Parsed(List<String> grids, int[] kindCounts) {
    }

    /** Kind counters, by index: 0 I4X4, 1 I8X8, 2 I16X16, 3 PCM, 4 P skip, 5 B skip, 6 direct16, 7 inter T8X8, 8 B 8x8, 9 cbp flags without levels. */
    static Parsed parse(List<JcodecHeaders.Slice> slices) throws MediaFormatException {
        List<String> grids = new ArrayList<>();
        int[] counts = new int[10];
        AvcPicture pic = null;
        String[] cells = null;
        int decoded = 0;
        Macroblock mb = new Macroblock();
        for (JcodecHeaders.Slice s : slices) {
            Sps sps = s.sps();
            if (s.header().firstMbInSlice() == 0) {
                if (pic != null) {
                    assertEquals(pic.mbs(), decoded, "macroblocks in picture " + grids.size());
                    grids.add(grid(pic, cells));
                }
                pic = new AvcPicture(sps.widthMbs(), sps.heightMbs());
                cells = new String[pic.mbs()];
                decoded = 0;
            }
            int sliceId = pic.slices.size();
            pic.slices.add(s.header());
            SliceContext ctx = new SliceContext(sps, s.pps(), s.header(), pic, new AvcPicture[2][0], sliceId);
            CavlcReader reader = new CavlcReader(ctx, s.rbsp(), s.dataBitOffset());
            int addr = s.header().firstMbInSlice();
            do {
                assertTrue(addr < pic.mbs(), "slice runs past the picture");
                mb.reset(addr, pic.widthMbs);
                pic.sliceId[addr] = sliceId;
                reader.read(mb);
                count(mb, counts);
                assertEquals(mb.kind, pic.kind[addr]);
                assertEquals(mb.qp, pic.qp[addr]);
                cells[addr] = cell(mb);
                checkAndConsume(mb);
                addr++;
                decoded++;
            } while (reader.hasMore());
        }
        assertEquals(pic.mbs(), decoded, "macroblocks in the last picture");
        grids.add(grid(pic, cells));
        return new Parsed(grids, counts);
    }

    private static void count(Macroblock mb, int[] counts) {
        int k = mb.kind;
        if (MbKind.has(k, MbKind.I4X4)) {
            counts[0]++;
        }
        if (MbKind.has(k, MbKind.I8X8)) {
            counts[1]++;
        }
        if (MbKind.has(k, MbKind.I16X16)) {
            counts[2]++;
        }
        if (MbKind.has(k, MbKind.PCM)) {
            counts[3]++;
        }
        if (MbKind.has(k, MbKind.SKIP)) {
            counts[MbKind.has(k, MbKind.B) ? 5 : 4]++;
        } else if (MbKind.has(k, MbKind.DIRECT16X16)) {
            counts[6]++;
        }
        if (!MbKind.intra(k) && MbKind.has(k, MbKind.T8X8)) {
            counts[7]++;
        }
        if (MbKind.has(k, MbKind.B) && !MbKind.has(k, MbKind.DIRECT16X16) && mb.partition == MbKind.PART_8X8) {
            counts[8]++;
        }
        if (MbKind.has(k, MbKind.PCM)) {
            return;
        }
        for (int b8 = 0; b8 < 4; b8++) {
            int blocks = MbKind.has(k, MbKind.I16X16) ? 0xffff : 0x33 << (2 * (b8 & 1) + 8 * (b8 >> 1));
            if ((mb.cbp & (1 << b8)) != 0 && (mb.lumaCoded & blocks) == 0) {
                counts[9]++;
            }
        }
        int chroma = mb.cbp >> 4;
        if (chroma == 2 && mb.chromaCoded == 0
                || chroma == 1 && Arrays.stream(mb.chromaDc).allMatch(v -> v == 0)) {
            counts[9]++;
        }
    }

    /**
     * Checks the coefficient conventions (levels only in blocks flagged coded, flags only on blocks with levels) and
     * zeroes the arrays the way reconstruction will.
     */
    private static void checkAndConsume(Macroblock mb) {
        boolean t8 = MbKind.has(mb.kind, MbKind.T8X8);
        for (int b = 0; b < 16; b++) {
            int from = t8 ? 64 * ((b & 3) / 2 + 2 * (b / 8)) : 16 * b;
            int len = t8 ? 64 : 16;
            boolean any = Arrays.stream(mb.luma, from, from + len).anyMatch(v -> v != 0);
            assertEquals(any, (mb.lumaCoded & (1 << b)) != 0, "luma block " + b + " of macroblock " + mb.addr);
        }
        for (int b = 0; b < 8; b++) {
            boolean any = Arrays.stream(mb.chroma, 16 * b, 16 * b + 16).anyMatch(v -> v != 0);
            assertEquals(any, (mb.chromaCoded & (1 << b)) != 0, "chroma block " + b + " of macroblock " + mb.addr);
            assertEquals(0, mb.chroma[16 * b], "chroma AC index 0 is unused");
        }
        if ((mb.cbp & 0x30) == 0) {
            assertFalse(Arrays.stream(mb.chromaDc).anyMatch(v -> v != 0), "chroma DC without cbp");
        }
        Arrays.fill(mb.luma, 0);
        Arrays.fill(mb.lumaDc, 0);
        Arrays.fill(mb.chroma, 0);
        Arrays.fill(mb.chromaDc, 0);
    }

    /** The picture as ffmpeg's -debug qp+mb_type prints it: per macroblock "%2d" QP, type, partitioning. */
    static String grid(AvcPicture pic, String[] cells) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < pic.heightMbs; y++) {
            for (int x = 0; x < pic.widthMbs; x++) {
                int addr = y * pic.widthMbs + x;
                sb.append(String.format("%2d", pic.qp[addr])).append(cells[addr]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(Macroblock mb) {
        int k = mb.kind;
        if (MbKind.has(k, MbKind.PCM)) {
            return "P ";
        }
        if (MbKind.has(k, MbKind.I16X16)) {
            return "I ";
        }
        if (MbKind.intra(k)) {
            return "i ";
        }
        if (MbKind.has(k, MbKind.SKIP)) {
            return MbKind.has(k, MbKind.B) ? "d." : "S ";
        }
        if (MbKind.has(k, MbKind.DIRECT16X16)) {
            return "D.";
        }
        if (mb.partition == MbKind.PART_8X8) {
            return ".+";
        }
        int lists = 0;
        for (int p = 0; p < MbTypes.parts(mb.partition); p++) {
            lists |= mb.partPred[p];
        }
        String type = lists == MbKind.PRED_L0 ? ">" : lists == MbKind.PRED_L1 ? "<" : "X";
        return type + (mb.partition == MbKind.PART_16X16 ? " " : mb.partition == MbKind.PART_16X8 ? "-" : "|");
    }
}
