package org.diva.web.media;

import static org.diva.web.media.MediaEndpointTest.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sparse 5 GiB file: offsets past 2^31 and 2^32 must survive every int on the way. Only marked bytes are ever
 * downloaded; the whole file is only asked for with HEAD.
 */
class MediaLargeFileTest {
    private static final long SIZE = 5L << 30;
    private static final byte[] TAIL = "the last sixteen".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AT_2G = "crossing 2 GiB..".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AT_4G = "crossing 4 GiB..".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;
    static MediaServer server;

    @BeforeAll
    static void start() throws Exception {
        Path path = dir.resolve("huge.mkv");
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(SIZE);
            write(file, (1L << 31) - 8, AT_2G);
            write(file, (1L << 32) - 8, AT_4G);
            write(file, SIZE - TAIL.length, TAIL);
        }
        server = new MediaServer();
        server.add("huge", path, "video/x-matroska");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void headReportsTheFullLength() throws Exception {
        HttpResponse<byte[]> response = server.head("huge");

        assertEquals(200, response.statusCode());
        assertEquals(String.valueOf(SIZE), header(response, "Content-Length"));
    }

    @Test
    void suffixRangeReturnsTheLastBytes() throws Exception {
        HttpResponse<byte[]> response = server.get("huge", "Range", "bytes=-16");

        assertEquals(206, response.statusCode());
        assertEquals("bytes " + (SIZE - 16) + "-" + (SIZE - 1) + "/" + SIZE, header(response, "Content-Range"));
        assertArrayEquals(TAIL, response.body());
    }

    @Test
    void rangesAcrossTwoAndFourGibibytesAreExact() throws Exception {
        assertArrayEquals(AT_2G, range((1L << 31) - 8, 16));
        assertArrayEquals(AT_4G, range((1L << 32) - 8, 16));
    }

    @Test
    void multipartRangesPastFourGibibytesAreExact() throws Exception {
        long tail = SIZE - TAIL.length;
        HttpResponse<byte[]> response = server.get("huge", "Range",
                "bytes=" + ((1L << 32) - 8) + "-" + ((1L << 32) + 7) + "," + tail + "-");

        assertEquals(206, response.statusCode());
        List<ByteRangesBody.Part> parts =
                ByteRangesBody.parse(response.body(), ByteRangesBody.boundary(header(response, "Content-Type")));
        assertEquals(2, parts.size());
        assertEquals("bytes " + tail + "-" + (SIZE - 1) + "/" + SIZE, parts.get(1).header("Content-Range"));
        assertArrayEquals(AT_4G, parts.get(0).body());
        assertArrayEquals(TAIL, parts.get(1).body());
    }

    private static byte[] range(long first, int length) throws Exception {
        HttpResponse<byte[]> response = server.get("huge", "Range", "bytes=" + first + "-" + (first + length - 1));
        assertEquals(206, response.statusCode());
        return response.body();
    }

    private static void write(RandomAccessFile file, long offset, byte[] bytes) throws Exception {
        file.seek(offset);
        file.write(bytes);
    }
}
