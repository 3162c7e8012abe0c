package org.diva.web.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files, single ranges, multipart ranges and unsatisfiable ranges, end to end over a real socket. */
class MediaEndpointTest {
    private static final int SIZE = 3 * 1024 * 1024 + 17;

    @TempDir
    static Path dir;
    static MediaServer server;
    static byte[] content;
    static ServedFile file;

    @BeforeAll
    static void start() throws Exception {
        content = new byte[SIZE];
        new Random(42).nextBytes(content);
        Path path = Files.write(dir.resolve("movie.mp4"), content);
        server = new MediaServer();
        file = server.add("m1", path, "video/mp4");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void getSendsTheWholeFileWithItsValidators() throws Exception {
        HttpResponse<byte[]> response = server.get("m1");

        assertEquals(200, response.statusCode());
        assertEquals(String.valueOf(SIZE), header(response, "Content-Length"));
        assertEquals("video/mp4", header(response, "Content-Type"));
        assertEquals("bytes", header(response, "Accept-Ranges"));
        assertEquals(file.etag(), header(response, "ETag"));
        long lastModified = ZonedDateTime.parse(header(response, "Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant().toEpochMilli();
        assertEquals(file.lastModifiedMillis() / 1000, lastModified / 1000);
        assertArrayEquals(content, response.body());
    }

    @Test
    void headSendsTheSameHeadersAndNoBody() throws Exception {
        HttpResponse<byte[]> get = server.get("m1");
        HttpResponse<byte[]> head = server.head("m1");

        assertEquals(200, head.statusCode());
        for (String name : List.of("Content-Length", "Content-Type", "Accept-Ranges", "ETag", "Last-Modified")) {
            assertEquals(header(get, name), header(head, name), name);
        }
        assertEquals(0, head.body().length);
    }

    @Test
    void singleRangeIsPartialContent() throws Exception {
        HttpResponse<byte[]> response = server.get("m1", "Range", "bytes=1000-1999");

        assertEquals(206, response.statusCode());
        assertEquals("bytes 1000-1999/" + SIZE, header(response, "Content-Range"));
        assertEquals("1000", header(response, "Content-Length"));
        assertEquals("video/mp4", header(response, "Content-Type"));
        assertArrayEquals(slice(1000, 1999), response.body());
    }

    @Test
    void suffixRangeSendsTheTail() throws Exception {
        HttpResponse<byte[]> response = server.get("m1", "Range", "bytes=-500");

        assertEquals(206, response.statusCode());
        assertEquals("bytes " + (SIZE - 500) + "-" + (SIZE - 1) + "/" + SIZE, header(response, "Content-Range"));
        assertArrayEquals(slice(SIZE - 500, SIZE - 1), response.body());
    }

    @Test
    void openRangeSendsToTheEnd() throws Exception {
        HttpResponse<byte[]> response = server.get("m1", "Range", "bytes=2000000-");

        assertEquals(206, response.statusCode());
        assertEquals("bytes 2000000-" + (SIZE - 1) + "/" + SIZE, header(response, "Content-Range"));
        assertArrayEquals(slice(2_000_000, SIZE - 1), response.body());
    }

    @Test
    void rangeCrossingABufferBoundaryIsExact() throws Exception {
        long first = 128 * 1024 - 3;
        long last = 3 * 128 * 1024 + 5;
        HttpResponse<byte[]> response = server.get("m1", "Range", "bytes=" + first + "-" + last);

        assertArrayEquals(slice(first, last), response.body());
    }

    @Test
    void headOfARangeSendsHeadersOnly() throws Exception {
        HttpResponse<byte[]> response = server.head("m1", "Range", "bytes=0-99");

        assertEquals(206, response.statusCode());
        assertEquals("bytes 0-99/" + SIZE, header(response, "Content-Range"));
        assertEquals("100", header(response, "Content-Length"));
        assertEquals(0, response.body().length);
    }

    @Test
    void severalRangesAreMultipartByteranges() throws Exception {
        HttpResponse<byte[]> response = server.get("m1", "Range", "bytes=" + (SIZE - 10) + "-,0-99,500000-1500000");

        assertEquals(206, response.statusCode());
        String boundary = ByteRangesBody.boundary(header(response, "Content-Type"));
        List<ByteRangesBody.Part> parts = ByteRangesBody.parse(response.body(), boundary);
        long[][] expected = {{0, 99}, {500_000, 1_500_000}, {SIZE - 10, SIZE - 1}};
        assertEquals(expected.length, parts.size());
        for (int i = 0; i < expected.length; i++) {
            ByteRangesBody.Part part = parts.get(i);
            long first = expected[i][0];
            long last = expected[i][1];
            assertEquals("video/mp4", part.header("Content-Type"), "part " + i);
            assertEquals("bytes " + first + "-" + last + "/" + SIZE, part.header("Content-Range"), "part " + i);
            assertArrayEquals(slice(first, last), part.body(), "part " + i);
        }
    }

    @Test
    void overlappingRangesAreSentOnceAsOneRange() throws Exception {
        HttpResponse<byte[]> response = server.get("m1", "Range", "bytes=0-99,50-199");

        assertEquals(206, response.statusCode());
        assertEquals("bytes 0-199/" + SIZE, header(response, "Content-Range"));
        assertArrayEquals(slice(0, 199), response.body());
    }

    @Test
    void headOfSeveralRangesSendsNoBody() throws Exception {
        HttpResponse<byte[]> response = server.head("m1", "Range", "bytes=0-9,100-109");

        assertEquals(206, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("multipart/byteranges; boundary="));
        assertEquals(0, response.body().length);
    }

    @Test
    void rangeBeyondTheEndIsNotSatisfiable() throws Exception {
        HttpResponse<byte[]> response = server.get("m1", "Range", "bytes=" + SIZE + "-");

        assertEquals(416, response.statusCode());
        assertEquals("bytes */" + SIZE, header(response, "Content-Range"));
        assertEquals(0, response.body().length);
    }

    @Test
    void tooManyRangesAreNotSatisfiable() throws Exception {
        StringBuilder ranges = new StringBuilder("bytes=0-0");
        for (int i = 1; i < 17; i++) {
            ranges.append(',').append(i * 10).append('-').append(i * 10);
        }
        assertEquals(416, server.get("m1", "Range", ranges.toString()).statusCode());
    }

    @Test
    void malformedRangeIsIgnored() throws Exception {
        HttpResponse<byte[]> response = server.get("m1", "Range", "bytes=5-2");

        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    private static byte[] slice(long first, long last) {
        return Arrays.copyOfRange(content, (int) first, (int) last + 1);
    }
}
