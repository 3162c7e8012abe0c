package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.diva.transcode.probe.MediaFormatException;
import org.junit.jupiter.api.Test;

/**
 * Corrupt and truncated slice data end in a {@link MediaFormatException} (or a clean end of the slice), never in
 * another exception or a runaway; and the hand-built syntax the fixtures lack (I_PCM, hostile skip runs) parses as
 * 7.3.4 / 7.3.5 say.
 */
class CavlcReaderRobustnessTest {

    @Test
    void flippedAndTruncatedSlicesFailCleanly() throws Exception {
        Random random = new Random(42);
        int failures = 0;
        int runs = 0;
        for (String name : List.of("cavlc-intra", "cavlc-p", "cavlc-b-8x8", "cavlc-slices")) {
            List<JcodecHeaders.Slice> slices = JcodecHeaders.slices(
                    Files.readAllBytes(Path.of("src/test/resources/media/avc/" + name + ".264")));
            for (JcodecHeaders.Slice s : slices) {
                for (int trial = 0; trial < 6; trial++) {
                    byte[] data = s.rbsp().clone();
                    if (trial % 2 == 0) {
                        int bit = s.dataBitOffset() + random.nextInt(8 * data.length - s.dataBitOffset());
                        data[bit / 8] ^= (byte) (0x80 >> (bit % 8));
                    } else {
                        data = java.util.Arrays.copyOf(data, s.dataBitOffset() / 8 + 1
                                + random.nextInt(data.length - s.dataBitOffset() / 8));
                    }
                    runs++;
                    if (!parsesOrFailsCleanly(s, data)) {
                        failures++;
                    }
                }
            }
        }
        assertTrue(failures > runs / 3, "most corruptions are detected: " + failures + " of " + runs);
    }

    /** Runs one slice over its own picture; returns false when it was refused with a MediaFormatException. */
    private static boolean parsesOrFailsCleanly(JcodecHeaders.Slice s, byte[] data) {
        AvcPicture pic = new AvcPicture(s.sps().widthMbs(), s.sps().heightMbs());
        pic.slices.add(s.header());
        Macroblock mb = new Macroblock();
        try {
            CavlcReader reader = new CavlcReader(new SliceContext(s.sps(), s.pps(), s.header(), pic,
                    new AvcPicture[2][0], 0), data, s.dataBitOffset());
            int addr = s.header().firstMbInSlice();
            do {
                if (addr >= pic.mbs()) {
                    return false; // the slice loop refuses this; the reader has done its part
                }
                mb.reset(addr, pic.widthMbs);
                pic.sliceId[addr] = 0;
                reader.read(mb);
                java.util.Arrays.fill(mb.luma, 0);
                addr++;
            } while (reader.hasMore());
            return true;
        } catch (MediaFormatException e) {
            assertTrue(e.getMessage().startsWith("H.264"), e.getMessage());
            return false;
        }
    }

    @Test
    void pcmMacroblockReadsAlignedSamplesAndCountsAsSixteenCoefficients() throws Exception {
        // I slice, one macroblock: mb_type ue(25) = 0000 11010, 7 alignment zero bits, 384 sample bytes
        StringBuilder bits = new StringBuilder("000011010 0000000");
        for (int i = 0; i < 384; i++) {
            bits.append(String.format("%8s", Integer.toBinaryString(i & 0xff)).replace(' ', '0'));
        }
        SliceContext ctx = context(SliceHeader.I, 1, 1, 30);
        CavlcReader reader = new CavlcReader(ctx, CavlcResidualTest.rbsp(bits.toString()), 0);
        Macroblock mb = new Macroblock();
        mb.reset(0, 1);
        ctx.picture.sliceId[0] = 0;
        reader.read(mb);
        assertEquals(MbKind.INTRA | MbKind.PCM, mb.kind);
        for (int i = 0; i < 384; i++) {
            assertEquals(i & 0xff, mb.pcm[i]);
        }
        assertEquals(0, ctx.picture.qp[0], "I_PCM's QP for deblocking");
        assertEquals(16, ctx.picture.lumaCoeffs[15]);
        assertEquals(16, ctx.picture.chromaCoeffs[1][3]);
        assertFalse(reader.hasMore());
    }

    @Test
    void skipRunThenCodedMacroblockWithoutAnotherRun() throws Exception {
        // P slice of 3 macroblocks: mb_skip_run 2 ("011"), then macroblock_layer at once: P_L0_16x16 ("1"),
        // mvd (0, 0) ("1" "1"), coded_block_pattern codeNum 0 ("1": inter cbp 0); no mb_qp_delta.
        SliceContext ctx = context(SliceHeader.P, 3, 1, 28);
        CavlcReader reader = new CavlcReader(ctx, CavlcResidualTest.rbsp("011 1 1 1 1"), 0);
        Macroblock mb = new Macroblock();
        for (int addr = 0; addr < 3; addr++) {
            mb.reset(addr, 3);
            ctx.picture.sliceId[addr] = 0;
            reader.read(mb);
            assertEquals(addr < 2 ? MbKind.SKIP : 0, mb.kind, "macroblock " + addr);
            assertEquals(0, mb.refIdx[0][0]);
            assertEquals(28, ctx.picture.qp[addr]);
            assertEquals(addr < 2, reader.hasMore());
        }
    }

    @Test
    void skipRunPastThePictureIsRefused() throws Exception {
        // mb_skip_run 5 ("00110") in a 3-macroblock picture
        SliceContext ctx = context(SliceHeader.P, 3, 1, 28);
        CavlcReader reader = new CavlcReader(ctx, CavlcResidualTest.rbsp("00110"), 0);
        Macroblock mb = new Macroblock();
        mb.reset(0, 3);
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> reader.read(mb));
        assertTrue(e.getMessage().contains("mb_skip_run 5"), e.getMessage());
    }

    @Test
    void sliceWithoutStopBitIsRefused() {
        SliceContext ctx = context(SliceHeader.I, 1, 1, 28);
        assertThrows(MediaFormatException.class, () -> new CavlcReader(ctx, new byte[8], 0));
    }

    static SliceContext context(int sliceType, int widthMbs, int heightMbs, int qp) {
        Sps sps = new Sps(0, 66, 30, new int[6][16], new int[2][64], false, 4, 2, 4, false, 0, 0, new int[0], 1,
                false, widthMbs, heightMbs, true, 0, 0, 0, 0, 0, 1);
        Pps pps = new Pps(0, 0, false, false, 1, 1, false, 0, 26, 0, 0, false, false, false, false, new int[6][16],
                new int[2][64]);
        SliceHeader h = new SliceHeader(0, sliceType, 0, 1, sliceType == SliceHeader.I, 0, 0, 0, 0, 0, 0, true,
                new int[] {sliceType == SliceHeader.I ? 0 : 1, 0}, List.of(List.of(), List.of()), Optional.empty(),
                Optional.empty(), 0, qp, 0, 0, 0);
        AvcPicture pic = new AvcPicture(widthMbs, heightMbs);
        pic.slices.add(h);
        return new SliceContext(sps, pps, h, pic, new AvcPicture[2][0], 0);
    }
}
