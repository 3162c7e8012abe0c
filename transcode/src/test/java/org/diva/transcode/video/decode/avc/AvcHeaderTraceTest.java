package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every slice header field, and the bit where slice data starts, against ffmpeg's own header parser (the
 * trace_headers bitstream filter prints each syntax element with its bit position in the RBSP, NAL header included).
 */
class AvcHeaderTraceTest {
    private static final Pattern FIELD = Pattern.compile("\\] (\\d+)\\s+(\\S+)\\s+([01]+) = (-?\\d+)$");

    @TempDir
    Path tmp;

    /** One syntax element as ffmpeg read it. */
    record Field(int pos, String name, int bits, int value) {
    }

    static List<List<Field>> sliceTraces(Path file) throws IOException {
        Ffmpeg.Result result = Ffmpeg.run(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "verbose", "-i",
                file.toString(), "-c", "copy", "-bsf:v", "trace_headers", "-f", "null", "-"));
        assertEquals(0, result.exit(), result.stderr());
        List<List<Field>> slices = new ArrayList<>();
        List<Field> current = null;
        for (String line : result.stderr().split("\n")) {
            if (!line.contains("[trace_headers")) {
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (m.find()) {
                if (current != null) {
                    current.add(new Field(Integer.parseInt(m.group(1)), m.group(2), m.group(3).length(),
                            Integer.parseInt(m.group(4))));
                }
            } else {
                current = line.endsWith("Slice Header") ? new ArrayList<>() : null;
                if (current != null) {
                    slices.add(current);
                }
            }
        }
        return slices;
    }

    static List<String> fixtures() {
        return HeaderWalk.NAMES;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everySliceHeaderFieldIsFfmpegs(String name) throws IOException {
        Ffmpeg.assumeInstalled();
        compare(HeaderWalk.path(name));
    }

    /** x264 with NAL HRD parameters in the VUI (skipped on the way to bitstream_restriction). */
    @Test
    void streamWithHrdParameters() throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = tmp.resolve("hrd.264");
        Ffmpeg.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-frames:v", "8", "-c:v", "libx264",
                "-x264-params", "nal-hrd=vbr:vbv-maxrate=500:vbv-bufsize=1000:bframes=2", "-f", "h264",
                file.toString());
        compare(file);
        Sps sps = HeaderWalk.pictures(Files.readAllBytes(file)).get(0).sps();
        assertEquals(2, sps.maxNumReorderFrames());
    }

    private static void compare(Path file) throws IOException {
        List<List<Field>> traces = sliceTraces(file);
        List<HeaderWalk.Slice> slices = new ArrayList<>();
        HeaderWalk.pictures(Files.readAllBytes(file)).forEach(p -> slices.addAll(p.slices()));
        assertEquals(traces.size(), slices.size(), "slices");
        for (int i = 0; i < slices.size(); i++) {
            List<Field> t = traces.get(i);
            SliceHeader h = slices.get(i).start().header();
            Pps pps = slices.get(i).pps();
            String at = file.getFileName() + " slice " + i + ": ";
            assertEquals(value(t, "first_mb_in_slice", 0), h.firstMbInSlice(), at + "first_mb_in_slice");
            assertEquals(value(t, "slice_type", 0) % 5, h.sliceType(), at + "slice_type");
            assertEquals(value(t, "frame_num", 0), h.frameNum(), at + "frame_num");
            assertEquals(value(t, "idr_pic_id", 0), h.idrPicId(), at + "idr_pic_id");
            assertEquals(value(t, "pic_order_cnt_lsb", 0), h.pocLsb(), at + "pic_order_cnt_lsb");
            assertEquals(value(t, "direct_spatial_mv_pred_flag", 0) == 1, h.directSpatialMvPred(), at + "direct");
            assertEquals(value(t, "num_ref_idx_l0_active_minus1", pps.numRefIdxL0Default() - 1) + 1,
                    h.isI() ? pps.numRefIdxL0Default() : h.numRefIdxActive()[0], at + "num_ref_idx_l0");
            if (h.isB()) {
                assertEquals(value(t, "num_ref_idx_l1_active_minus1", pps.numRefIdxL1Default() - 1) + 1,
                        h.numRefIdxActive()[1], at + "num_ref_idx_l1");
            }
            assertEquals(value(t, "cabac_init_idc", 0), h.cabacInitIdc(), at + "cabac_init_idc");
            assertEquals(pps.picInitQp() + value(t, "slice_qp_delta", 0), h.sliceQp(), at + "QP");
            assertEquals(value(t, "disable_deblocking_filter_idc", 0), h.disableDeblockingFilterIdc(), at + "dbf");
            assertEquals(2 * value(t, "slice_alpha_c0_offset_div2", 0), h.alphaC0Offset(), at + "alpha");
            assertEquals(2 * value(t, "slice_beta_offset_div2", 0), h.betaOffset(), at + "beta");
            List<Integer> mods = new ArrayList<>();
            for (Field f : t) {
                if ((f.name().equals("modification_of_pic_nums_idc") && f.value() != 3)
                        || f.name().equals("abs_diff_pic_num_minus1") || f.name().equals("long_term_pic_num")) {
                    mods.add(f.value());
                }
            }
            List<Integer> ours = new ArrayList<>();
            h.modifications().forEach(list -> list.forEach(op -> {
                ours.add(op[0]);
                ours.add(op[1]);
            }));
            assertEquals(mods, ours, at + "ref_pic_list_modification");
            List<Integer> mmco = t.stream().filter(f -> f.name().startsWith("memory_management_control_operation"))
                    .map(Field::value).filter(v -> v != 0).toList();
            assertEquals(mmco, h.marking().map(m -> m.operations().stream().map(op -> op[0]).toList())
                    .orElse(List.of()), at + "MMCO");
            h.weights().ifPresent(w -> {
                for (int r = 0; r < w.lumaWeight()[0].length; r++) {
                    assertEquals(value(t, "luma_weight_l0[" + r + "]", 1 << w.lumaLog2Denom()), w.lumaWeight()[0][r]);
                    assertEquals(value(t, "luma_offset_l0[" + r + "]", 0), w.lumaOffset()[0][r]);
                }
            });
            int end = t.stream().filter(f -> !f.name().equals("cabac_alignment_one_bit"))
                    .mapToInt(f -> f.pos() + f.bits()).max().orElseThrow();
            assertEquals(end, 8 + slices.get(i).start().dataBitOffset(), at + "slice data offset");
        }
        assertTrue(slices.size() >= 8);
    }

    private static int value(List<Field> fields, String name, int absent) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return absent;
    }
}
