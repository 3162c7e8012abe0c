package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ffmpeg as the judge: the intra-only clips of media/avc-deblock (constant QP, every macroblock intra, so bS needs no
 * macroblock data) decoded by ffmpeg with its loop filter skipped, deblocked by us, must equal ffmpeg's normal
 * decoding sample for sample. QPs, filter offsets, chroma offsets and slice boundaries come from ffmpeg's own header
 * trace (the trace_headers bitstream filter), not from our parsers.
 */
class DeblockerFfmpegTest {
    private static final Pattern FIELD = Pattern.compile("\\]\\s+\\d+\\s+(\\w+)\\s+[01]+ = (-?\\d+)\\s*$");

    @TempDir
    Path tmp;

    /** One slice as the trace shows it. */
    private record TracedSlice(int firstMb, int qp, int idc, int alphaOffset, int betaOffset) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"intra-qp32.264", "intra-qp38-offsets.264"})
    void deblockingUnfilteredIntraPicturesMatchesFfmpeg(String name) throws IOException {
        Ffmpeg.assumeInstalled();
        Path clip = Fixtures.media("avc-deblock/" + name);
        JsonNode stream = Ffmpeg.probe(clip).get("streams").get(0);
        int width = stream.get("width").asInt();
        int height = stream.get("height").asInt();
        assertEquals(0, width % 16 + height % 16, "the test needs an uncropped picture");
        Map<String, Integer> pps = new HashMap<>();
        List<List<TracedSlice>> pictures = trace(clip, pps);
        Path raw = tmp.resolve("unfiltered.yuv");
        Path judged = tmp.resolve("filtered.yuv");
        Ffmpeg.ffmpeg("-threads", "1", "-skip_loop_filter", "all", "-i", clip.toString(), "-f", "rawvideo",
                "-pix_fmt", "yuv420p", raw.toString());
        Ffmpeg.ffmpeg("-threads", "1", "-i", clip.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p", judged.toString());
        byte[] before = Files.readAllBytes(raw);
        byte[] after = Files.readAllBytes(judged);
        int frameSize = width * height * 3 / 2;
        assertEquals(pictures.size() * frameSize, before.length);
        assertEquals(before.length, after.length);
        assertFalse(Arrays.equals(before, after), "ffmpeg's deblocking changed nothing: the test would prove nothing");

        int cbOffset = pps.get("chroma_qp_index_offset");
        Pps params = DeblockPictures.pps(cbOffset, pps.getOrDefault("second_chroma_qp_index_offset", cbOffset));
        Deblocker deblocker = new Deblocker();
        AvcPicture pic = new AvcPicture(width / 16, height / 16);
        for (int f = 0; f < pictures.size(); f++) {
            load(pic, pictures.get(f), 26 + pps.get("pic_init_qp_minus26"));
            int at = f * frameSize;
            System.arraycopy(before, at, pic.y, 0, pic.y.length);
            System.arraycopy(before, at + pic.y.length, pic.cb, 0, pic.cb.length);
            System.arraycopy(before, at + pic.y.length + pic.cb.length, pic.cr, 0, pic.cr.length);
            deblocker.filter(pic, id -> params);
            assertPlane(after, at, pic.y, width, "picture " + f + " luma");
            assertPlane(after, at + pic.y.length, pic.cb, width / 2, "picture " + f + " Cb");
            assertPlane(after, at + pic.y.length + pic.cb.length, pic.cr, width / 2, "picture " + f + " Cr");
        }
    }

    private static void load(AvcPicture pic, List<TracedSlice> slices, int picInitQp) {
        pic.clearMacroblockData();
        Arrays.fill(pic.kind, MbKind.INTRA | MbKind.I4X4);
        Arrays.fill(pic.refPic[0], -1);
        Arrays.fill(pic.refPic[1], -1);
        for (int s = 0; s < slices.size(); s++) {
            TracedSlice t = slices.get(s);
            int end = s + 1 < slices.size() ? slices.get(s + 1).firstMb() : pic.mbs();
            Arrays.fill(pic.sliceId, t.firstMb(), end, s);
            Arrays.fill(pic.qp, t.firstMb(), end, (byte) (picInitQp + t.qp()));
            pic.slices.add(DeblockPictures.header(t.firstMb(), t.idc(), t.alphaOffset(), t.betaOffset()));
        }
    }

    private static void assertPlane(byte[] expected, int at, byte[] actual, int stride, String what) {
        for (int i = 0; i < actual.length; i++) {
            if (expected[at + i] != actual[i]) {
                throw new AssertionError(what + ": first difference at (" + i % stride + ", " + i / stride + "): ffmpeg "
                        + (expected[at + i] & 0xFF) + ", ours " + (actual[i] & 0xFF));
            }
        }
    }

    /** Slices per picture (a picture starts at first_mb_in_slice 0), and the PPS fields, from ffmpeg's header trace. */
    private static List<List<TracedSlice>> trace(Path clip, Map<String, Integer> pps) throws IOException {
        Ffmpeg.Result result = Ffmpeg.run(List.of("ffmpeg", "-hide_banner", "-nostdin", "-i", clip.toString(),
                "-c", "copy", "-bsf:v", "trace_headers", "-f", "null", "-"));
        assertEquals(0, result.exit(), result.stderr());
        List<List<TracedSlice>> pictures = new ArrayList<>();
        Map<String, Integer> slice = null;
        for (String line : result.stderr().split("\n")) {
            Matcher m = FIELD.matcher(line);
            if (!m.find()) {
                continue;
            }
            String field = m.group(1);
            int value = Integer.parseInt(m.group(2));
            if (field.equals("first_mb_in_slice")) {
                finish(slice, pictures);
                slice = new HashMap<>();
            }
            if (slice != null && !field.contains("chroma_qp_index_offset") && !field.equals("pic_init_qp_minus26")) {
                slice.put(field, value);
            } else {
                pps.put(field, value);
            }
        }
        finish(slice, pictures);
        assertTrue(pictures.size() >= 2 && pps.containsKey("chroma_qp_index_offset"), "trace read: " + pictures);
        return pictures;
    }

    private static void finish(Map<String, Integer> slice, List<List<TracedSlice>> pictures) {
        if (slice == null) {
            return;
        }
        int first = slice.get("first_mb_in_slice");
        if (first == 0) {
            pictures.add(new ArrayList<>());
        }
        pictures.get(pictures.size() - 1).add(new TracedSlice(first, slice.get("slice_qp_delta"),
                slice.getOrDefault("disable_deblocking_filter_idc", 0),
                2 * slice.getOrDefault("slice_alpha_c0_offset_div2", 0),
                2 * slice.getOrDefault("slice_beta_offset_div2", 0)));
    }
}
