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
import org.diva.web.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole files, HEAD, single ranges, multipart ranges and unsatisfiable ranges, end to end over a real socket. */
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
        assertNoBody(server.raw("HEAD", "m1"));
    }

    /**
     * Range headers end to end against the 3,145,745-byte file: the status, then what the body carries, in order:
     * one range is a plain 206, several are {@code multipart/byteranges} parts, {@code *} is a 416, {@code whole} is
     * the whole file with 200 (headers the server ignores) and {@code as asked} the header's own ranges.
     */
    @ParameterizedTest(name = "[{index}] Range: {0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # Range header                                 | status | sent
            bytes=1000-1999                                | 206    | 1000-1999
            bytes=-500                                     | 206    | 3145245-3145744
            bytes=2000000-                                 | 206    | 2000000-3145744
            bytes=131069-393221                            | 206    | 131069-393221
            bytes=3145744-                                 | 206    | 3145744-3145744
            bytes=0-99999999                               | 206    | 0-3145744
            bytes=0-99,50-199                              | 206    | 0-199
            bytes=0-99,100-199                             | 206    | 0-199
            bytes=3145735-,0-99,500000-1500000             | 206    | 0-99,500000-1500000,3145735-3145744
            bytes=0-9,-10                                  | 206    | 0-9,3145735-3145744
            bytes=0-0,2-2,4-4,6-6,8-8,10-10,12-12,14-14,16-16,18-18,20-20,22-22,24-24,26-26,28-28,30-30 \
                                                           | 206    | as asked
            bytes=0-0,2-2,4-4,6-6,8-8,10-10,12-12,14-14,16-16,18-18,20-20,22-22,24-24,26-26,28-28,30-30,32-32 \
                                                           | 416    | *
            bytes=3145745-                                 | 416    | *
            bytes=-0                                       | 416    | *
            bytes=5-2                                      | 200    | whole
            bytes=abc                                      | 200    | whole
            bytes=                                         | 200    | whole
            items=0-9                                      | 200    | whole
            """)
    void rangeHeader(String range, int status, String sentOrAsAsked) throws Exception {
        String sent = sentOrAsAsked.equals("as asked") ? range.substring("bytes=".length()) : sentOrAsAsked;
        HttpResponse<byte[]> response = server.get("m1", "Range", range);

        assertEquals(status, response.statusCode());
        assertEquals("bytes", header(response, "Accept-Ranges"));
        if (sent.equals("whole")) {
            assertTrue(response.headers().firstValue("Content-Range").isEmpty());
            assertArrayEquals(content, response.body());
        } else if (sent.equals("*")) {
            assertEquals("bytes */" + SIZE, header(response, "Content-Range"));
            assertEquals(0, response.body().length);
        } else if (!sent.contains(",")) {
            long[] expected = bounds(sent);
            assertEquals("video/mp4", header(response, "Content-Type"));
            assertEquals("bytes " + sent + "/" + SIZE, header(response, "Content-Range"));
            assertEquals(String.valueOf(expected[1] - expected[0] + 1), header(response, "Content-Length"));
            assertArrayEquals(slice(expected[0], expected[1]), response.body());
        } else {
            List<ByteRangesBody.Part> parts =
                    ByteRangesBody.parse(response.body(), ByteRangesBody.boundary(header(response, "Content-Type")));
            List<String> ranges = List.of(sent.split(","));
            assertEquals(ranges.size(), parts.size());
            for (int i = 0; i < ranges.size(); i++) {
                long[] expected = bounds(ranges.get(i));
                ByteRangesBody.Part part = parts.get(i);
                assertEquals("video/mp4", part.header("Content-Type"), "part " + i);
                assertEquals("bytes " + ranges.get(i) + "/" + SIZE, part.header("Content-Range"), "part " + i);
                assertArrayEquals(slice(expected[0], expected[1]), part.body(), "part " + i);
            }
        }
    }

    @Test
    void headOfARangeSendsHeadersOnly() throws Exception {
        HttpResponse<byte[]> response = server.head("m1", "Range", "bytes=0-99");

        assertEquals(206, response.statusCode());
        assertEquals("bytes 0-99/" + SIZE, header(response, "Content-Range"));
        assertEquals("100", header(response, "Content-Length"));
        assertNoBody(server.raw("HEAD", "m1", "Range: bytes=0-99"));
    }

    @Test
    void headOfSeveralRangesSendsNoBody() throws Exception {
        HttpResponse<byte[]> response = server.head("m1", "Range", "bytes=0-9,100-109");

        assertEquals(206, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("multipart/byteranges; boundary="));
        assertNoBody(server.raw("HEAD", "m1", "Range: bytes=0-9,100-109"));
    }

    /** What followed the headers on the wire; java.net.http never reads past the headers of a HEAD response. */
    static void assertNoBody(RawHttp.Response response) {
        assertEquals(0, response.body().length, () -> response.statusLine() + " followed by "
                + response.body().length + " bytes");
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    private static long[] bounds(String range) {
        String[] ends = range.split("-");
        return new long[] {Long.parseLong(ends[0]), Long.parseLong(ends[1])};
    }

    private static byte[] slice(long first, long last) {
        return Arrays.copyOfRange(content, (int) first, (int) last + 1);
    }
}
