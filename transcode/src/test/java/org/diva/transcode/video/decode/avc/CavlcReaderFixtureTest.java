package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every slice of every CAVLC fixture parses to exactly its rbsp_stop_one_bit with all macroblocks of each picture,
 * and the macroblock types, partitions and QPs agree with what ffmpeg's decoder reports for the same file
 * ({@code -debug qp+mb_type}), picture by picture.
 */
class CavlcReaderFixtureTest {
    private static final Path MEDIA = Path.of("src/test/resources/media");

    @ParameterizedTest
    @CsvSource({"avc/cavlc-intra,12", "avc/cavlc-p,12", "avc/cavlc-nodeblock,12", "avc/cavlc-b-8x8,12",
            "avc/cavlc-slices,12", "avc-cavlc/cavlc-lowqp,6"})
    void everySliceParsesToItsEndAndMatchesFfmpeg(String path, int pictures) throws Exception {
        Path file = MEDIA.resolve(path + ".264");
        String name = file.getFileName().toString().replace(".264", "");
        CavlcSlices.Parsed parsed = CavlcSlices.parse(JcodecHeaders.slices(Files.readAllBytes(file)));
        assertEquals(pictures, parsed.grids().size(), "pictures");
        int[] c = parsed.kindCounts();
        switch (name) {
            case "cavlc-intra" -> assertTrue(c[0] > 0 && c[2] > 0, "I4x4 and I16x16 present");
            case "cavlc-p", "cavlc-slices" -> assertTrue(c[4] > 0, "P_Skip present");
            case "cavlc-b-8x8", "cavlc-lowqp" -> assertTrue(c[1] > 0 && c[5] > 0 && c[7] > 0,
                    "I8x8, B_Skip and inter 8x8 transform present: " + java.util.Arrays.toString(c));
            default -> { }
        }
        assertMatchesFfmpeg(file, parsed.grids());
    }

    @Test
    void baselineStreamsInContainersParseToTheirEnd(@TempDir Path tmp) throws Exception {
        Ffmpeg.assumeInstalled();
        int cavlc = 0;
        for (String source : List.of("mp4/h264_baseline.mov", "video/h264_slices.ts")) {
            Path annexB = tmp.resolve(source.replace('/', '_') + ".264");
            Ffmpeg.ffmpeg("-i", MEDIA.resolve(source).toString(), "-map", "0:v:0", "-c:v", "copy", "-bsf:v",
                    "h264_mp4toannexb", "-f", "h264", annexB.toString());
            List<JcodecHeaders.Slice> slices = JcodecHeaders.slices(Files.readAllBytes(annexB));
            if (slices.get(0).pps().cabac()) {
                continue; // CABAC streams are part 2's
            }
            CavlcSlices.Parsed parsed = CavlcSlices.parse(slices);
            assertMatchesFfmpeg(annexB, parsed.grids());
            cavlc++;
        }
        assertTrue(cavlc > 0, "no CAVLC stream among the container fixtures");
    }

    /** Each of our pictures (decoding order) must match a distinct picture of ffmpeg's report (output order). */
    static void assertMatchesFfmpeg(Path file, List<String> ours) throws IOException {
        Ffmpeg.assumeInstalled();
        List<String> theirs = ffmpegGrids(file, (int) ours.get(0).chars().filter(ch -> ch == '\n').count());
        assertEquals(ours.size(), theirs.size(), "pictures ffmpeg reports");
        List<String> left = new ArrayList<>(theirs);
        for (int i = 0; i < ours.size(); i++) {
            Pattern p = Pattern.compile(Pattern.quote(ours.get(i)).replace(".", "\\E.\\Q"));
            boolean found = left.removeIf(new java.util.function.Predicate<>() {
                boolean done;

                @Override
                public boolean test(String g) {
                    if (!done && p.matcher(g).matches()) {
                        done = true;
                        return true;
                    }
                    return false;
                }
            });
            assertTrue(found, "picture " + i + " in decoding order matches none of ffmpeg's; ours:\n" + ours.get(i)
                    + "\nffmpeg's first unmatched:\n" + (left.isEmpty() ? "" : left.get(0)));
        }
    }

    /** The macroblock grids ffmpeg prints with -debug qp+mb_type: 5 characters per macroblock, last one dropped. */
    static List<String> ffmpegGrids(Path file, int rows) throws IOException {
        Ffmpeg.Result r = Ffmpeg.run(List.of("ffmpeg", "-nostdin", "-hide_banner", "-threads", "1", "-debug",
                "qp+mb_type", "-i", file.toString(), "-f", "null", "-"));
        assertEquals(0, r.exit(), r.stderr());
        List<String> grids = new ArrayList<>();
        StringBuilder cur = null;
        int pending = 0;
        // stream probing decodes some pictures first: only what is decoded after the stream mapping counts
        boolean started = false;
        for (String line : r.stderr().split("\n")) {
            started |= line.startsWith("Stream mapping:");
            if (!started) {
                continue;
            }
            if (line.contains("New frame, type:")) {
                cur = new StringBuilder();
                pending = rows;
                continue;
            }
            int at = line.indexOf("] ");
            if (pending == 0 || !line.startsWith("[h264 @") || at < 0) {
                continue;
            }
            String cells = line.substring(at + 2);
            for (int i = 0; i + 4 <= cells.length(); i += 5) {
                cur.append(cells, i, i + 4);
            }
            cur.append('\n');
            if (--pending == 0) {
                grids.add(cur.toString());
            }
        }
        return grids;
    }
}
