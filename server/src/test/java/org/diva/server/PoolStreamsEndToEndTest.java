package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converted streams of a neighbour's titles, end to end on two real servers in one pool: B shares a Matroska file
 * and an MPEG-2 transport stream; A asks the play decision for devices that need them converted and fetches the
 * URL it gets. A reads B's bytes through the swarm and converts them as it converts its own files: a remux to
 * MPEG-TS keeps every picture bit for bit, an MPEG-2 transcode for a user profile in A's data dir gives H.264 with
 * every picture, an MP4-only device gets a whole MP4 with its moov first; ffmpeg decodes all of them without errors.
 * A title the neighbour replaces is converted afresh: the stream key names the title's version.
 */
class PoolStreamsEndToEndTest {
    private static final Path TRANSCODE_MEDIA = Path.of("../transcode/src/test/resources/media").toAbsolutePath();

    @TempDir
    static Path tmp;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void start() throws Exception {
        Ffmpeg.assumeInstalled();
        Path mediaA = Files.createDirectories(tmp.resolve("a-media"));
        Files.copy(TestServer.FIXTURES.resolve("song.mp3"), mediaA.resolve("song.mp3"));
        Path shared = Files.createDirectories(tmp.resolve("b-media").resolve("shared"));
        Files.copy(TRANSCODE_MEDIA.resolve("mkv/h264-aac-subs.mkv"), shared.resolve("holiday.mkv"));
        Files.copy(TRANSCODE_MEDIA.resolve("mpegdemux/mpeg2_bframes_mp2.ts"), shared.resolve("news.ts"));
        Files.copy(TestServer.FIXTURES.resolve("clip.mkv"), shared.resolve("diary.mkv"));
        // made here rather than committed: it must span more than one swarm chunk (1 MiB), too big for a fixture
        Ffmpeg.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440", "-t", "4", "-c:v", "libx264", "-preset", "veryfast", "-b:v", "5M", "-minrate",
                "5M", "-maxrate", "5M", "-bufsize", "2M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                shared.resolve("concert.mkv").toString());
        Path profiles = Files.createDirectories(tmp.resolve("a-data").resolve("profiles"));
        Files.writeString(profiles.resolve("kitchen.yaml"), """
                id: kitchen-tv
                name: Kitchen TV
                plays:
                  containers: [mpegts]
                  video: [{codec: h264, profiles: [Main, Baseline, Constrained Baseline], maxWidth: 640, maxHeight: 480}]
                  audio: [{codec: mp2}]
                """);
        Files.writeString(profiles.resolve("tablet.yaml"), """
                id: mp4-tablet
                name: Tablet
                plays:
                  containers: [mp4]
                  video: [{codec: h264, profiles: [Main, High, Baseline, Constrained Baseline], maxWidth: 1920,
                           maxHeight: 1080}]
                  audio: [{codec: aac}, {codec: mp2}]
                """);
        a = TestServer.start(mediaA, tmp.resolve("a-data"), "--name", "Household A");
        b = TestServer.start(shared.getParent(), tmp.resolve("b-data"), "--name", "Household B",
                "--share", shared.toString(), "--upload-limit", "200000");
        a.postJson("/api/v1/pool", "{\"name\": \"Elm Street\"}");
        String code = a.postJson("/api/v1/pool/invites", "{}").get("code").asText();
        b.postJson("/api/v1/pool/join", "{\"code\": \"" + code + "\"}");
        a.awaitPoolMembersUp(2);
        b.awaitPoolMembersUp(2);
    }

    @AfterAll
    static void stop() throws Exception {
        for (TestServer s : new TestServer[] {b, a}) {
            if (s != null) {
                s.close();
            }
        }
    }

    /** The neighbour item id of B's title, found by searching the neighbourhood from A. */
    private static String neighbourItem(String query) throws Exception {
        JsonNode found = a.getJson("/api/v1/pool/items?query=" + query);
        assertEquals(1, found.get("items").size(), found.toString());
        String id = found.get("items").get(0).get("id").asText();
        assertTrue(id.startsWith("n-"), id);
        return id;
    }

    private static JsonNode plan(String id, String profile) throws Exception {
        return a.getJsonAnyStatus("/api/v1/items/" + id + "/playback?profile=" + profile);
    }

    private static String videoHashes(Path input) throws Exception {
        Ffmpeg.Result result = Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-i", input.toString(), "-map", "0:v:0",
                "-f", "framemd5", "-"));
        assertEquals(0, result.exit(), result.stderr());
        return result.stdout().lines().filter(l -> !l.startsWith("#")).map(l -> l.substring(l.lastIndexOf(',') + 1))
                .reduce("", (x, y) -> x + y.strip() + "\n");
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
    void aNeighboursMatroskaTitleIsRemuxedToMpegTsWithEveryPictureUnchanged() throws Exception {
        String id = neighbourItem("holiday");
        JsonNode plan = plan(id, "generic-dlna");
        assertEquals("remux", plan.get("mode").asText(), plan.toString());
        String url = plan.get("url").asText();
        assertEquals("/media/" + id + "/stream?profile=generic-dlna", url);
        HttpResponse<byte[]> first = a.get(url, "getcontentFeatures.dlna.org", "1");
        assertEquals(200, first.statusCode(), new String(first.body(), StandardCharsets.UTF_8));
        String features = first.headers().firstValue("contentFeatures.dlna.org").orElseThrow();
        assertTrue(features.contains("DLNA.ORG_CI=1"), features);
        Path ts = Files.write(tmp.resolve("holiday.ts"), first.body());
        assertEquals("", Ffmpeg.decodeErrors(ts));
        JsonNode probe = Ffmpeg.probe(ts);
        assertEquals("h264", stream(probe, "video").get("codec_name").asText());
        assertEquals("aac", stream(probe, "audio").get("codec_name").asText());
        String source = videoHashes(tmp.resolve("b-media/shared/holiday.mkv"));
        assertTrue(source.lines().count() > 10, source);
        assertEquals(source, videoHashes(ts), "every picture of the neighbour's title, bit for bit, in order");

        HttpResponse<byte[]> second = a.get(url);
        assertEquals(String.valueOf(first.body().length), second.headers().firstValue("Content-Length")
                .orElseThrow(), "the second viewer reads the stored stream, with its length");
        assertArrayEquals(first.body(), second.body());
    }

    @Test
    void aNeighboursTitleOfSeveralSwarmChunksIsRemuxedAcrossTheChunkBoundaries() throws Exception {
        Path source = tmp.resolve("b-media/shared/concert.mkv");
        assertTrue(Files.size(source) > 1_200_000, "the title spans more than one 1 MiB chunk: " + Files.size(source));
        String id = neighbourItem("concert");
        JsonNode plan = plan(id, "generic-dlna");
        assertEquals("remux", plan.get("mode").asText(), plan.toString());
        HttpResponse<byte[]> stream = a.get(plan.get("url").asText());
        assertEquals(200, stream.statusCode(), new String(stream.body(), StandardCharsets.UTF_8));
        Path ts = Files.write(tmp.resolve("concert.ts"), stream.body());
        assertEquals("", Ffmpeg.decodeErrors(ts));
        String pictures = videoHashes(source);
        assertEquals(100, pictures.lines().count(), pictures);
        assertEquals(pictures, videoHashes(ts), "every picture, including those past the first chunk");
    }

    @Test
    void aTitleTheNeighbourReplacedIsConvertedAfreshNotServedFromTheOldConversion() throws Exception {
        Path diary = tmp.resolve("b-media/shared/diary.mkv");
        String id = neighbourItem("diary");
        String url = plan(id, "generic-dlna").get("url").asText();
        HttpResponse<byte[]> before = a.get(url);
        assertEquals(200, before.statusCode(), new String(before.body(), StandardCharsets.UTF_8));
        String oldPictures = videoHashes(diary);
        assertEquals(oldPictures, videoHashes(Files.write(tmp.resolve("diary-before.ts"), before.body())));

        Files.copy(TRANSCODE_MEDIA.resolve("mkv/h264-aac-subs.mkv"), diary, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(diary, FileTime.from(Instant.now().plusSeconds(60)));
        b.rescan();
        assertEquals(id, neighbourItem("diary"), "the holder keeps the item's id for the changed file");
        String newPictures = videoHashes(diary);
        assertNotEquals(oldPictures, newPictures);
        HttpResponse<byte[]> after = a.get(url);
        assertEquals(200, after.statusCode(), new String(after.body(), StandardCharsets.UTF_8));
        assertEquals(newPictures, videoHashes(Files.write(tmp.resolve("diary-after.ts"), after.body())),
                "the stream is the new title's, not the stored conversion of the old one");
    }

    @Test
    void aNeighboursMpeg2TitleIsTranscodedToH264ForAUserProfileOnThisServer() throws Exception {
        String id = neighbourItem("news");
        JsonNode plan = plan(id, "kitchen-tv");
        assertEquals("transcode", plan.get("mode").asText(), plan.toString());
        HttpResponse<byte[]> whole = a.get(plan.get("url").asText());
        assertEquals(200, whole.statusCode(), new String(whole.body(), StandardCharsets.UTF_8));
        Path ts = Files.write(tmp.resolve("news-h264.ts"), whole.body());
        assertEquals("", Ffmpeg.decodeErrors(ts));
        JsonNode probe = Ffmpeg.probe(ts, "-count_frames");
        assertEquals("h264", stream(probe, "video").get("codec_name").asText());
        assertEquals("mp2", stream(probe, "audio").get("codec_name").asText());
        assertEquals(150, stream(probe, "video").get("nb_read_frames").asInt(), "every picture of the source");
        assertEquals(6.0, probe.get("format").get("duration").asDouble(), 0.2);
    }

    @Test
    void anMp4OnlyDeviceGetsTheNeighboursTitleAsAWholeMp4WithItsMoovFirst() throws Exception {
        String id = neighbourItem("holiday");
        JsonNode plan = plan(id, "mp4-tablet");
        assertEquals("remux", plan.get("mode").asText(), plan.toString());
        assertEquals("mp4", plan.get("target").get("container").asText(), plan.toString());
        HttpResponse<byte[]> mp4 = a.get(plan.get("url").asText());
        assertEquals(200, mp4.statusCode(), new String(mp4.body(), StandardCharsets.UTF_8));
        assertEquals("video/mp4", mp4.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(String.valueOf(mp4.body().length), mp4.headers().firstValue("Content-Length").orElseThrow());
        List<String> boxes = WholeFileStreamsTest.topLevelBoxes(mp4.body());
        assertEquals(List.of("ftyp", "moov"), boxes.subList(0, 2), boxes.toString());
        Path saved = Files.write(tmp.resolve("holiday.mp4"), mp4.body());
        assertEquals("", Ffmpeg.decodeErrors(saved));
        assertEquals(videoHashes(tmp.resolve("b-media/shared/holiday.mkv")), videoHashes(saved));
    }

    @Test
    void aStreamOfATitleTheNeighbourDoesNotShareIsNotFound() throws Exception {
        String id = neighbourItem("holiday");
        String missing = id.substring(0, id.lastIndexOf('-') + 1) + "999999";
        HttpResponse<byte[]> response = a.get("/media/" + missing + "/stream?profile=generic-dlna");
        assertEquals(404, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> direct = a.get("/media/" + id + "/stream?profile=mp4-tablet-none");
        assertEquals(404, direct.statusCode(), "an unknown profile is named: "
                + new String(direct.body(), StandardCharsets.UTF_8));
    }
}
