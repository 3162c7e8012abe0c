package org.diva.transcode.remux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.demux.mp4.Mp4Demuxer;
import org.diva.transcode.mux.ts.TsMuxer;
import org.diva.transcode.mux.ts.TsSettings;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MP4 in, MPEG-TS out, judged by ffprobe (no warnings) and ffmpeg -xerror (no decode errors). */
class RemuxMp4ToTsTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        return Path.of("src/test/resources/media/mp4", name);
    }

    static RemuxResult remux(Path source, Path target, StreamChoice choice, long start, TsSettings settings)
            throws IOException {
        try (FileChannel in = FileChannel.open(source);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            return new Remuxer(choice).run(Mp4Demuxer.open(in), streams -> new TsMuxer(streams, out, settings),
                    start);
        }
    }

    /** ffprobe's complaints at -v warning while reading every packet. */
    static String warnings(Path file) throws IOException {
        Ffmpeg.Result r = Ffmpeg.run(List.of("ffprobe", "-v", "warning", "-show_packets", "-show_streams", "-of",
                "json", file.toString()));
        return r.exit() == 0 ? r.stderr().strip() : "exit " + r.exit() + ": " + r.stderr();
    }

    static void assertClean(Path ts) throws IOException {
        assertEquals("", warnings(ts), "ffprobe warnings");
        assertEquals("", Ffmpeg.decodeErrors(ts), "ffmpeg decode errors");
    }

    static double startTime(JsonNode probe, String type) {
        for (JsonNode s : probe.get("streams")) {
            if (s.get("codec_type").asText().equals(type)) {
                return s.get("start_time").asDouble();
            }
        }
        throw new AssertionError("no " + type + " stream");
    }

    static long packets(Path file, String selector) throws IOException {
        JsonNode p = Ffmpeg.probe(file, "-show_packets", "-select_streams", selector);
        return p.get("packets").size();
    }

    @ParameterizedTest
    @CsvSource({
        "h264_high_aac_moov_end.mp4, h264, aac",
        "h264_aac_gop.mp4, h264, aac",
        "fragmented_av_implicit.mp4, h264, aac",
        "h264_baseline.mov, h264, aac",
        "mpeg4_mp3.mp4, mpeg4, mp3",
        "mpeg2_mp2.mp4, mpeg2video, mp2",
        "hevc_main10.mp4, hevc, ",
        "ac3_eac3_51.mp4, , ac3",
        "tone_title.m4a, , aac",
    })
    void remuxedFileIsCleanAndKeepsEveryPacketAndTheSync(String name, String video, String audio) throws IOException {
        Ffmpeg.assumeInstalled();
        Path source = fixture(name);
        Path ts = dir.resolve(name + ".ts");
        RemuxResult result = remux(source, ts, StreamChoice.DEFAULT, 0, TsSettings.DEFAULT);
        assertEquals(RemuxResult.Outcome.COMPLETED, result.outcome());
        assertClean(ts);
        JsonNode in = Ffmpeg.probe(source);
        JsonNode out = Ffmpeg.probe(ts);
        assertEquals("mpegts", out.get("format").get("format_name").asText());
        List<String> codecs = new java.util.ArrayList<>();
        out.get("streams").forEach(s -> codecs.add(s.get("codec_name").asText()));
        List<String> expected = new java.util.ArrayList<>();
        Optional.ofNullable(video).ifPresent(expected::add);
        Optional.ofNullable(audio).ifPresent(expected::add);
        assertEquals(expected, codecs);
        if (video != null) {
            assertEquals(packets(source, "v:0"), packets(ts, "v:0"), "video packets");
        }
        if (audio != null) {
            assertEquals(packets(source, "a:0"), packets(ts, "a:0"), "audio packets");
        }
        if (video != null && audio != null) {
            Path reference = dir.resolve(name + ".ffmpeg.ts"); // ffmpeg's own remux: what sync TS should keep
            Ffmpeg.ffmpeg("-i", source.toString(), "-map", "0:v:0", "-map", "0:a:0", "-c", "copy", "-f", "mpegts",
                    reference.toString());
            JsonNode ref = Ffmpeg.probe(reference);
            double sourceSkew = startTime(ref, "audio") - startTime(ref, "video");
            double outSkew = startTime(out, "audio") - startTime(out, "video");
            assertEquals(sourceSkew, outSkew, 0.002, "A/V start difference");
        }
        double inDuration = in.get("format").get("duration").asDouble();
        double outDuration = out.get("format").get("duration").asDouble();
        assertEquals(inDuration, outDuration, 0.1, "duration");
        double start = out.get("format").get("start_time").asDouble();
        assertTrue(start >= 0 && start < 1.0, "starts near 0: " + start);
    }

    @Test
    void startingLaterBeginsAtTheKeyframeBeforeAndStaysInSync() throws IOException {
        Ffmpeg.assumeInstalled();
        Path ts = dir.resolve("late.ts");
        RemuxResult result = remux(fixture("h264_aac_gop.mp4"), ts, StreamChoice.DEFAULT, 90_000 * 3 / 2,
                TsSettings.DEFAULT);
        assertEquals(RemuxResult.Outcome.COMPLETED, result.outcome());
        assertEquals(90_000, result.start(), "the keyframe at 1 s");
        assertClean(ts);
        assertEquals(50, packets(ts, "v:0"), "pictures from 1 s to 3 s");
        JsonNode out = Ffmpeg.probe(ts);
        assertEquals(0, startTime(out, "audio") - startTime(out, "video"), 0.025, "A/V start difference");
        assertEquals(2.0, out.get("format").get("duration").asDouble(), 0.1);
    }

    @Test
    void chosenAudioByLanguage() throws IOException {
        Ffmpeg.assumeInstalled();
        Path ts = dir.resolve("fra.ts");
        remux(fixture("multilang.mp4"), ts, new StreamChoice(Optional.of("fra"), 0, true), 0, TsSettings.DEFAULT);
        assertClean(ts);
        JsonNode audio = Ffmpeg.probe(ts).get("streams").get(1);
        assertEquals("fra", audio.get("tags").get("language").asText());
        assertEquals(44100, audio.get("sample_rate").asInt());
    }

    @Test
    void eac3GoesOutWithItsAtscStreamType() throws IOException {
        Ffmpeg.assumeInstalled();
        Path ts = dir.resolve("eac3.ts");
        remux(fixture("ac3_eac3_51.mp4"), ts, new StreamChoice(Optional.empty(), 1, true), 0, TsSettings.DEFAULT);
        assertClean(ts);
        JsonNode audio = Ffmpeg.probe(ts).get("streams").get(0);
        assertEquals("eac3", audio.get("codec_name").asText());
        assertEquals(6, audio.get("channels").asInt());
    }

    @Test
    void m2tsOutputHas192BytePacketsAndDecodes() throws IOException {
        Ffmpeg.assumeInstalled();
        Path ts = dir.resolve("out.m2ts");
        remux(fixture("h264_high_aac_moov_end.mp4"), ts, StreamChoice.DEFAULT, 0, TsSettings.DEFAULT.withM2ts(true));
        byte[] bytes = Files.readAllBytes(ts);
        assertEquals(0, bytes.length % 192);
        for (int i = 4; i < bytes.length; i += 192) {
            assertEquals(0x47, bytes[i] & 0xff, "sync byte at " + i);
        }
        assertClean(ts);
    }
}
