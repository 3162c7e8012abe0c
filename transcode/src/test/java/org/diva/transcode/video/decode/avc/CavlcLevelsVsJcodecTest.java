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
 * layout; ours is proven against the standard's scans in {@link CavlcResidualTest}), and the skip decisions.
 */
class CavlcLevelsVsJcodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"avc/cavlc-intra", "avc/cavlc-p", "avc-cavlc/cavlc-lowqp"})
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
            byte[] rbsp = JcodecHeaders.unescape(nal, 1);
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
