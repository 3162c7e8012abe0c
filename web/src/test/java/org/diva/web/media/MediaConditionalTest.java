package org.diva.web.media;

import static org.diva.web.media.MediaEndpointTest.assertNoBody;
import static org.diva.web.media.MediaEndpointTest.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditional GETs end to end: what a player's cache and a resuming download send. */
class MediaConditionalTest {
    @TempDir
    static Path dir;
    static MediaServer server;
    static byte[] content;
    static String etag;
    static String lastModified;

    @BeforeAll
    static void start() throws Exception {
        content = new byte[64 * 1024];
        new Random(7).nextBytes(content);
        server = new MediaServer();
        server.add("song", Files.write(dir.resolve("song.flac"), content), "audio/flac");
        HttpResponse<byte[]> first = server.head("song");
        etag = header(first, "ETag");
        lastModified = header(first, "Last-Modified");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIsNotModified() throws Exception {
        HttpResponse<byte[]> response = server.get("song", "If-None-Match", etag);

        assertEquals(304, response.statusCode());
        assertEquals(etag, header(response, "ETag"));
        assertNoBody(server.raw("GET", "song", "If-None-Match: " + etag));
    }

    @Test
    void ifNoneMatchWithAnotherTagSendsTheFile() throws Exception {
        assertEquals(200, server.get("song", "If-None-Match", "\"0-0\"").statusCode());
    }

    @Test
    void ifModifiedSinceTheLastModificationIsNotModified() throws Exception {
        assertEquals(304, server.get("song", "If-Modified-Since", lastModified).statusCode());
    }

    @Test
    void ifModifiedSinceAnEarlierDateSendsTheFile() throws Exception {
        HttpResponse<byte[]> response = server.get("song", "If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT");

        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
    }

    @Test
    void invalidIfModifiedSinceIsIgnored() throws Exception {
        HttpResponse<byte[]> response = server.get("song", "If-Modified-Since", "yesterday");

        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
    }

    @Test
    void ifRangeWithTheCurrentTagSendsTheRange() throws Exception {
        HttpResponse<byte[]> response = server.get("song", "Range", "bytes=100-199", "If-Range", etag);

        assertEquals(206, response.statusCode());
        assertArrayEquals(Arrays.copyOfRange(content, 100, 200), response.body());
    }

    @Test
    void ifRangeWithTheLastModifiedDateSendsTheRange() throws Exception {
        assertEquals(206, server.get("song", "Range", "bytes=100-199", "If-Range", lastModified).statusCode());
    }

    @Test
    void ifRangeWithAStaleTagSendsTheWholeFile() throws Exception {
        HttpResponse<byte[]> response = server.get("song", "Range", "bytes=100-199", "If-Range", "\"stale\"");

        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
    }

    @Test
    void invalidIfRangeDateSendsTheWholeFile() throws Exception {
        HttpResponse<byte[]> response = server.get("song", "Range", "bytes=100-199", "If-Range", "last tuesday");

        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
    }

    @Test
    void ifMatchWithAnotherTagFailsThePrecondition() throws Exception {
        HttpResponse<byte[]> response = server.get("song", "If-Match", "\"other\"");

        assertEquals(412, response.statusCode());
        assertEquals(0, response.body().length);
    }

    @Test
    void ifMatchWithTheCurrentTagSendsTheFile() throws Exception {
        assertEquals(200, server.get("song", "If-Match", etag).statusCode());
    }

    @Test
    void ifUnmodifiedSinceAnEarlierDateFailsThePrecondition() throws Exception {
        assertEquals(412, server.get("song", "If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").statusCode());
    }
}
