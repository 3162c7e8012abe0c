package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DPB driven by the slice headers of the fixtures, as the decoder loop drives it (without decoding samples). */
class DpbFixturesTest {

    static List<String> fixtures() {
        return HeaderWalk.NAMES;
    }

    /** Runs the DPB over a fixture; returns the decoding-order indices in output order, and logs the lists. */
    static List<Integer> run(List<HeaderWalk.Picture> pictures, StringJoiner lists) {
        Dpb dpb = new Dpb();
        List<Integer> output = new ArrayList<>();
        List<Integer> pocs = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            HeaderWalk.Picture picture = pictures.get(i);
            AvcPicture current = dpb.begin(picture.sps(), picture.first(), 3600L * i);
            pocs.add(current.poc);
            for (HeaderWalk.Slice slice : picture.slices()) {
                SliceHeader h = slice.start().header();
                AvcPicture[][] refs = dpb.refLists(h, current);
                assertEquals(h.isI() ? 0 : h.numRefIdxActive()[0], refs[0].length);
                assertEquals(h.isB() ? h.numRefIdxActive()[1] : 0, refs[1].length);
                StringBuilder line = new StringBuilder("PBI".charAt(h.sliceType()) + "" + current.poc);
                for (int list = 0; list < 2; list++) {
                    line.append(list == 0 ? " L0" : " L1");
                    for (AvcPicture ref : refs[list]) {
                        assertNotNull(ref);
                        line.append(' ').append(ref.poc);
                    }
                }
                if (slice == picture.slices().get(0)) {
                    lists.add(line);
                }
            }
            for (AvcPicture p : dpb.finish(current)) {
                output.add((int) (p.pts / 3600));
            }
        }
        for (AvcPicture p : dpb.flush()) {
            output.add((int) (p.pts / 3600));
        }
        return output;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void outputOrderIsFfmpegs(String name) throws IOException {
        Ffmpeg.assumeInstalled();
        List<JsonNode> frames = new ArrayList<>();
        Ffmpeg.probe(HeaderWalk.path(name), "-show_frames").get("frames").forEach(frames::add);
        List<JsonNode> decodingOrder = new ArrayList<>(frames);
        decodingOrder.sort(Comparator.comparingLong(f -> f.get("pkt_pos").asLong()));
        List<Integer> expected = new ArrayList<>();
        for (JsonNode f : frames) {
            expected.add(decodingOrder.indexOf(f));
        }
        assertEquals(expected, run(HeaderWalk.pictures(name), new StringJoiner("\n")));
    }

    /**
     * Lists checked by hand (POC of each entry, first slice of each picture in decoding order). cabac-b-spatial: B4 is
     * a reference B (b-pyramid), x264's weightp duplicates list-0 entry 0 through modification (abs_diff_pic_num 16 =
     * MaxPicNum wraps to the same picture), and its MMCOs drop references after each reference B. cabac-p: POC type
     * 2, three references by descending frame_num, the sliding window dropping the oldest.
     */
    @Test
    void referenceListsOfBPyramidAndThreeRefsAreTheStandards() throws IOException {
        StringJoiner b = new StringJoiner("\n");
        run(HeaderWalk.pictures("cabac-b-spatial"), b);
        assertEquals(String.join("\n", "I0 L0 L1", "P8 L0 0 L1", "B4 L0 0 L1 8", "B2 L0 0 L1 4 8", "B6 L0 4 0 L1 8",
                "P16 L0 8 8 4 0 L1", "B12 L0 8 4 0 L1 16", "B10 L0 8 L1 12 16", "B14 L0 12 8 L1 16",
                "P22 L0 16 16 12 8 L1", "B18 L0 16 12 8 L1 22", "B20 L0 18 16 L1 22"), b.toString());
        StringJoiner p = new StringJoiner("\n");
        run(HeaderWalk.pictures("cabac-p"), p);
        assertEquals(String.join("\n", "I0 L0 L1", "P2 L0 0 L1", "P4 L0 2 0 L1", "P6 L0 4 2 0 L1", "P8 L0 6 4 2 L1",
                "P10 L0 8 6 4 L1", "P12 L0 10 8 6 L1", "P14 L0 12 10 8 L1", "P16 L0 14 12 10 L1", "P18 L0 16 14 12 L1",
                "P20 L0 18 16 14 L1", "P22 L0 20 18 16 L1"), p.toString());
    }
}
