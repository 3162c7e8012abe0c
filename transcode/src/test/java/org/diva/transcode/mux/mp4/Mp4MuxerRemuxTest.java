package org.diva.transcode.mux.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Remuxes real files through DiVA's demuxers into {@link Mp4Muxer} and lets ffmpeg judge: the streams are found
 * with their codec and format, every picture decodes to the same bytes in the same order (B-frames included: that
 * is what ctts and the edit list are for), the length and the audio's start relative to the video are the
 * source's, and all of it still holds after {@link Mp4Faststart} has moved the movie box to the front.
 */
class Mp4MuxerRemuxTest {
    private static final Path MEDIA = Path.of("src/test/resources/media");

    @TempDir
    Path dir;

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of("mp4/h264_aac_gop.mp4", "mp4", "aac"),
                Arguments.of("mp4/h264_high_aac_moov_end.mp4", "mp4", "aac"),
                Arguments.of("mkv/h264-aac-subs.mkv", "matroska", "aac"),
                Arguments.of("mkv/h264-bframes-nocues.mkv", "matroska", "aac"),
                Arguments.of("ts/h264_aac_2tracks.ts", "mpegts", "aac"),
                Arguments.of("ts/h264_ac3_51.ts", "mpegts", "ac3"),
                Arguments.of("ts/h264_ac3.m2ts", "m2ts", "ac3"),
                Arguments.of("mpegdemux/h264_bframes_aac.ts", "mpegts", "aac"),
                Arguments.of("mp4mux/h264_mp3.ts", "mpegts", "mp3"),
                // ffprobe names MPEG-1 audio in MP4 (ObjectTypeIndication 0x6B) mp3 whatever its layer, in ffmpeg's
                // own -c copy output of this file too; the audio hashes (by the mp2 decoder) show the frames intact.
                Arguments.of("mp4mux/h264_mp2.ts", "mpegts", "mp3"),
                Arguments.of("ps/h264_mp2.mpg", "mpegps", "mp3"),
                Arguments.of("video/h264_high_bframes.ts", "mpegts", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void remuxedFileIsTheSourceInMp4(String name, String container, String audioCodec) throws IOException {
        Ffmpeg.assumeInstalled();
        Path source = MEDIA.resolve(name);
        Path mp4 = Mp4Remux.remux(source, container, dir.resolve("out.mp4"));
        List<String> boxes = Mp4Remux.topLevel(mp4);
        assertEquals("ftyp", boxes.get(0), () -> "boxes " + boxes);
        assertEquals("moov", boxes.get(boxes.size() - 1), () -> "boxes " + boxes);
        assertTrue(boxes.subList(1, boxes.size() - 1).stream().allMatch("mdat"::equals), () -> "boxes " + boxes);
        judge(source, mp4, audioCodec);

        Path fast = Mp4Remux.faststart(mp4, dir.resolve("fast.mp4"));
        List<String> fastBoxes = Mp4Remux.topLevel(fast);
        assertEquals(List.of("ftyp", "moov"), fastBoxes.subList(0, 2), () -> "boxes " + fastBoxes);
        judge(source, fast, audioCodec);
    }

    private static void judge(Path source, Path mp4, String audioCodec) throws IOException {
        assertEquals("", Ffmpeg.decodeErrors(mp4));
        JsonNode src = Ffmpeg.probe(source);
        JsonNode out = Ffmpeg.probe(mp4);
        JsonNode srcVideo = first(src, "video");
        JsonNode outVideo = first(out, "video");
        assertEquals("h264", outVideo.path("codec_name").asText());
        assertEquals(srcVideo.path("width").asInt(), outVideo.path("width").asInt());
        assertEquals(srcVideo.path("height").asInt(), outVideo.path("height").asInt());
        assertEquals(srcVideo.path("profile").asText(), outVideo.path("profile").asText());
        assertEquals(Mp4Remux.videoFrameHashes(source), Mp4Remux.videoFrameHashes(mp4), "decoded pictures");
        assertEquals(Mp4Remux.videoFrameTimes(source), Mp4Remux.videoFrameTimes(mp4), "presentation times");
        double frame = 1 / rate(srcVideo.path("avg_frame_rate").asText());
        assertEquals(Mp4Remux.decodedSpan(source), out.path("format").path("duration").asDouble(), frame, "duration");
        if (audioCodec.isEmpty()) {
            assertEquals(1, out.path("streams").size());
            return;
        }
        JsonNode srcAudio = first(src, "audio");
        JsonNode outAudio = first(out, "audio");
        assertEquals(audioCodec, outAudio.path("codec_name").asText());
        assertEquals(srcAudio.path("channels").asInt(), outAudio.path("channels").asInt());
        assertEquals(srcAudio.path("sample_rate").asInt(), outAudio.path("sample_rate").asInt());
        String decoder = srcAudio.path("codec_name").asText();
        assertEquals(Mp4Remux.audioFrameHashes(source, decoder), Mp4Remux.audioFrameHashes(mp4, decoder),
                "decoded audio");
        double srcLead = srcVideo.path("start_time").asDouble() - srcAudio.path("start_time").asDouble();
        double outLead = outVideo.path("start_time").asDouble() - outAudio.path("start_time").asDouble();
        assertEquals(srcLead, outLead, 0.0015, "video start relative to audio (A/V sync)");
    }

    private static JsonNode first(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) {
            if (type.equals(s.path("codec_type").asText())) {
                return s;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }
}
