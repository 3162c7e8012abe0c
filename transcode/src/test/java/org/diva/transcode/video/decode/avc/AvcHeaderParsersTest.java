package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.diva.transcode.codec.Rbsp;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.video.decode.UnsupportedVideoException;
import org.junit.jupiter.api.Test;

/** Hand-built parameter sets and slice headers: refusals, fall-back rules, hostile and truncated input. */
class AvcHeaderParsersTest {
    private static final int[] FLAT = ScalingLists.flat(1, 16)[0];

    /** A High-profile SPS, 64x48, POC type 0; {@code scaling} writes the seq_scaling_matrix part or null for none. */
    static byte[] highSps(int chroma, int depth, boolean frameMbsOnly, Consumer<HeaderBitWriter> scaling) {
        HeaderBitWriter b = new HeaderBitWriter().u(8, 100).u(8, 0).u(8, 30).ue(0);
        b.ue(chroma).ue(depth - 8).ue(depth - 8).flag(false).flag(scaling != null);
        if (scaling != null) {
            scaling.accept(b);
        }
        b.ue(0).ue(0).ue(0); // log2_max_frame_num 4, poc type 0, log2_max_poc_lsb 4
        b.ue(2).flag(false).ue(3).ue(2).flag(frameMbsOnly);
        if (!frameMbsOnly) {
            b.flag(false);
        }
        return b.flag(true).flag(false).flag(false).rbsp();
    }

    /** A PPS for SPS 0 with 8x8 transform; {@code scaling} as in {@link #highSps}. */
    static byte[] pps(boolean cabac, int sliceGroups, Consumer<HeaderBitWriter> scaling) {
        HeaderBitWriter b = new HeaderBitWriter().ue(0).ue(0).flag(cabac).flag(false).ue(sliceGroups - 1);
        if (sliceGroups > 1) {
            b.ue(0); // slice_group_map_type 0 ...
        }
        b.ue(0).ue(0).flag(false).u(2, 0).se(0).se(0).se(-2).flag(true).flag(false).flag(false);
        b.flag(true).flag(scaling != null);
        if (scaling != null) {
            scaling.accept(b);
        }
        return b.se(3).rbsp();
    }

    @Test
    void unescapeDropsEmulationPreventionAndTrailingZeros() {
        byte[] nal = {0x65, 0, 0, 3, 1, 0, 0, 3, 0, 0, 0, 3, 3, 5, (byte) 0x80, 0, 0};
        byte[] rbsp = Rbsp.unescape(ByteBuffer.wrap(nal, 1, nal.length - 1));
        assertArrayEquals(new byte[] {0, 0, 1, 0, 0, 0, 0, 0, 3, 5, (byte) 0x80}, rbsp);
    }

    @Test
    void spsWithoutScalingMatrixIsFlatAndDerivesCropAndDpb() throws MediaFormatException {
        Sps sps = SpsParser.parse(highSps(1, 8, true, null));
        assertEquals(4, sps.widthMbs());
        assertEquals(3, sps.heightMbs());
        assertEquals(64, sps.width());
        assertFalse(sps.scalingPresent());
        for (int[] list : sps.scaling4x4()) {
            assertArrayEquals(FLAT, list);
        }
        // level 3.0: MaxDpbMbs 8100 / 12 macroblocks -> 675, capped at 16; no VUI: reorder as deep as the DPB
        assertEquals(16, sps.maxDecFrameBuffering());
        assertEquals(16, sps.maxNumReorderFrames());
    }

    @Test
    void fallBackRuleAInTheSps() throws MediaFormatException {
        // list 0 sent as a constant 20 (first delta 12, then 0s), list 1 absent (-> list 0), list 2 "use default",
        // list 3 absent (-> Default_4x4_Inter), 4 and 5 absent (-> list 3), 6 and 7 absent (defaults)
        Sps sps = SpsParser.parse(highSps(1, 8, true, b -> {
            b.flag(true).se(12);
            for (int j = 1; j < 16; j++) {
                b.se(0);
            }
            b.flag(false).flag(true).se(-8).flag(false).flag(false).flag(false).flag(false).flag(false);
        }));
        int[] twenty = new int[16];
        Arrays.fill(twenty, 20);
        assertArrayEquals(twenty, sps.scaling4x4()[0]);
        assertArrayEquals(twenty, sps.scaling4x4()[1]);
        assertArrayEquals(new int[] {6, 13, 20, 28, 13, 20, 28, 32, 20, 28, 32, 37, 28, 32, 37, 42},
                sps.scaling4x4()[2]);
        int[] inter = {10, 14, 20, 24, 14, 20, 24, 27, 20, 24, 27, 30, 24, 27, 30, 34};
        assertArrayEquals(inter, sps.scaling4x4()[3]);
        assertArrayEquals(inter, sps.scaling4x4()[5]);
        assertEquals(6, sps.scaling8x8()[0][0]);
        assertEquals(35, sps.scaling8x8()[1][63]);
    }

    @Test
    void deltaCodedListEndsRepeatingTheLastValue() throws MediaFormatException {
        // values 8+1, 9+1, then nextScale 0: the rest of the list repeats 10, in zig-zag order
        Sps sps = SpsParser.parse(highSps(1, 8, true, b -> {
            b.flag(true).se(1).se(1).se(-10);
            for (int i = 1; i < 8; i++) {
                b.flag(false);
            }
        }));
        int[] expected = new int[16];
        Arrays.fill(expected, 10);
        expected[0] = 9;
        assertArrayEquals(expected, sps.scaling4x4()[0]);
    }

    @Test
    void fallBackRuleBTakesTheSpsListsAndRuleAWhenTheSpsHasNone() throws MediaFormatException {
        Sps withMatrix = SpsParser.parse(highSps(1, 8, true, b -> {
            b.flag(true).se(12);
            for (int j = 1; j < 16; j++) {
                b.se(0);
            }
            for (int i = 1; i < 8; i++) {
                b.flag(false);
            }
        }));
        Sps flat = SpsParser.parse(highSps(1, 8, true, null));
        Consumer<HeaderBitWriter> nothingSent = b -> {
            for (int i = 0; i < 8; i++) {
                b.flag(false);
            }
        };
        Pps ruleB = PpsParser.parse(pps(true, 1, nothingSent), id -> withMatrix);
        assertEquals(20, ruleB.scaling4x4()[2][5]);
        assertEquals(6, ruleB.scaling8x8()[0][0]);
        Pps ruleA = PpsParser.parse(pps(true, 1, nothingSent), id -> flat);
        assertEquals(42, ruleA.scaling4x4()[1][15]);
        assertEquals(34, ruleA.scaling4x4()[4][15]);
        Pps none = PpsParser.parse(pps(true, 1, null), id -> withMatrix);
        assertArrayEquals(withMatrix.scaling4x4()[0], none.scaling4x4()[0]);
        assertEquals(-2, none.chromaQpIndexOffset());
        assertEquals(3, none.secondChromaQpIndexOffset());
        assertTrue(none.transform8x8Mode());
    }

    @Test
    void unsupportedToolsAreRefusedWithTheReason() {
        assertTrue(assertThrows(UnsupportedVideoException.class,
                () -> SpsParser.parse(highSps(2, 8, true, null))).getMessage().contains("4:2:2"));
        assertTrue(assertThrows(UnsupportedVideoException.class,
                () -> SpsParser.parse(highSps(1, 10, true, null))).getMessage().contains("10-bit H.264"));
        assertTrue(assertThrows(UnsupportedVideoException.class,
                () -> SpsParser.parse(highSps(1, 8, false, null))).getMessage().contains("interlaced"));
        Sps sps = parsed(highSps(1, 8, true, null));
        assertTrue(assertThrows(UnsupportedVideoException.class,
                () -> PpsParser.parse(pps(false, 2, null), id -> sps)).getMessage().contains("slice groups"));
    }

    @Test
    void spAndSiSlicesAreRefused() throws MediaFormatException {
        Sps sps = parsed(highSps(1, 8, true, null));
        Pps pps = PpsParser.parse(pps(false, 1, null), id -> sps);
        byte[] sp = new HeaderBitWriter().ue(0).ue(3).ue(0).u(4, 1).u(4, 2).rbsp();
        assertThrows(UnsupportedVideoException.class, () -> SliceHeaderParser.parse(sp, 1, 1, id -> sps, id -> pps));
    }

    @Test
    void sliceHeaderOfAPSliceWithModificationWeightsAndMmco() throws MediaFormatException {
        Sps sps = parsed(highSps(1, 8, true, null));
        Pps plain = PpsParser.parse(pps(false, 1, null), id -> sps);
        Pps pps = new Pps(0, 0, false, false, 1, 1, true, 0, 26, 0, 0, true, false, false, false, plain.scaling4x4(),
                plain.scaling8x8());
        HeaderBitWriter b = new HeaderBitWriter().ue(5).ue(5).ue(0).u(4, 7).u(4, 12); // first_mb 5, P (5), frame_num 7, lsb 12
        b.flag(true).ue(1); // override: 2 active
        b.flag(true).ue(0).ue(2).ue(2).ue(1).ue(3); // modification: (0, 2), (2, 1)
        b.ue(5).ue(1); // denoms
        b.flag(true).se(-3).se(4).flag(false); // ref 0: luma weight -3 offset 4, chroma default
        b.flag(false).flag(true).se(1).se(2).se(3).se(-4); // ref 1: chroma (1, 2) (3, -4)
        b.flag(true).ue(1).ue(0).ue(3).ue(1).ue(2).ue(0); // MMCO 1(0), 3(1, 2), end
        b.se(-4).ue(0).se(-1).se(2); // qp 22, deblocking 0, alpha -2, beta 4
        int headerBits = b.bitCount();
        byte[] rbsp = b.u(1, 1).u(3, 5).rbsp(); // slice data follows
        SliceStart start = SliceHeaderParser.parse(rbsp, 1, 2, id -> sps, id -> pps);
        SliceHeader h = start.header();
        assertEquals(List.of(5, SliceHeader.P, 7, 12, 22, 0, -2, 4), List.of(h.firstMbInSlice(), h.sliceType(),
                h.frameNum(), h.pocLsb(), h.sliceQp(), h.disableDeblockingFilterIdc(), h.alphaC0Offset(),
                h.betaOffset()));
        assertArrayEquals(new int[] {2, 0}, h.numRefIdxActive());
        assertEquals(2, h.modifications().get(0).size());
        assertArrayEquals(new int[] {2, 1}, h.modifications().get(0).get(1));
        PredWeights w = h.weights().orElseThrow();
        assertEquals(List.of(5, 1, -3, 4, 32, 0), List.of(w.lumaLog2Denom(), w.chromaLog2Denom(), w.lumaWeight()[0][0],
                w.lumaOffset()[0][0], w.lumaWeight()[0][1], w.lumaOffset()[0][1]));
        assertArrayEquals(new int[] {2, 2}, w.chromaWeight()[0][0]);
        assertArrayEquals(new int[] {1, 3}, w.chromaWeight()[0][1]);
        assertArrayEquals(new int[] {2, -4}, w.chromaOffset()[0][1]);
        RefPicMarking m = h.marking().orElseThrow();
        assertTrue(m.adaptive());
        assertArrayEquals(new int[] {3, 1, 2}, m.operations().get(1));
        assertEquals(headerBits, start.dataBitOffset(), "slice data offset");
    }

    /** Every prefix of real headers must fail as a MediaFormatException (or parse), never anything else. */
    @Test
    void truncatedAndCorruptedHeadersFailCleanly() throws Exception {
        byte[] stream = java.nio.file.Files.readAllBytes(HeaderWalk.path("cabac-high-cqm"));
        List<byte[]> nals = HeaderWalk.nals(stream);
        Sps sps = null;
        Pps pps = null;
        int checked = 0;
        java.util.Random random = new java.util.Random(7);
        for (byte[] nal : nals.subList(0, 12)) {
            int type = nal[0] & 0x1f;
            byte[] rbsp = HeaderWalk.rbsp(nal);
            for (int mode = 0; mode < 2; mode++) {
                for (int len = 0; len <= Math.min(rbsp.length, 64); len++) {
                    byte[] input = Arrays.copyOf(rbsp, len);
                    if (mode == 1) {
                        input = rbsp.clone();
                        input[random.nextInt(Math.min(rbsp.length, 40))] ^= (byte) (1 << random.nextInt(8));
                    }
                    Sps s = sps;
                    Pps p = pps;
                    try {
                        switch (type) {
                            case 7 -> SpsParser.parse(input);
                            case 8 -> PpsParser.parse(input, id -> s);
                            case 1, 5 -> SliceHeaderParser.parse(input, type, (nal[0] >> 5) & 3, id -> s, id -> p);
                            default -> { }
                        }
                    } catch (MediaFormatException expected) {
                        checked++;
                    }
                }
            }
            if (type == 7) {
                sps = SpsParser.parse(rbsp);
            } else if (type == 8) {
                Sps s = sps;
                pps = PpsParser.parse(rbsp, id -> s);
            }
        }
        assertTrue(checked > 100, "rejections " + checked);
    }

    /** Random bit flips and cuts in the headers of every fixture: a MediaFormatException or a result, nothing else. */
    @Test
    void corruptedHeadersOfEveryFixtureFailOnlyAsFormatErrors() throws Exception {
        java.util.Random random = new java.util.Random(11);
        int rejected = 0;
        for (String name : HeaderWalk.NAMES) {
            java.util.Map<Integer, Sps> spss = new java.util.HashMap<>();
            java.util.Map<Integer, Pps> ppss = new java.util.HashMap<>();
            for (byte[] nal : HeaderWalk.nals(java.nio.file.Files.readAllBytes(HeaderWalk.path(name)))) {
                int type = nal[0] & 0x1f;
                byte[] rbsp = HeaderWalk.rbsp(nal);
                boolean header = type == 1 || type == 5 || type == 7 || type == 8;
                for (int attempt = 0; header && attempt < 20; attempt++) {
                    byte[] input = Arrays.copyOf(rbsp, 1 + random.nextInt(Math.min(rbsp.length, 48)));
                    for (int flips = random.nextInt(3); flips >= 0; flips--) {
                        input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    try {
                        switch (type) {
                            case 7 -> SpsParser.parse(input);
                            case 8 -> PpsParser.parse(input, spss::get);
                            default -> SliceHeaderParser.parse(input, type, (nal[0] >> 5) & 3, spss::get, ppss::get);
                        }
                    } catch (MediaFormatException expected) {
                        rejected++;
                    }
                }
                if (type == 7) {
                    Sps sps = SpsParser.parse(rbsp);
                    spss.put(sps.spsId(), sps);
                } else if (type == 8) {
                    Pps pps = PpsParser.parse(rbsp, spss::get);
                    ppss.put(pps.ppsId(), pps);
                }
            }
        }
        assertTrue(rejected > 500, "rejections " + rejected);
    }

    private static Sps parsed(byte[] rbsp) {
        try {
            return SpsParser.parse(rbsp);
        } catch (MediaFormatException e) {
            throw new AssertionError(e);
        }
    }
}
