package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The header parsers on the H.264 of the container fixtures (other encoders' settings, VUI with timing and HRD,
 * larger pictures), with the elementary stream copied out by ffmpeg and the result judged by ffprobe.
 */
class AvcHeaderContainersTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"mp4/h264_aac_gop.mp4", "mp4/h264_baseline.mov", "mp4/h264_high_aac_faststart.mp4",
            "mkv/h264-aac-subs.mkv", "mkv/h264-bframes-nocues.mkv", "mpegdemux/h264_ac3.m2ts",
            "mpegdemux/h264_bframes_aac.ts"})
    void headersMatchFfprobe(String fixture) throws IOException, URISyntaxException {
        Ffmpeg.assumeInstalled();
        Path source = Path.of(getClass().getResource("/media/" + fixture).toURI());
        Path raw = tmp.resolve("video.264");
        Ffmpeg.ffmpeg("-i", source.toString(), "-map", "0:v:0", "-c:v", "copy", "-bsf:v", "h264_mp4toannexb",
                "-f", "h264", raw.toString());
        JsonNode probe = Ffmpeg.probe(raw, "-show_frames");
        JsonNode stream = probe.get("streams").get(0);
        List<HeaderWalk.Picture> pictures = HeaderWalk.pictures(Files.readAllBytes(raw));
        Sps sps = pictures.get(0).sps();
        assertEquals(stream.get("width").asInt(), sps.width(), "width");
        assertEquals(stream.get("height").asInt(), sps.height(), "height");
        assertEquals(stream.get("has_b_frames").asInt(), sps.maxNumReorderFrames(), "has_b_frames");
        List<JsonNode> frames = new ArrayList<>();
        probe.get("frames").forEach(frames::add);
        frames.sort(Comparator.comparingLong(f -> f.get("pkt_pos").asLong()));
        assertEquals(frames.size(), pictures.size(), "pictures");
        for (int i = 0; i < pictures.size(); i++) {
            SliceHeader h = pictures.get(i).first();
            assertEquals(frames.get(i).get("pict_type").asText(), String.valueOf("PBI".charAt(h.sliceType())),
                    "picture " + i);
            assertEquals(frames.get(i).get("key_frame").asInt() == 1, h.idr(), "key frame " + i);
        }
    }
}
