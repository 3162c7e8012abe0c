package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our SPS/PPS/slice header parsers on every x264 fixture, judged by ffprobe and by the slice data's alignment. */
class AvcHeaderFixturesTest {

    static List<String> fixtures() {
        return HeaderWalk.NAMES;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void pictureSizeAndReorderDepthMatchFfprobe(String name) throws IOException {
        Ffmpeg.assumeInstalled();
        JsonNode stream = Ffmpeg.probe(HeaderWalk.path(name)).get("streams").get(0);
        Sps sps = HeaderWalk.pictures(name).get(0).sps();
        assertEquals(stream.get("width").asInt(), sps.width(), "width");
        assertEquals(stream.get("height").asInt(), sps.height(), "height");
        assertEquals(208, 16 * sps.widthMbs());
        assertEquals(128, 16 * sps.heightMbs());
        assertEquals(8, sps.cropBottom());
        assertEquals(stream.get("has_b_frames").asInt(), sps.maxNumReorderFrames(), "has_b_frames");
    }

    /** ffprobe reports frames in output order; sorted by packet position they are in decoding order, as ours. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void sliceTypesAndKeyFramesMatchFfprobeInDecodingOrder(String name) throws IOException {
        Ffmpeg.assumeInstalled();
        List<JsonNode> frames = new ArrayList<>();
        Ffmpeg.probe(HeaderWalk.path(name), "-show_frames").get("frames").forEach(frames::add);
        frames.sort(Comparator.comparingLong(f -> f.get("pkt_pos").asLong()));
        List<HeaderWalk.Picture> pictures = HeaderWalk.pictures(name);
        assertEquals(frames.size(), pictures.size(), "pictures");
        for (int i = 0; i < pictures.size(); i++) {
            SliceHeader h = pictures.get(i).first();
            assertEquals(frames.get(i).get("pict_type").asText(), String.valueOf("PBI".charAt(h.sliceType())),
                    "picture " + i);
            assertEquals(frames.get(i).get("key_frame").asInt() == 1, h.idr(), "key frame " + i);
        }
    }

    /**
     * Every slice parses, its macroblock ranges tile the picture, and in CABAC slices the bits between the header's
     * end and the next byte are cabac_alignment_one_bit (7.3.4): a header parser that reads one bit too many or too
     * few lands on a 0 there in most slices.
     */
    @ParameterizedTest
    @MethodSource("fixtures")
    void slicesTileThePictureAndCabacDataIsAligned(String name) throws IOException {
        int checkedAlignments = 0;
        for (HeaderWalk.Picture picture : HeaderWalk.pictures(name)) {
            int previous = -1;
            for (HeaderWalk.Slice slice : picture.slices()) {
                SliceHeader h = slice.start().header();
                assertTrue(h.firstMbInSlice() > previous, "slices in raster order");
                previous = h.firstMbInSlice();
                assertEquals(picture.first().frameNum(), h.frameNum());
                assertEquals(picture.first().pocLsb(), h.pocLsb());
                int bit = slice.start().dataBitOffset();
                assertTrue(bit < 8 * slice.rbsp().length, "slice data inside the NAL unit");
                if (slice.pps().cabac()) {
                    for (; (bit & 7) != 0; bit++) {
                        assertEquals(1, (slice.rbsp()[bit >> 3] >> (7 - (bit & 7))) & 1,
                                name + ": cabac_alignment_one_bit at " + bit);
                        checkedAlignments++;
                    }
                }
            }
        }
        if (name.startsWith("cabac")) {
            assertTrue(checkedAlignments > 8, "alignment bits checked: " + checkedAlignments);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void slicesOfX264HaveTheToolsTheFixtureAsksFor(String name) throws IOException {
        List<HeaderWalk.Picture> pictures = HeaderWalk.pictures(name);
        Pps pps = pictures.get(0).slices().get(0).pps();
        assertEquals(name.startsWith("cabac"), pps.cabac());
        int slices = pictures.get(0).slices().size();
        assertEquals(name.endsWith("slices") ? (name.startsWith("cabac") ? 4 : 3) : 1, slices, "slices per picture");
        boolean deblockOff = pictures.stream().flatMap(p -> p.slices().stream())
                .allMatch(s -> s.start().header().disableDeblockingFilterIdc() == 1);
        assertEquals(name.contains("nodeblock"), deblockOff, "deblocking disabled");
        if (name.equals("cabac-deblock-offsets")) {
            SliceHeader h = pictures.get(0).first();
            assertEquals(6, h.alphaC0Offset());
            assertEquals(-4, h.betaOffset());
            // x264 lowers the asked-for chroma_qp_offset by 2 when psy-rd is on: its SEI says chroma_qp_offset=2
            assertEquals(2, pps.chromaQpIndexOffset());
        }
        if (name.equals("cabac-weightp")) {
            assertTrue(pictures.stream().anyMatch(p -> p.first().weights().isPresent()), "explicit weights");
        }
        if (name.equals("cabac-b-weighted")) {
            assertEquals(2, pps.weightedBipredIdc(), "x264 weightb: implicit");
        }
        if (name.equals("cabac-b-temporal")) {
            assertTrue(pictures.stream().filter(p -> p.first().isB()).noneMatch(p -> p.first().directSpatialMvPred()));
        }
        if (name.equals("cabac-b-spatial")) {
            assertTrue(pictures.stream().filter(p -> p.first().isB()).allMatch(p -> p.first().directSpatialMvPred()));
        }
        assertEquals(name.equals("cabac-intra8x8") || name.equals("cavlc-b-8x8") || name.startsWith("cabac-high")
                || name.equals("cabac-slices") || name.equals("cabac-nodeblock") || name.equals("cabac-lowqp")
                || name.equals("cabac-deblock-offsets"), pps.transform8x8Mode(), "transform_8x8_mode_flag");
    }

    /**
     * cqm=jvt makes x264 send, in the PPS only, "use the default" for every list: the SPS stays flat, and fall-back
     * rule A gives the standard's defaults (Tables 7-3, 7-4), written here in raster order.
     */
    @Test
    void jvtScalingMatricesAreTheDefaultsInRasterOrder() throws IOException {
        HeaderWalk.Slice slice = HeaderWalk.pictures("cabac-high-cqm").get(0).slices().get(0);
        int[] intra4x4 = {6, 13, 20, 28, 13, 20, 28, 32, 20, 28, 32, 37, 28, 32, 37, 42};
        int[] inter4x4 = {10, 14, 20, 24, 14, 20, 24, 27, 20, 24, 27, 30, 24, 27, 30, 34};
        assertFalse(slice.sps().scalingPresent());
        assertArrayEquals(ScalingLists.flat(1, 16)[0], slice.sps().scaling4x4()[0]);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(intra4x4, slice.pps().scaling4x4()[i], "intra list " + i);
            assertArrayEquals(inter4x4, slice.pps().scaling4x4()[3 + i], "inter list " + i);
        }
        int[] intra8x8 = slice.pps().scaling8x8()[0];
        int[] inter8x8 = slice.pps().scaling8x8()[1];
        // Table 7-4 idx 0, 1, 2, 3 (zig-zag) at raster 0, 1, 8, 16; idx 63 at raster 63
        assertEquals(List.of(6, 10, 10, 13, 42), List.of(intra8x8[0], intra8x8[1], intra8x8[8], intra8x8[16],
                intra8x8[63]));
        assertEquals(List.of(9, 13, 13, 15, 35), List.of(inter8x8[0], inter8x8[1], inter8x8[8], inter8x8[16],
                inter8x8[63]));
    }
}
