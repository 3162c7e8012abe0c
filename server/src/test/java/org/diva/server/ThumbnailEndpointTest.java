package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET/HEAD /api/v1/items/{id}/thumbnail on a real server over the committed library fixtures. */
class ThumbnailEndpointTest {
    @TempDir
    Path tmp;

    @Test
    void videosPhotosAndSongsHaveJpegThumbnails() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            assertPicture(s, "clip.mp4", 160, 120);   // 320x240 H.264
            assertPicture(s, "photo.jpg", 160, 120);  // as big as the box already
            assertPicture(s, "song.mp3", 64, 64);     // 64x64 cover art: never enlarged

            String thumbnail = thumbnailPath(s, "clip.mp4");
            HttpResponse<byte[]> head = s.head(thumbnail);
            assertEquals(200, head.statusCode());
            assertEquals("image/jpeg", head.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(s.get(thumbnail).body().length,
                    Long.parseLong(head.headers().firstValue("Content-Length").orElseThrow()));
            assertEquals(0, head.body().length);
        }
    }

    @Test
    void noThumbnailIsA404WithTheReason() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        Files.writeString(media.resolve("notes.mp4"), "a shopping list, not a film");
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            assertNoPicture(s, thumbnailPath(s, "clip.mkv"),
                    "clip.mkv: a Matroska/WebM video; DiVA cannot take frames from Matroska yet");
            assertNoPicture(s, thumbnailPath(s, "quiet.flac"), "quiet.flac: its tags hold no cover art");
            assertNoPicture(s, thumbnailPath(s, "notes.mp4"), "notes.mp4 could not be read: ");
            assertNoPicture(s, "/api/v1/items/999999/thumbnail", "no media item 999999");
            assertNoPicture(s, "/api/v1/items/x/thumbnail", "no media item x");
            String reason = new ObjectMapper().readTree(s.get(thumbnailPath(s, "clip.mkv")).body())
                    .get("error").get("message").asText();
            assertTrue(!reason.contains(media.toString()), "no absolute paths leave the server: " + reason);
        }
    }

    @Test
    void madeOnceKeptAndMadeAgainWhenTheFileChanges() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            String path = thumbnailPath(s, "clip.mp4");
            HttpResponse<byte[]> first = s.get(path);
            assertEquals(200, first.statusCode());
            String etag = first.headers().firstValue("ETag").orElseThrow();

            // Same size and time, other bytes: to the library the file is unchanged, so the stored picture is served;
            // made again, it would fail (the bytes are no video).
            Path clip = media.resolve("clip.mp4");
            FileTime modified = Files.getLastModifiedTime(clip);
            Files.write(clip, new byte[(int) Files.size(clip)]);
            Files.setLastModifiedTime(clip, modified);
            s.rescan();
            HttpResponse<byte[]> second = s.get(path);
            assertEquals(200, second.statusCode());
            assertArrayEquals(first.body(), second.body());
            assertEquals(etag, second.headers().firstValue("ETag").orElseThrow());
            assertEquals(304, s.get(path, "If-None-Match", etag).statusCode());

            // A real change (here: the Matroska clip's bytes under the MP4's name) is a new item version.
            Files.copy(media.resolve("clip.mkv"), clip, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(clip, FileTime.fromMillis(modified.toMillis() + 60_000));
            s.rescan();
            assertNoPicture(s, path, "clip.mp4: a Matroska/WebM video");

            Files.copy(TestServer.FIXTURES.resolve("clip.mp4"), clip, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(clip, FileTime.fromMillis(modified.toMillis() + 120_000));
            s.rescan();
            HttpResponse<byte[]> again = s.get(path);
            assertEquals(200, again.statusCode());
            assertTrue(!etag.equals(again.headers().firstValue("ETag").orElseThrow()), "a new version, a new tag");
        }
    }

    @Test
    void manyRequestsAtOnceMakeFewPicturesAtOnce() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        for (int i = 0; i < 6; i++) {
            Files.copy(media.resolve("clip.mp4"), media.resolve("copy" + i + ".mp4"));
        }
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            List<String> paths = new ArrayList<>();
            for (JsonNode item : s.items()) {
                paths.add("/api/v1/items/" + item.get("id").asLong() + "/thumbnail");
            }
            ExecutorService clients = Executors.newFixedThreadPool(32);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int round = 0; round < 10; round++) {
                    for (String path : paths) {
                        statuses.add(clients.submit(() -> s.get(path).statusCode()));
                    }
                }
                for (Future<Integer> status : statuses) {
                    int code = status.get();
                    assertTrue(code == 200 || code == 404, "status " + code);
                }
            } finally {
                clients.shutdownNow();
            }
            long makers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("thumbnail-")).count();
            assertTrue(makers <= 2, makers + " threads made pictures");
            assertPicture(s, "copy5.mp4", 160, 120);
        }
    }

    private static String thumbnailPath(TestServer s, String fileName) throws Exception {
        return "/api/v1/items/" + s.itemByFileName(fileName).get("id").asLong() + "/thumbnail";
    }

    private static void assertPicture(TestServer s, String fileName, int width, int height) throws Exception {
        HttpResponse<byte[]> response = s.get(thumbnailPath(s, fileName));
        assertEquals(200, response.statusCode(), fileName + ": " + new String(response.body()));
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertEquals(width + "x" + height, picture.getWidth() + "x" + picture.getHeight(), fileName);
    }

    private static void assertNoPicture(TestServer s, String path, String reason) throws Exception {
        HttpResponse<byte[]> response = s.get(path);
        assertEquals(404, response.statusCode(), path);
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        String message = new ObjectMapper().readTree(response.body()).get("error").get("message").asText();
        assertTrue(message.contains(reason), message);
    }
}
