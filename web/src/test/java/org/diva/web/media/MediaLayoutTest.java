package org.diva.web.media;

import static org.diva.web.media.MediaEndpointTest.assertNoBody;
import static org.diva.web.media.MediaEndpointTest.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file served through a hand-made layout, in-memory bytes and file ranges interleaved (out of file order, one
 * range larger than the copier's buffer), end to end over a real socket: every kind of response byte for byte.
 */
class MediaLayoutTest {
    private static final int FILE_SIZE = 2 * 1024 * 1024;

    @TempDir
    static Path dir;
    static MediaServer server;
    static byte[] content;
    static byte[] expected;
    static ServedFile plain;
    static ServedFile laidOut;

    @BeforeAll
    static void start() throws Exception {
        content = new byte[FILE_SIZE];
        new Random(7).nextBytes(content);
        Path path = Files.write(dir.resolve("movie.mp4"), content);
        byte[] head = bytes(1000, 1);
        byte[] middle = bytes(70_000, 2);
        List<Layout.Segment> segments = List.of(
                new Layout.FileRange(0, 32),
                new Layout.Bytes(ByteBuffer.wrap(head)),
                new Layout.FileRange(500_000, 1_000_000),
                new Layout.Bytes(ByteBuffer.wrap(middle)),
                new Layout.FileRange(32, 300_000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(content, 0, 32);
        out.writeBytes(head);
        out.write(content, 500_000, 1_000_000);
        out.writeBytes(middle);
        out.write(content, 32, 300_000);
        expected = out.toByteArray();

        server = new MediaServer();
        plain = server.add("plain", path, "video/mp4");
        laidOut = new ServedFile(path, "video/mp4", plain.size(), plain.lastModifiedMillis(), Optional.empty(),
                Optional.of(new Layout("fs", segments)));
        server.put("fs", laidOut);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void getSendsTheLayoutsBytesWithItsOwnValidator() throws Exception {
        HttpResponse<byte[]> response = server.get("fs");

        assertEquals(200, response.statusCode());
        assertEquals(String.valueOf(expected.length), header(response, "Content-Length"));
        assertEquals("video/mp4", header(response, "Content-Type"));
        assertEquals("bytes", header(response, "Accept-Ranges"));
        assertEquals(laidOut.etag(), header(response, "ETag"));
        assertTrue(laidOut.etag().endsWith("-fs\""), laidOut.etag());
        assertNotEquals(plain.etag(), laidOut.etag());
        assertArrayEquals(expected, response.body());
        assertArrayEquals(content, server.get("plain").body(), "the plain file is still itself");
    }

    @Test
    void headSendsTheSameHeadersAndNoBody() throws Exception {
        HttpResponse<byte[]> get = server.get("fs");
        HttpResponse<byte[]> head = server.head("fs");

        assertEquals(200, head.statusCode());
        for (String name : List.of("Content-Length", "Content-Type", "ETag", "Last-Modified")) {
            assertEquals(header(get, name), header(head, name), name);
        }
        assertNoBody(server.raw("HEAD", "fs"));
        assertNoBody(server.raw("HEAD", "fs", "Range: bytes=0-9"));
        assertNoBody(server.raw("HEAD", "fs", "Range: bytes=0-9,2000-2009"));
    }

    /** Ranges inside one segment, across boundaries (32, 1032, 1001032, 1071032) and to the end. */
    @ParameterizedTest(name = "[{index}] Range: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            bytes=0-31                  | 0-31
            bytes=0-32                  | 0-32
            bytes=20-1100               | 20-1100
            bytes=1031-1001032          | 1031-1001032
            bytes=1001000-1071100       | 1001000-1071100
            bytes=1071031-              | 1071031-1371031
            bytes=-5                    | 1371027-1371031
            bytes=500-600               | 500-600
            bytes=0-99999999            | 0-1371031
            bytes=10-40,1000-1040,1071020-1071040,-3 | 10-40,1000-1040,1071020-1071040,1371029-1371031
            bytes=1-1,1001031-1001033   | 1-1,1001031-1001033
            """)
    void rangesAreSlicesOfTheLayout(String range, String sent) throws Exception {
        HttpResponse<byte[]> response = server.get("fs", "Range", range);

        assertEquals(206, response.statusCode());
        String size = "/" + expected.length;
        if (!sent.contains(",")) {
            long[] bounds = bounds(sent);
            assertEquals("bytes " + sent + size, header(response, "Content-Range"));
            assertEquals(String.valueOf(bounds[1] - bounds[0] + 1), header(response, "Content-Length"));
            assertArrayEquals(slice(bounds), response.body());
            return;
        }
        String contentType = header(response, "Content-Type");
        assertEquals(String.valueOf(response.body().length), header(response, "Content-Length"));
        List<ByteRangesBody.Part> parts = ByteRangesBody.parse(response.body(), ByteRangesBody.boundary(contentType));
        List<String> ranges = List.of(sent.split(","));
        assertEquals(ranges.size(), parts.size());
        for (int i = 0; i < ranges.size(); i++) {
            assertEquals("video/mp4", parts.get(i).header("Content-Type"), "part " + i);
            assertEquals("bytes " + ranges.get(i) + size, parts.get(i).header("Content-Range"), "part " + i);
            assertArrayEquals(slice(bounds(ranges.get(i))), parts.get(i).body(), "part " + i);
        }
    }

    @Test
    void rangePastTheLayoutIsUnsatisfiableEvenInsideTheFile() throws Exception {
        HttpResponse<byte[]> response = server.get("fs", "Range", "bytes=" + expected.length + "-");

        assertEquals(416, response.statusCode());
        assertEquals("bytes */" + expected.length, header(response, "Content-Range"));
        assertTrue(FILE_SIZE > expected.length, "the file is longer than the layout");
    }

    @Test
    void conditionalRequestsUseTheLayoutsValidator() throws Exception {
        assertEquals(304, server.get("fs", "If-None-Match", laidOut.etag()).statusCode());
        assertEquals(200, server.get("fs", "If-None-Match", plain.etag()).statusCode());
        assertEquals(412, server.get("fs", "If-Match", plain.etag()).statusCode());

        HttpResponse<byte[]> stillValid = server.get("fs", "Range", "bytes=0-9", "If-Range", laidOut.etag());
        assertEquals(206, stillValid.statusCode());
        assertArrayEquals(Arrays.copyOf(expected, 10), stillValid.body());

        // A client that cached the plain file must not splice the layout's bytes into it.
        HttpResponse<byte[]> otherBytes = server.get("fs", "Range", "bytes=0-9", "If-Range", plain.etag());
        assertEquals(200, otherBytes.statusCode());
        assertArrayEquals(expected, otherBytes.body());
    }

    /** A layout made for the file as it was would send wrong bytes over the file as it is: the file goes plain. */
    @Test
    void fileChangedSinceTheLayoutWasMadeIsSentAsItIs() throws Exception {
        Path path = Files.write(dir.resolve("changing.mp4"), content);
        ServedFile catalogued = server.add("changing-plain", path, "video/mp4");
        server.put("changing", new ServedFile(path, "video/mp4", catalogued.size(), catalogued.lastModifiedMillis(),
                Optional.empty(), laidOut.layout()));
        assertArrayEquals(expected, server.get("changing").body());

        Files.setLastModifiedTime(path, FileTime.fromMillis(catalogued.lastModifiedMillis() + 60_000));
        HttpResponse<byte[]> response = server.get("changing");

        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
        assertTrue(!header(response, "ETag").contains("-fs"), header(response, "ETag"));
    }

    /** Twenty thousand tiny segments: each write completes at once, which must not nest one call per segment. */
    @Test
    void layoutOfManySegmentsIsSentWithoutDeepening() throws Exception {
        List<Layout.Segment> segments = new java.util.ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 10_000; i++) {
            segments.add(new Layout.FileRange(i * 7L, 3));
            out.write(content, i * 7, 3);
            segments.add(new Layout.Bytes(ByteBuffer.wrap(new byte[] {(byte) i})));
            out.write(i);
        }
        server.put("many", new ServedFile(plain.path(), "video/mp4", plain.size(), plain.lastModifiedMillis(),
                Optional.empty(), Optional.of(new Layout("many", segments))));
        HttpResponse<byte[]> response = server.get("many");

        assertEquals(200, response.statusCode());
        assertArrayEquals(out.toByteArray(), response.body());
    }

    @Test
    void layoutOutsideTheFileIsRefusedWhenMade() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ServedFile(dir.resolve("x"), "video/mp4", 100, 0, Optional.empty(),
                        Optional.of(new Layout("fs", List.of(new Layout.FileRange(90, 11))))));
        assertTrue(e.getMessage().contains("11 bytes at 90"), e.getMessage());
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static long[] bounds(String range) {
        String[] ends = range.split("-");
        return new long[] {Long.parseLong(ends[0]), Long.parseLong(ends[1])};
    }

    private static byte[] slice(long[] bounds) {
        return Arrays.copyOfRange(expected, (int) bounds[0], (int) bounds[1] + 1);
    }
}
