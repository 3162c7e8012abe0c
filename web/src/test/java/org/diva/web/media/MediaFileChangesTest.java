package org.diva.web.media;

import static org.diva.web.media.MediaEndpointTest.assertNoBody;
import static org.diva.web.media.MediaEndpointTest.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.diva.web.RawHttp;
import org.diva.web.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the catalogue says and what is on disk disagree: unknown ids, deleted, grown, shrunk and empty files. */
class MediaFileChangesTest {
    @TempDir
    static Path dir;
    static MediaServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new MediaServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void unknownIdIsAJsonNotFound() throws Exception {
        HttpResponse<byte[]> response = server.get("nope");

        assertEquals(404, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("application/json"));
        JsonNode error = Json.newMapper().readTree(response.body()).get("error");
        assertEquals(404, error.get("status").asInt());
        assertEquals("no media item nope", error.get("message").asText());
    }

    @Test
    void headOfUnknownIdIsNotFoundWithoutBody() throws Exception {
        RawHttp.Response response = server.raw("HEAD", "nope");

        assertTrue(response.statusLine().startsWith("HTTP/1.1 404"), response.statusLine());
        assertNoBody(response);
    }

    @Test
    void fileDeletedAfterCataloguingIsNotFoundWithAMessage() throws Exception {
        Path path = Files.write(dir.resolve("gone.mkv"), new byte[100]);
        server.add("gone", path, "video/x-matroska");
        Files.delete(path);

        HttpResponse<byte[]> response = server.get("gone");

        assertEquals(404, response.statusCode());
        String message = Json.newMapper().readTree(response.body()).get("error").get("message").asText();
        assertEquals("media item gone is no longer on disk; the next scan will remove it", message);
    }

    @Test
    void fileReplacedByADirectoryIsNotFound() throws Exception {
        Path path = Files.write(dir.resolve("odd.mkv"), new byte[100]);
        server.add("odd", path, "video/x-matroska");
        Files.delete(path);
        Files.createDirectory(path);

        HttpResponse<byte[]> response = server.get("odd");

        assertEquals(404, response.statusCode());
        assertTrue(new String(response.body()).contains("no longer a file"));
    }

    @Test
    void fileGrownSinceCataloguingIsServedAtItsCurrentSize() throws Exception {
        byte[] content = random(1500);
        Path path = Files.write(dir.resolve("recording.ts"), Arrays.copyOf(content, 1000));
        ServedFile catalogued = server.add("rec", path, "video/mp2t");
        Files.write(path, Arrays.copyOfRange(content, 1000, 1500), StandardOpenOption.APPEND);

        HttpResponse<byte[]> whole = server.get("rec");
        assertEquals(200, whole.statusCode());
        assertEquals("1500", header(whole, "Content-Length"));
        assertNotEquals(catalogued.etag(), header(whole, "ETag"));
        assertArrayEquals(content, whole.body());

        HttpResponse<byte[]> tail = server.get("rec", "Range", "bytes=1200-");
        assertEquals(206, tail.statusCode());
        assertEquals("bytes 1200-1499/1500", header(tail, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(content, 1200, 1500), tail.body());
    }

    @Test
    void fileShrunkSinceCataloguingIsServedAtItsCurrentSize() throws Exception {
        byte[] content = random(1000);
        Path path = Files.write(dir.resolve("cut.ts"), content);
        server.add("cut", path, "video/mp2t");
        Files.write(path, Arrays.copyOf(content, 400));

        HttpResponse<byte[]> response = server.get("cut");
        assertEquals("400", header(response, "Content-Length"));
        assertArrayEquals(Arrays.copyOf(content, 400), response.body());
        assertEquals(416, server.get("cut", "Range", "bytes=500-").statusCode());
    }

    @Test
    void emptyFileIsSentWhole() throws Exception {
        server.add("empty1", Files.createFile(dir.resolve("empty1.mp3")), "audio/mpeg");

        HttpResponse<byte[]> response = server.get("empty1");

        assertEquals(200, response.statusCode());
        assertEquals("0", header(response, "Content-Length"));
        assertEquals("audio/mpeg", header(response, "Content-Type"));
        assertEquals(0, response.body().length);
    }

    @Test
    void rangeOfAnEmptyFileIsNotSatisfiable() throws Exception {
        server.add("empty2", Files.createFile(dir.resolve("empty2.mp3")), "audio/mpeg");

        HttpResponse<byte[]> response = server.get("empty2", "Range", "bytes=0-");

        assertEquals(416, response.statusCode());
        assertEquals("bytes */0", header(response, "Content-Range"));
    }

    @Test
    void suffixRangeOfEmptyFileIsServedWhole() throws Exception {
        server.add("empty3", Files.createFile(dir.resolve("empty3.mp3")), "audio/mpeg");

        HttpResponse<byte[]> response = server.get("empty3", "Range", "bytes=-500");

        assertEquals(200, response.statusCode());
        assertEquals("0", header(response, "Content-Length"));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
