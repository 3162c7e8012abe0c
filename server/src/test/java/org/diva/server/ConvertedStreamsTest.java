package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converted streams end to end on a real server: the playback decision's URL serves MPEG-TS that ffmpeg decodes
 * without errors (a Matroska remux, an MPEG-2 transcode to H.264), a second viewer gets the stored result, DLNA time
 * seeks start at a keyframe, two viewers at once get the same bytes, a viewer that hangs up costs nothing, and
 * what cannot or need not be converted is refused with the reason.
 */
class ConvertedStreamsTest {
    private static final Path TRANSCODE_MEDIA = Path.of("../transcode/src/test/resources/media").toAbsolutePath();

    @TempDir
    static Path tmp;
    private static TestServer s;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        Ffmpeg.assumeInstalled();
        Path media = Files.createDirectories(tmp.resolve("media"));
        Files.copy(TRANSCODE_MEDIA.resolve("mkv/h264-aac-subs.mkv"), media.resolve("clip.mkv"));
        Files.copy(TRANSCODE_MEDIA.resolve("mpegdemux/mpeg2_bframes_mp2.ts"), media.resolve("dvb.ts"));
        Files.copy(TRANSCODE_MEDIA.resolve("mpegdemux/mpeg2_bframes_mp2.ts"), media.resolve("dvb-copy.ts"));
        Files.copy(TRANSCODE_MEDIA.resolve("video/h264_10bit.ts"), media.resolve("deep.ts"));
        Files.copy(TRANSCODE_MEDIA.resolve("mp4/h264_aac_gop.mp4"), media.resolve("plain.mp4"));
        Path profiles = Files.createDirectories(tmp.resolve("data").resolve("profiles"));
        Files.writeString(profiles.resolve("kitchen.yaml"), """
                id: kitchen-tv
                name: Kitchen TV
                plays:
                  containers: [mpegts]
                  video: [{codec: h264, profiles: [Main, Baseline, Constrained Baseline], maxWidth: 640, maxHeight: 480}]
                  audio: [{codec: mp2}]
                """);
        s = TestServer.start(media, tmp.resolve("data"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (s != null) {
            s.close();
        }
    }

    private static JsonNode playback(String file, String profile) throws Exception {
        long id = s.itemByFileName(file).get("id").asLong();
        return s.getJsonAnyStatus("/api/v1/items/" + id + "/playback?profile=" + profile);
    }

    private static Path save(String name, byte[] body) throws Exception {
        return Files.write(tmp.resolve(name), body);
    }

    private static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode stream : probe.get("streams")) {
            if (stream.get("codec_type").asText().equals(type)) {
                return stream;
            }
        }
        throw new AssertionError("no " + type + " stream: " + probe);
    }

    @Test
    void aMatroskaFileIsRemuxedForATvWithoutMatroskaAndTheSecondViewerGetsTheStoredStream() throws Exception {
        JsonNode plan = playback("clip.mkv", "generic-dlna");
        assertEquals("remux", plan.get("mode").asText(), plan.toString());
        String url = plan.get("url").asText();
        HttpResponse<byte[]> first = s.get(url, "getcontentFeatures.dlna.org", "1");
        assertEquals(200, first.statusCode(), new String(first.body()));
        assertEquals("video/mpeg", first.headers().firstValue("Content-Type").orElseThrow().replace("video/mp2t",
                "video/mpeg"));
        String features = first.headers().firstValue("contentFeatures.dlna.org").orElseThrow();
        assertTrue(features.contains("DLNA.ORG_CI=1"), features);
        Path ts = save("clip.ts", first.body());
        assertEquals("", Ffmpeg.decodeErrors(ts));
        JsonNode probe = Ffmpeg.probe(ts);
        assertEquals("h264", stream(probe, "video").get("codec_name").asText());
        assertEquals("aac", stream(probe, "audio").get("codec_name").asText());

        HttpResponse<byte[]> second = s.get(url);
        assertEquals(String.valueOf(first.body().length), second.headers().firstValue("Content-Length")
                .orElseThrow(), "a finished stream is served with its length");
        assertArrayEquals(first.body(), second.body());
        HttpResponse<byte[]> tail = s.get(url, "Range", "bytes=1000-");
        assertEquals(206, tail.statusCode());
        assertEquals(first.body().length - 1000, tail.body().length);
    }

    @Test
    void mpeg2IsTranscodedToH264ForAnH264OnlyTvAndATimeSeekStartsAtAKeyframe() throws Exception {
        JsonNode plan = playback("dvb.ts", "kitchen-tv");
        assertEquals("transcode", plan.get("mode").asText(), plan.toString());
        HttpResponse<byte[]> whole = s.get(plan.get("url").asText());
        assertEquals(200, whole.statusCode(), new String(whole.body()));
        Path ts = save("dvb-sd.ts", whole.body());
        assertEquals("", Ffmpeg.decodeErrors(ts));
        JsonNode probe = Ffmpeg.probe(ts, "-count_frames");
        assertEquals("h264", stream(probe, "video").get("codec_name").asText());
        assertEquals(150, stream(probe, "video").get("nb_read_frames").asInt(), "every picture of the source");
        assertEquals(6.0, probe.get("format").get("duration").asDouble(), 0.2);

        HttpResponse<byte[]> sought = s.get(plan.get("url").asText(), "TimeSeekRange.dlna.org", "npt=3.1-");
        assertEquals(200, sought.statusCode(), new String(sought.body()));
        String answer = sought.headers().firstValue("TimeSeekRange.dlna.org").orElseThrow();
        double landed = Double.parseDouble(answer.substring(4, answer.indexOf('-')));
        assertTrue(landed <= 3.1 + 1.44 && landed > 1.44, "landed at " + answer);
        Path tail = save("dvb-sd-tail.ts", sought.body());
        assertEquals("", Ffmpeg.decodeErrors(tail));
        assertTrue(sought.body().length < whole.body().length);
    }

    @Test
    void twoViewersAtOnceGetTheSameBytesAndOneThatHangsUpCostsNothing() throws Exception {
        String url = playback("dvb-copy.ts", "kitchen-tv").get("url").asText();
        HttpRequest request = HttpRequest.newBuilder(s.uri(url)).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<InputStream> leaver = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<HttpResponse<byte[]>> a = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<HttpResponse<byte[]>> b = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try (InputStream body = leaver.body()) {
            body.readNBytes(188 * 10);
        }
        byte[] one = a.get().body();
        byte[] two = b.get().body();
        assertTrue(one.length > 100_000, "a whole stream: " + one.length);
        assertArrayEquals(one, two);
        assertEquals("", Ffmpeg.decodeErrors(save("dvb-copy-sd.ts", one)));
    }

    @Test
    void aTvThatNeedsAContentLengthGetsOneForAStreamStillBeingMade() throws Exception {
        JsonNode plan = playback("clip.mkv", "sd-tv");
        assertTrue(plan.has("url") && plan.get("url").asText().contains("/stream"), plan.toString());
        HttpResponse<byte[]> response = s.get(plan.get("url").asText());
        assertEquals(200, response.statusCode(), new String(response.body()));
        long length = Long.parseLong(response.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(length, response.body().length);
        assertEquals(0, length % 188, "whole TS packets");
        assertEquals("", Ffmpeg.decodeErrors(save("clip-sd.ts", response.body())));
    }

    @Test
    void whatCannotOrNeedNotBeConvertedIsRefusedWithTheReason() throws Exception {
        long deep = s.itemByFileName("deep.ts").get("id").asLong();
        HttpResponse<byte[]> unsupported = s.get("/media/" + deep + "/stream?profile=sd-tv");
        assertEquals(415, unsupported.statusCode());
        assertTrue(new String(unsupported.body()).contains("10-bit"), new String(unsupported.body()));

        long plain = s.itemByFileName("plain.mp4").get("id").asLong();
        JsonNode direct = playback("plain.mp4", "generic-dlna");
        assertEquals("direct", direct.get("mode").asText(), direct.toString());
        HttpResponse<byte[]> asItIs = s.get("/media/" + plain + "/stream?profile=generic-dlna");
        assertEquals(409, asItIs.statusCode());
        assertTrue(new String(asItIs.body()).contains("/media/" + plain), new String(asItIs.body()));

        for (String path : List.of("/media/" + plain + "/stream?profile=no-such-tv", "/media/99999/stream",
                "/media/abc/stream")) {
            assertEquals(404, s.get(path).statusCode(), path);
        }
    }
}
