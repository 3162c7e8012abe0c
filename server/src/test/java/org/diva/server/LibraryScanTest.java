package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryScanTest {
    @TempDir
    Path tmp;

    @Test
    void catalogues_every_kind_with_its_metadata() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            JsonNode mp4 = s.itemByFileName("clip.mp4");
            assertEquals("ok", mp4.get("status").asText(), mp4.toString());
            assertEquals("video", mp4.get("kind").asText());
            assertEquals("Test Pattern", mp4.get("title").asText());
            assertEquals("mp4", mp4.get("container").asText());
            assertEquals("video/mp4", mp4.get("mimeType").asText());
            JsonNode video = mp4.get("video").get(0);
            assertEquals("h264", video.get("codec").asText());
            assertEquals("High", video.get("profile").asText());
            assertEquals(320, video.get("width").asInt());
            assertEquals(240, video.get("height").asInt());
            assertEquals(25.0, video.get("frameRate").asDouble(), 0.01);
            assertEquals("aac", mp4.get("audio").get(0).get("codec").asText());
            assertEquals(1000, mp4.get("durationMs").asLong(), 100);
            assertTrue(mp4.get("bitrate").asLong() > 0);

            JsonNode mkv = s.itemByFileName("clip.mkv");
            assertEquals("ok", mkv.get("status").asText(), mkv.toString());
            assertEquals("matroska", mkv.get("container").asText());
            assertEquals("fre", mkv.get("audio").get(0).get("language").asText());
            JsonNode subtitle = mkv.get("subtitles").get(0);
            assertEquals("srt", subtitle.get("format").asText());
            assertEquals("en", subtitle.get("language").asText());
            assertEquals("clip.en.srt", subtitle.get("external").asText());

            JsonNode song = s.itemByFileName("song.mp3");
            assertEquals("audio", song.get("kind").asText());
            assertEquals("Song & <Dance>", song.get("title").asText());
            JsonNode tags = song.get("tags");
            assertEquals("The Testers", tags.get("artist").asText());
            assertEquals("Fixtures", tags.get("album").asText());
            assertEquals(3, tags.get("track").asInt());
            assertEquals(2021, tags.get("year").asInt());
            assertEquals("Rock", tags.get("genre").asText());
            assertTrue(song.has("artworkUrl"), song.toString());
            var art = s.get(song.get("artworkUrl").asText());
            assertEquals(200, art.statusCode());
            assertEquals("image/jpeg", art.headers().firstValue("Content-Type").orElseThrow());

            JsonNode flac = s.itemByFileName("quiet.flac");
            assertEquals("flac", flac.get("audio").get(0).get("codec").asText());
            assertEquals(44100, flac.get("audio").get(0).get("sampleRate").asInt());

            JsonNode photo = s.itemByFileName("photo.jpg");
            assertEquals("photo", photo.get("kind").asText());
            assertEquals(160, photo.get("photo").get("width").asInt());
            assertEquals(120, photo.get("photo").get("height").asInt());

            assertFalse(s.items().toString().contains("clip.en.srt\",\"kind"), "subtitles are not items");
        }
    }

    @Test
    void bad_files_are_recorded_with_a_reason_and_never_stop_the_scan() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        Files.createFile(media.resolve("empty.mp4"));
        Files.writeString(media.resolve("notes.mkv"), "this is a shopping list, not a film");
        byte[] mp4 = Files.readAllBytes(media.resolve("clip.mp4"));
        Files.write(media.resolve("truncated.mp4"), java.util.Arrays.copyOf(mp4, 100));
        byte[] mkv = Files.readAllBytes(media.resolve("clip.mkv"));
        Files.write(media.resolve("really-mkv.mp4"), mkv); // mislabelled
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(media.resolve("random.ts"), garbage);
        Files.writeString(media.resolve("readme.txt"), "not media at all, and not catalogued");
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            assertEquals("failed", s.itemByFileName("empty.mp4").get("status").asText());
            assertTrue(s.itemByFileName("empty.mp4").get("failure").asText().contains("empty"));
            assertEquals("failed", s.itemByFileName("notes.mkv").get("status").asText());
            assertTrue(s.itemByFileName("notes.mkv").get("failure").asText().contains("not a media file"));
            JsonNode truncated = s.itemByFileName("truncated.mp4");
            assertEquals("failed", truncated.get("status").asText());
            assertFalse(truncated.get("failure").asText().isBlank());
            JsonNode mislabelled = s.itemByFileName("really-mkv.mp4");
            assertEquals("ok", mislabelled.get("status").asText(), mislabelled.toString());
            assertEquals("matroska", mislabelled.get("container").asText());
            assertEquals("failed", s.itemByFileName("random.ts").get("status").asText());
            assertFalse(s.items().toString().contains("readme.txt"));

            JsonNode status = s.getJson("/api/v1/status");
            assertEquals(4, status.get("library").get("failed").asInt(), "empty, notes, truncated, random");
            assertEquals(6, status.get("library").get("items").asInt());
            assertEquals(404, s.get("/media/" + s.itemByFileName("notes.mkv").get("id").asLong()).statusCode(),
                    "failed items are not served");
        }
    }

    @Test
    void odd_names_links_loops_and_unreadable_folders_are_handled() throws Exception {
        Path media = tmp.resolve("media");
        Path odd = media.resolve("Ünïcödé & <Friends> \"quoted\" 'x'");
        TestServer.copyFixtures(odd);
        Files.move(odd.resolve("clip.mp4"), odd.resolve("Café & <Crème> \"brûlée\" 日本.mp4"));
        Files.createSymbolicLink(odd.resolve("loop"), media); // a link back up the tree
        Files.createSymbolicLink(media.resolve("dangling.mp4"), tmp.resolve("nowhere.mp4"));
        Path locked = media.resolve("locked");
        TestServer.copyFixtures(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        boolean lockWorks = !Files.isReadable(locked);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            JsonNode odd1 = s.itemByFileName("Café & <Crème> \"brûlée\" 日本.mp4");
            assertEquals("ok", odd1.get("status").asText(), odd1.toString());
            assertEquals("Ünïcödé & <Friends> \"quoted\" 'x'", odd1.get("folder").asText());
            var bytes = s.get("/media/" + odd1.get("id").asLong()).body();
            assertEquals(Files.size(odd.resolve("Café & <Crème> \"brûlée\" 日本.mp4")), bytes.length);
            long clips = countNamed(s.items(), "clip.mkv");
            assertEquals(lockWorks ? 1 : 2, clips, "the loop is not followed twice, the locked folder is skipped");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void files_over_4_gib_are_catalogued_without_being_read_through() throws Exception {
        Path media = tmp.resolve("media");
        Files.createDirectories(media);
        Path big = media.resolve("big.mp4");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write(Files.readAllBytes(TestServer.FIXTURES.resolve("clip.mp4")));
            file.setLength(5L << 30); // sparse: 5 GiB that costs nothing on disk
        }
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            JsonNode item = s.itemByFileName("big.mp4");
            assertEquals(5L << 30, item.get("size").asLong());
            var head = s.get("/media/" + item.get("id").asLong(), "Range", "bytes=5368709110-");
            assertEquals(206, head.statusCode());
            assertEquals(10, head.body().length);
        }
    }

    @Test
    void rescan_touches_only_new_changed_and_removed_files() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            JsonNode before = s.itemByFileName("song.mp3");
            JsonNode photoBefore = s.itemByFileName("photo.jpg");
            Files.setLastModifiedTime(media.resolve("song.mp3"), FileTime.from(Instant.now().plusSeconds(5)));
            Files.delete(media.resolve("quiet.flac"));
            Files.copy(TestServer.FIXTURES.resolve("clip.mp4"), media.resolve("new.mp4"));
            s.rescan();
            JsonNode after = s.itemByFileName("song.mp3");
            assertEquals(before.get("id"), after.get("id"), "a changed file keeps its id");
            assertEquals(before.get("version").asInt() + 1, after.get("version").asInt());
            assertEquals(photoBefore.get("version"), s.itemByFileName("photo.jpg").get("version"),
                    "an unchanged file is not touched");
            assertEquals(0, countNamed(s.items(), "quiet.flac"));
            assertEquals(1, countNamed(s.items(), "new.mp4"));
        }
    }

    @Test
    void a_restart_keeps_the_catalogue_and_ids() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        long id;
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            id = s.itemByFileName("clip.mp4").get("id").asLong();
        }
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            assertEquals(id, s.itemByFileName("clip.mp4").get("id").asLong());
            assertEquals(1, s.itemByFileName("clip.mp4").get("version").asInt(), "nothing re-read on restart");
        }
    }

    @Test
    void a_folder_dropped_from_the_settings_loses_its_items() throws Exception {
        Path media = tmp.resolve("media");
        Path other = tmp.resolve("other");
        TestServer.copyFixtures(media);
        TestServer.copyFixtures(other);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"), "--media", other.toString())) {
            assertEquals(2, countNamed(s.items(), "clip.mp4"));
        }
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            assertEquals(1, countNamed(s.items(), "clip.mp4"));
        }
    }

    @Test
    void watching_picks_up_added_and_removed_files() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            Path sub = media.resolve("new folder");
            Files.createDirectories(sub);
            Files.copy(TestServer.FIXTURES.resolve("clip.mp4"), sub.resolve("arrived.mp4"));
            s.awaitItems(items -> countNamed(items, "arrived.mp4") == 1, java.time.Duration.ofSeconds(20));
            Files.delete(media.resolve("photo.jpg"));
            s.awaitItems(items -> countNamed(items, "photo.jpg") == 0, java.time.Duration.ofSeconds(20));
        }
    }

    @Test
    void every_request_is_attributed_to_a_client_device() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            long id = s.itemByFileName("clip.mp4").get("id").asLong();
            for (int i = 0; i < 3; i++) {
                assertEquals(206, s.get("/media/" + id, "User-Agent", "SEC_HHP_[TV] Samsung/1.0",
                        "Range", "bytes=0-99").statusCode());
            }
            s.get("/api/v1/status", "User-Agent", "Kodi/20.2", "X-AV-Client-Info",
                    "av=5.0; cn=\"Team Kodi\"; mn=\"Kodi\";");
            JsonNode devices = s.getJson("/api/v1/devices").get("devices");
            JsonNode samsung = null;
            JsonNode kodi = null;
            for (JsonNode device : devices) {
                switch (device.get("userAgent").asText()) {
                    case "SEC_HHP_[TV] Samsung/1.0" -> samsung = device;
                    case "Kodi/20.2" -> kodi = device;
                    default -> { }
                }
            }
            assertEquals(3, samsung.get("requests").asInt(), devices.toString());
            assertEquals("127.0.0.1", samsung.get("address").asText());
            assertTrue(kodi.get("avClientInfo").asText().contains("Team Kodi"), devices.toString());
        }
    }

    @Test
    void subtitle_files_beside_a_video_are_served_by_index_and_nothing_else_is() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            long mkv = s.itemByFileName("clip.mkv").get("id").asLong();
            HttpResponse<byte[]> srt = s.get("/media/" + mkv + "/subtitles/0");
            assertEquals(200, srt.statusCode());
            assertEquals("text/srt; charset=utf-8", srt.headers().firstValue("Content-Type").orElseThrow());
            assertArrayEquals(Files.readAllBytes(media.resolve("clip.en.srt")), srt.body());
            assertEquals(206, s.get("/media/" + mkv + "/subtitles/0", "Range", "bytes=0-9").statusCode());
            assertEquals(404, s.get("/media/" + mkv + "/subtitles/1").statusCode());
            assertEquals(404, s.get("/media/" + mkv + "/subtitles/-1").statusCode());
            int traversal = s.get("/media/" + mkv + "/subtitles/..%2Fclip.mp4").statusCode();
            assertTrue(traversal == 400 || traversal == 404, "a path is never an index, got " + traversal);
            long song = s.itemByFileName("song.mp3").get("id").asLong();
            assertEquals(404, s.get("/media/" + song + "/subtitles/0").statusCode(), "no subtitles for music");
        }
    }

    @Test
    void media_responses_carry_the_dlna_headers_renderers_ask_for() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            long song = s.itemByFileName("song.mp3").get("id").asLong();
            HttpResponse<byte[]> asked = s.get("/media/" + song, "getcontentFeatures.dlna.org", "1",
                    "transferMode.dlna.org", "Streaming");
            assertEquals(200, asked.statusCode());
            assertEquals("audio/mpeg", asked.headers().firstValue("Content-Type").orElseThrow());
            String features = asked.headers().firstValue("contentFeatures.dlna.org").orElseThrow();
            assertTrue(features.startsWith("DLNA.ORG_PN=MP3;DLNA.ORG_OP=01;"), features);
            assertEquals("Streaming", asked.headers().firstValue("transferMode.dlna.org").orElseThrow());
            assertTrue(s.get("/media/" + song).headers().firstValue("contentFeatures.dlna.org").isEmpty(),
                    "only when asked");
            HttpResponse<byte[]> timeSeek = s.get("/media/" + song, "TimeSeekRange.dlna.org", "npt=10.0-");
            assertEquals(406, timeSeek.statusCode(), "never a wrong answer to a time seek");
            assertTrue(new String(timeSeek.body()).contains("byte Range"));
            long photo = s.itemByFileName("photo.jpg").get("id").asLong();
            assertEquals(406, s.get("/media/" + photo, "transferMode.dlna.org", "Streaming").statusCode(),
                    "a photo is not a stream");
        }
    }

    @Test
    void items_are_filtered_paged_and_errors_are_json() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            JsonNode videos = s.getJson("/api/v1/items?kind=video");
            assertEquals(2, videos.get("total").asInt());
            JsonNode page = s.getJson("/api/v1/items?limit=2&offset=1");
            assertEquals(5, page.get("total").asInt());
            assertEquals(2, page.get("items").size());
            JsonNode search = s.getJson("/api/v1/items?q=testers");
            assertEquals(2, search.get("total").asInt(), "matches artist");
            assertEquals(0, s.getJson("/api/v1/items?q=%25").get("total").asInt(), "a % in the text is literal");
            JsonNode bad = s.getJsonAnyStatus("/api/v1/items?kind=films");
            assertEquals(400, bad.get("error").get("status").asInt());
            assertTrue(bad.get("error").get("message").asText().contains("kind"));
            assertEquals(404, s.get("/api/v1/items/999999").statusCode());
            assertEquals(404, s.get("/api/v1/items/../../etc/passwd").statusCode());
            int traversal = s.get("/media/..%2F..%2Fetc%2Fpasswd").statusCode();
            assertTrue(traversal == 400 || traversal == 404, "encoded slashes are refused, got " + traversal);
            assertEquals(404, s.get("/media/-1").statusCode());
            JsonNode status = s.getJson("/api/v1/status");
            assertEquals("Test DiVA", status.get("name").asText());
            assertTrue(status.get("url").asText().startsWith("http://"));
            assertFalse(status.get("library").get("scanning").asBoolean());
            assertFalse(status.get("version").asText().isBlank());
        }
    }

    private static long countNamed(JsonNode items, String fileName) {
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.get("fileName").asText()));
        return names.stream().filter(fileName::equals).count();
    }

    @Test
    void media_ranges_match_the_file_bytes() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            long id = s.itemByFileName("clip.mp4").get("id").asLong();
            byte[] file = Files.readAllBytes(media.resolve("clip.mp4"));
            var whole = s.get("/media/" + id);
            assertEquals(200, whole.statusCode());
            assertTrue(java.util.Arrays.equals(file, whole.body()));
            var range = s.get("/media/" + id, "Range", "bytes=100-199");
            assertEquals(206, range.statusCode());
            assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOfRange(file, 100, 200), range.body()));
            assertEquals(416, s.get("/media/" + id, "Range", "bytes=" + file.length + "-").statusCode());
            Assumptions.assumeTrue(whole.headers().firstValue("ETag").isPresent());
            assertEquals(304, s.get("/media/" + id, "If-None-Match",
                    whole.headers().firstValue("ETag").get()).statusCode());
        }
    }
}
