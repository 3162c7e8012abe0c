package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.io.TempDir;
import org.jcodec.codecs.h264.decode.SliceHeaderReader;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.io.BitReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every slice of every CABAC fixture must parse to end_of_slice_flag exactly at its last macroblock, with the
 * engine's bitstream pointer then at the RBSP's stop bit: one wrong context or binarisation desynchronises the
 * arithmetic decoder within a few macroblocks, so this fails loudly on any mistake. Until our own header parser is
 * on main, slice headers come from JCodec's readers (test only), translated into our records.
 */
class CabacFixtureTest {
    private static final Path DIR = Path.of("src/test/resources/media/avc");

    @ParameterizedTest
    @ValueSource(strings = {"cabac-intra.264", "cabac-intra8x8.264", "cabac-p.264", "cabac-weightp.264",
            "cabac-b-spatial.264", "cabac-b-temporal.264", "cabac-b-weighted.264", "cabac-high.264",
            "cabac-high-cqm.264", "cabac-slices.264", "cabac-nodeblock.264", "cabac-deblock-offsets.264",
            "cabac-lowqp.264"})
    void everySliceEndsExactlyAtItsLastMacroblock(String name) throws Exception {
        Stats stats = parseAll(Files.readAllBytes(DIR.resolve(name)), false);
        assertEquals(12, stats.pictures, "pictures");
        assertTrue(stats.coded > 0, "some macroblocks carry residual");
    }

    /** The High-profile (CABAC) clips of the container fixtures, taken out of their containers by ffmpeg. */
    @ParameterizedTest
    @ValueSource(strings = {"video/h264_high_bframes.ts", "video/h264_slices.ts", "mp4/h264_high_aac_faststart.mp4",
            "mp4/h264_aac_gop.mp4", "mkv/h264-bframes-nocues.mkv", "mkv/h264-aac-subs.mkv", "ts/h264_aac_2tracks.ts",
            "ts/h264_ac3.m2ts"})
    void highProfileFixturesElsewhereParseToTheEnd(String name, @TempDir Path tmp) throws Exception {
        Ffmpeg.assumeInstalled();
        Path source = Path.of("src/test/resources/media").resolve(name);
        Path annexB = tmp.resolve("video.264");
        Ffmpeg.ffmpeg("-i", source.toString(), "-map", "0:v:0", "-c:v", "copy", "-bsf:v", "h264_mp4toannexb",
                "-f", "h264", annexB.toString());
        Stats stats = parseAll(Files.readAllBytes(annexB), false);
        JsonNode probe = Ffmpeg.probe(source, "-count_frames", "-select_streams", "v:0");
        assertEquals(probe.path("streams").path(0).path("nb_read_frames").asInt(), stats.pictures, "pictures");
        assertTrue(stats.mbs > 0);
    }

    /**
     * CABAC parsing does not depend on QP, so a wrong mb_qp_delta mapping would stay in sync: compare every
     * macroblock's QP (skipped ones included, I_PCM 0) with ffmpeg's (-debug qp prints them per output picture; these
     * clips have no B pictures, so output order is decoding order).
     */
    @ParameterizedTest
    @ValueSource(strings = {"cabac-intra.264", "cabac-intra8x8.264", "cabac-p.264", "cabac-weightp.264"})
    void macroblockQpMatchesFfmpeg(String name) throws Exception {
        Ffmpeg.assumeInstalled();
        Path file = DIR.resolve(name);
        List<byte[]> ours = new ArrayList<>();
        parseAll(Files.readAllBytes(file), false, ours);
        Ffmpeg.Result r = Ffmpeg.run(List.of("ffmpeg", "-hide_banner", "-threads", "1", "-debug", "qp", "-i",
                file.toString(), "-f", "null", "-"));
        List<List<Integer>> frames = new ArrayList<>();
        for (String line : r.stderr().split("\n")) {
            String text = line.replaceFirst("^\\[[^]]*\\] ", "").trim();
            if (text.startsWith("New frame")) {
                frames.add(new ArrayList<>());
            } else if (!frames.isEmpty() && text.matches("(\\d\\d)+")) {
                for (int i = 0; i < text.length(); i += 2) {
                    frames.get(frames.size() - 1).add(Integer.parseInt(text.substring(i, i + 2)));
                }
            }
        }
        assertTrue(frames.size() >= ours.size(), "ffmpeg printed " + frames.size() + " pictures");
        List<List<Integer>> theirs = frames.subList(frames.size() - ours.size(), frames.size());
        for (int p = 0; p < ours.size(); p++) {
            List<Integer> expected = theirs.get(p);
            byte[] qp = ours.get(p);
            assertEquals(expected.size(), qp.length, "macroblocks of picture " + p);
            for (int i = 0; i < qp.length; i++) {
                assertEquals(expected.get(i).intValue(), qp[i], "QP of macroblock " + i + " of picture " + p);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cabac-p.264", "cabac-b-spatial.264", "cabac-high.264"})
    void truncatedSliceIsReportedNotHung(String name) throws Exception {
        byte[] stream = Files.readAllBytes(DIR.resolve(name));
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> parseAll(stream, true));
        assertTrue(e.getMessage().contains("CABAC"), e.getMessage());
    }

    record Stats(int pictures, long mbs, long coded) {
    }

    /** Parses every slice; with {@code truncate}, each slice's RBSP loses its second half first. */
    static Stats parseAll(byte[] stream, boolean truncate) throws Exception {
        return parseAll(stream, truncate, new ArrayList<>());
    }

    /** ... and adds a copy of each finished picture's per-macroblock QP to {@code qps}. */
    static Stats parseAll(byte[] stream, boolean truncate, List<byte[]> qps) throws Exception {
        Map<Integer, SeqParameterSet> spss = new HashMap<>();
        Map<Integer, PictureParameterSet> ppss = new HashMap<>();
        AvcPicture picture = null;
        Macroblock mb = new Macroblock();
        int pictures = 0;
        long mbs = 0;
        long coded = 0;
        int pictureMbs = 0;
        for (byte[] nal : nals(stream)) {
            int type = nal[0] & 0x1f;
            byte[] rbsp = unescape(nal);
            if (type == 7) {
                SeqParameterSet s = SeqParameterSet.read(ByteBuffer.wrap(rbsp, 1, rbsp.length - 1));
                spss.put(s.seqParameterSetId, s);
            } else if (type == 8) {
                PictureParameterSet p = PictureParameterSet.read(ByteBuffer.wrap(rbsp, 1, rbsp.length - 1));
                ppss.put(p.picParameterSetId, p);
            } else if (type == 1 || type == 5) {
                BitReader br = BitReader.createBitReader(ByteBuffer.wrap(rbsp, 1, rbsp.length - 1));
                org.jcodec.codecs.h264.io.model.SliceHeader jh = SliceHeaderReader.readPart1(br);
                PictureParameterSet jp = ppss.get(jh.picParameterSetId);
                assertTrue(jp.entropyCodingModeFlag, "a CABAC fixture");
                SeqParameterSet js = spss.get(jp.seqParameterSetId);
                NALUnit nu = NALUnit.read(ByteBuffer.wrap(rbsp, 0, 1));
                SliceHeaderReader.readPart2(jh, nu, js, jp, br);
                int dataBit = 8 + br.position();
                Sps sps = sps(js);
                Pps pps = pps(jp);
                SliceHeader h = header(jh, jp, type, nu.nal_ref_idc);
                if (picture == null || h.firstMbInSlice() == 0) {
                    assertEquals(0, pictureMbs, "macroblocks missing from picture " + pictures);
                    picture = new AvcPicture(sps.widthMbs(), sps.heightMbs());
                    pictures++;
                }
                picture.slices.add(h);
                int sliceId = picture.slices.size() - 1;
                SliceContext ctx = new SliceContext(sps, pps, h, picture, new AvcPicture[2][0], sliceId);
                byte[] data = truncate ? java.util.Arrays.copyOf(rbsp, rbsp.length / 2) : rbsp;
                CabacReader reader = new CabacReader(ctx, data, dataBit);
                int addr = h.firstMbInSlice();
                int total = picture.mbs();
                boolean more = true;
                while (more) {
                    assertTrue(addr < total, "slice runs past the picture's last macroblock");
                    mb.reset(addr, picture.widthMbs);
                    picture.sliceId[addr] = sliceId;
                    reader.read(mb);
                    coded += Integer.bitCount(mb.lumaCoded) + Integer.bitCount(mb.chromaCoded);
                    clear(mb);
                    more = reader.hasMore();
                    addr++;
                    mbs++;
                }
                // The encoder's flush (9.3.4.6) may write up to a byte more than the decoder needs (x264 does),
                // so the engine must stop within the byte that carries rbsp_stop_one_bit, not before it.
                int stop = stopBitEnd(rbsp);
                int pos = reader.bitPosition();
                assertTrue(pos <= stop && stop - pos < 8, "engine stopped at bit " + pos + ", stop bit ends at " + stop);
                pictureMbs += addr - h.firstMbInSlice();
                if (addr == total) {
                    assertEquals(total, pictureMbs, "macroblocks of picture " + pictures);
                    qps.add(picture.qp.clone());
                    pictureMbs = 0;
                }
            }
        }
        assertEquals(0, pictureMbs, "macroblocks missing from the last picture");
        return new Stats(pictures, mbs, coded);
    }

    /** Reconstruction would zero the coefficients; the test does it so the next macroblock starts clean. */
    private static void clear(Macroblock mb) {
        java.util.Arrays.fill(mb.luma, 0);
        java.util.Arrays.fill(mb.lumaDc, 0);
        java.util.Arrays.fill(mb.chroma, 0);
        java.util.Arrays.fill(mb.chromaDc, 0);
    }

    /** Bit position right after the rbsp_stop_one_bit (the last 1 bit of the RBSP). */
    static int stopBitEnd(byte[] rbsp) {
        int i = rbsp.length - 1;
        while (rbsp[i] == 0) {
            i--;
        }
        return 8 * i + 8 - Integer.numberOfTrailingZeros(rbsp[i] & 0xff);
    }

    static Sps sps(SeqParameterSet s) {
        return new Sps(s.seqParameterSetId, s.profileIdc, s.levelIdc, new int[6][16], new int[2][64], false,
                s.log2MaxFrameNumMinus4 + 4, s.picOrderCntType, s.log2MaxPicOrderCntLsbMinus4 + 4, false, 0, 0,
                new int[0], s.numRefFrames, false, s.picWidthInMbsMinus1 + 1, s.picHeightInMapUnitsMinus1 + 1,
                s.direct8x8InferenceFlag, 0, 0, 0, 0, 16, 16);
    }

    static Pps pps(PictureParameterSet p) {
        return new Pps(p.picParameterSetId, p.seqParameterSetId, p.entropyCodingModeFlag, false,
                p.numRefIdxActiveMinus1[0] + 1, p.numRefIdxActiveMinus1[1] + 1, p.weightedPredFlag,
                p.weightedBipredIdc, 26 + p.picInitQpMinus26, p.chromaQpIndexOffset, p.chromaQpIndexOffset,
                p.deblockingFilterControlPresentFlag, p.constrainedIntraPredFlag, false,
                p.extended != null && p.extended.transform8x8ModeFlag, new int[6][16], new int[2][64]);
    }

    static SliceHeader header(org.jcodec.codecs.h264.io.model.SliceHeader h, PictureParameterSet p, int nalType,
                              int refIdc) {
        int sliceType = h.sliceType == SliceType.P ? SliceHeader.P : h.sliceType == SliceType.B ? SliceHeader.B
                : h.sliceType == SliceType.I ? SliceHeader.I : -1;
        assertTrue(sliceType >= 0, "slice type " + h.sliceType);
        int[] active = h.numRefIdxActiveOverrideFlag
                ? new int[] {h.numRefIdxActiveMinus1[0] + 1, h.numRefIdxActiveMinus1[1] + 1}
                : new int[] {p.numRefIdxActiveMinus1[0] + 1, p.numRefIdxActiveMinus1[1] + 1};
        if (sliceType != SliceHeader.B) {
            active[1] = 0;
        }
        if (sliceType == SliceHeader.I) {
            active[0] = 0;
        }
        return new SliceHeader(h.firstMbInSlice, sliceType, h.picParameterSetId, refIdc, nalType == 5, h.frameNum,
                h.idrPicId, h.picOrderCntLsb, 0, 0, 0, h.directSpatialMvPredFlag, active, List.of(List.of(), List.of()),
                Optional.empty(), Optional.empty(), h.cabacInitIdc, 26 + p.picInitQpMinus26 + h.sliceQpDelta,
                h.disableDeblockingFilterIdc, 2 * h.sliceAlphaC0OffsetDiv2, 2 * h.sliceBetaOffsetDiv2);
    }

    /** Annex B byte stream to NAL units (header byte included). */
    static List<byte[]> nals(byte[] s) throws IOException {
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        int start = -1;
        while (i + 2 < s.length) {
            if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) {
                if (start >= 0) {
                    out.add(trim(s, start, i));
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0) {
            out.add(trim(s, start, s.length));
        }
        return out;
    }

    private static byte[] trim(byte[] s, int from, int to) {
        while (to > from && s[to - 1] == 0) {
            to--;
        }
        return java.util.Arrays.copyOfRange(s, from, to);
    }

    /** Removes emulation_prevention_three_byte (7.4.1). */
    static byte[] unescape(byte[] nal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(nal.length);
        int zeros = 0;
        for (byte b : nal) {
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out.write(b);
        }
        return out.toByteArray();
    }
}
