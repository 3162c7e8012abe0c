package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diva.transcode.codec.Rbsp;
import org.jcodec.codecs.h264.decode.MBlock;
import org.jcodec.codecs.h264.decode.SliceHeaderReader;
import org.jcodec.codecs.h264.decode.SliceReader;
import org.jcodec.codecs.h264.decode.aso.MapManager;
import org.jcodec.codecs.h264.io.CAVLC;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.common.io.BitReader;
import org.jcodec.common.model.ColorSpace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The level VALUES agree with an independent CAVLC parser, JCodec's, macroblock by macroblock: per macroblock the
 * multiset of non-zero luma levels and of non-zero chroma levels (their placement inside blocks is JCodec's own
 * layout; ours is proven against the standard's scans in {@link CavlcResidualTest}), the skip decisions, and the
 * ref_idx and mvd of every (sub-)partition.
 */
class CavlcLevelsVsJcodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"avc/cavlc-intra", "avc/cavlc-p", "avc/cavlc-b-8x8", "avc-cavlc/cavlc-lowqp"})
    void levelsMatchJcodecsParser(String name) throws Exception {
        byte[] annexB = Files.readAllBytes(Path.of("src/test/resources/media/" + name + ".264"));
        List<JcodecHeaders.Slice> ours = JcodecHeaders.slices(annexB);
        List<SliceReader> theirs = jcodecSliceReaders(annexB);
        assertEquals(ours.size(), theirs.size());
        AvcPicture pic = null;
        Macroblock mb = new Macroblock();
        int compared = 0;
        for (int i = 0; i < ours.size(); i++) {
            JcodecHeaders.Slice s = ours.get(i);
            if (s.header().firstMbInSlice() == 0) {
                pic = new AvcPicture(s.sps().widthMbs(), s.sps().heightMbs());
            }
            int sliceId = pic.slices.size();
            pic.slices.add(s.header());
            CavlcReader reader = new CavlcReader(new SliceContext(s.sps(), s.pps(), s.header(), pic,
                    new AvcPicture[2][0], sliceId), s.rbsp(), s.dataBitOffset());
            MBlock block = new MBlock(ColorSpace.YUV420J);
            int addr = s.header().firstMbInSlice();
            do {
                mb.reset(addr, pic.widthMbs);
                pic.sliceId[addr] = sliceId;
                reader.read(mb);
                block.clear();
                theirs.get(i).readMacroblock(block);
                String where = name + " slice " + i + " macroblock " + addr;
                assertEquals(block.skipped, MbKind.has(mb.kind, MbKind.SKIP), where);
                if (!block.skipped) {
                    assertEquals(nonZero(block.dc, block.ac[0]), nonZero(mb.lumaDc, mb.luma), "luma of " + where);
                    assertEquals(nonZero(block.dc1, block.dc2, block.ac[1], block.ac[2]),
                            nonZero(mb.chromaDc, mb.chroma), "chroma of " + where);
                    if (!MbKind.intra(mb.kind)) {
                        compareMotion(block, mb, where);
                    }
                    compared++;
                }
                Arrays.fill(mb.luma, 0);
                Arrays.fill(mb.lumaDc, 0);
                Arrays.fill(mb.chroma, 0);
                Arrays.fill(mb.chromaDc, 0);
                addr++;
            } while (reader.hasMore());
        }
        assertEquals(true, compared > 100, "coded macroblocks compared: " + compared);
    }

    private static void compareMotion(MBlock block, Macroblock mb, String where) {
        if (MbKind.has(mb.kind, MbKind.DIRECT16X16)) {
            return;
        }
        for (int list = 0; list < 2; list++) {
            int[] mvd = mb.mvd[list];
            switch (mb.partition) {
                case MbKind.PART_16X16 -> {
                    if (MbKind.usesList(mb.partPred[0], list)) {
                        assertEquals(ints(block, "pb16x16", "refIdx")[list], mb.refIdx[list][0], "ref_idx of " + where);
                        assertEquals(ints(block, "pb16x16", "mvdX")[list], mvd[0], "mvd x of " + where);
                        assertEquals(ints(block, "pb16x16", "mvdY")[list], mvd[1], "mvd y of " + where);
                    }
                }
                case MbKind.PART_16X8, MbKind.PART_8X16 -> {
                    int second = mb.partition == MbKind.PART_16X8 ? 8 : 2;
                    if (MbKind.usesList(mb.partPred[0], list)) {
                        assertEquals(ints(block, "pb168x168", "refIdx1")[list], mb.refIdx[list][0], "ref_idx 0 of " + where);
                        assertEquals(ints(block, "pb168x168", "mvdX1")[list], mvd[0], "mvd x 0 of " + where);
                        assertEquals(ints(block, "pb168x168", "mvdY1")[list], mvd[1], "mvd y 0 of " + where);
                    }
                    if (MbKind.usesList(mb.partPred[1], list)) {
                        assertEquals(ints(block, "pb168x168", "refIdx2")[list], mb.refIdx[list][1], "ref_idx 1 of " + where);
                        assertEquals(ints(block, "pb168x168", "mvdX2")[list], mvd[2 * second], "mvd x 1 of " + where);
                        assertEquals(ints(block, "pb168x168", "mvdY2")[list], mvd[2 * second + 1], "mvd y 1 of " + where);
                    }
                }
                default -> {
                    for (int b8 = 0; b8 < 4; b8++) {
                        if (!MbKind.usesList(mb.partPred[b8], list)) {
                            continue;
                        }
                        assertEquals(ints2(block, "pb8x8", "refIdx")[list][b8], mb.refIdx[list][b8], "ref_idx of " + where);
                        int first = 2 * (b8 & 1) + 8 * (b8 >> 1);
                        assertEquals(ints2(block, "pb8x8", "mvdX1")[list][b8], mvd[2 * first], "sub mvd x of " + where);
                        assertEquals(ints2(block, "pb8x8", "mvdY1")[list][b8], mvd[2 * first + 1], "sub mvd y of " + where);
                    }
                }
            }
        }
    }

    /** JCodec's partition records are package-private classes with public fields: read them reflectively. */
    private static Object field(Object owner, String name) {
        try {
            java.lang.reflect.Field f = owner.getClass().getField(name);
            f.setAccessible(true);
            return f.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static int[] ints(MBlock block, String part, String name) {
        return (int[]) field(field(block, part), name);
    }

    private static int[][] ints2(MBlock block, String part, String name) {
        return (int[][]) field(field(block, part), name);
    }

    private static List<Integer> nonZero(Object... arrays) {
        List<Integer> out = new ArrayList<>();
        for (Object a : arrays) {
            collect(a, out);
        }
        out.sort(null);
        return out;
    }

    private static void collect(Object a, List<Integer> out) {
        if (a instanceof int[] ints) {
            for (int v : ints) {
                if (v != 0) {
                    out.add(v);
                }
            }
        } else if (a instanceof Object[] nested) {
            for (Object o : nested) {
                collect(o, out);
            }
        }
    }

    private static List<SliceReader> jcodecSliceReaders(byte[] annexB) {
        Map<Integer, SeqParameterSet> spss = new HashMap<>();
        Map<Integer, PictureParameterSet> ppss = new HashMap<>();
        List<SliceReader> out = new ArrayList<>();
        for (byte[] nal : JcodecHeaders.split(annexB)) {
            int type = nal[0] & 0x1f;
            byte[] rbsp = Rbsp.unescape(ByteBuffer.wrap(nal, 1, nal.length - 1));
            if (type == 7) {
                SeqParameterSet sps = SeqParameterSet.read(ByteBuffer.wrap(rbsp));
                spss.put(sps.seqParameterSetId, sps);
            } else if (type == 8) {
                PictureParameterSet pps = PictureParameterSet.read(ByteBuffer.wrap(rbsp));
                ppss.put(pps.picParameterSetId, pps);
            } else if (type == 1 || type == 5) {
                BitReader br = BitReader.createBitReader(ByteBuffer.wrap(rbsp));
                org.jcodec.codecs.h264.io.model.SliceHeader sh = SliceHeaderReader.readPart1(br);
                PictureParameterSet pps = ppss.get(sh.picParameterSetId);
                SeqParameterSet sps = spss.get(pps.seqParameterSetId);
                NALUnit unit = NALUnit.read(ByteBuffer.wrap(new byte[] {nal[0]}));
                SliceHeaderReader.readPart2(sh, unit, sps, pps, br);
                int w = sps.picWidthInMbsMinus1 + 1;
                int h = sps.picHeightInMapUnitsMinus1 + 1;
                CAVLC[] cavlc = {new CAVLC(sps, pps, 2, 2), new CAVLC(sps, pps, 1, 1), new CAVLC(sps, pps, 1, 1)};
                out.add(new SliceReader(pps, null, cavlc, null, br, new MapManager(sps, pps).getMapper(sh), sh,
                        unit));
            }
        }
        return out;
    }
}
