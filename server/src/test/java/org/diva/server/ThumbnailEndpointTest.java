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
            assertPicture(s, "clip.mkv", 160, 120);   // the same in Matroska
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
        Files.write(media.resolve("blank.mp4"), withoutFrames(Files.readAllBytes(media.resolve("clip.mp4"))));
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            assertNoPicture(s, thumbnailPath(s, "blank.mp4"), "blank.mp4: ");
            assertNoPicture(s, thumbnailPath(s, "quiet.flac"), "quiet.flac: its tags hold no cover art");
            assertNoPicture(s, thumbnailPath(s, "notes.mp4"), "notes.mp4 could not be read: ");
            assertNoPicture(s, "/api/v1/items/999999/thumbnail", "no media item 999999");
            assertNoPicture(s, "/api/v1/items/x/thumbnail", "no media item x");
            String reason = new ObjectMapper().readTree(s.get(thumbnailPath(s, "blank.mp4")).body())
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

            // A real change (here: the photo's bytes under the MP4's name) is a new item version, pictured anew.
            Files.copy(media.resolve("photo.jpg"), clip, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(clip, FileTime.fromMillis(modified.toMillis() + 60_000));
            s.rescan();
            HttpResponse<byte[]> changed = s.get(path);
            assertEquals(200, changed.statusCode());
            assertTrue(!etag.equals(changed.headers().firstValue("ETag").orElseThrow()), "a new version, a new tag");
            assertTrue(!java.util.Arrays.equals(first.body(), changed.body()), "made again from the new bytes");

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

    @Test
    void photosComeScaledToEachDlnaJpegProfile() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        BufferedImage big = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < big.getHeight(); y++) {
            for (int x = 0; x < big.getWidth(); x++) {
                big.setRGB(x, y, (x * 255 / big.getWidth()) << 16 | (y * 255 / big.getHeight()) << 8 | 128);
            }
        }
        ImageIO.write(big, "jpeg", media.resolve("big.jpg").toFile());
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            String base = thumbnailPath(s, "big.jpg");
            assertSized(s, base, 160, 120);
            assertSized(s, base + "/JPEG_TN", 160, 120);
            assertSized(s, base + "/JPEG_SM", 640, 480);
            assertSized(s, base + "/JPEG_MED", 1024, 768);
            assertSized(s, base + "/JPEG_LRG", 1280, 960); // never enlarged

            HttpResponse<byte[]> dlna = s.get(base + "/JPEG_SM", "getcontentFeatures.dlna.org", "1");
            assertEquals("DLNA.ORG_PN=JPEG_SM;DLNA.ORG_OP=00;DLNA.ORG_CI=1",
                    dlna.headers().firstValue("contentFeatures.dlna.org").orElseThrow());
            String tn = s.get(base).headers().firstValue("ETag").orElseThrow();
            String sm = dlna.headers().firstValue("ETag").orElseThrow();
            assertTrue(!tn.equals(sm), "each size is its own resource: " + tn + " / " + sm);
            assertEquals(304, s.get(base + "/JPEG_SM", "If-None-Match", sm).statusCode());
            assertSized(s, base + "/JPEG_SM", 640, 480); // kept: served again from the store

            assertNoPicture(s, base + "/JPEG_XL", "no picture profile JPEG_XL; DiVA makes JPEG_LRG, JPEG_MED, "
                    + "JPEG_SM, JPEG_TN");
            assertNoPicture(s, "/api/v1/items/999999/thumbnail/JPEG_SM", "no media item 999999");
        }
    }

    /** The MP4 with every byte after its movie header zeroed: it probes as a video, but no frame decodes. */
    private static byte[] withoutFrames(byte[] mp4) {
        String text = new String(mp4, java.nio.charset.StandardCharsets.ISO_8859_1);
        int mdat = text.indexOf("mdat");
        assertTrue(mdat > text.indexOf("moov"), "clip.mp4 has its movie header first (faststart)");
        java.util.Arrays.fill(mp4, mdat + 4, mp4.length, (byte) 0);
        return mp4;
    }

    private static void assertSized(TestServer s, String path, int width, int height) throws Exception {
        HttpResponse<byte[]> response = s.get(path);
        assertEquals(200, response.statusCode(), path + ": " + new String(response.body()));
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertEquals(width + "x" + height, picture.getWidth() + "x" + picture.getHeight(), path);
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
