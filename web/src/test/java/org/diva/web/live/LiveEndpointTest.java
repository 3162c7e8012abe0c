package org.diva.web.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import org.diva.web.HttpServer;
import org.diva.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Jetty on a loopback port sends growing streams: from the start, from byte offsets, from DLNA times. */
class LiveEndpointTest {
    private static final int SIZE = 3_000_000;
    private final byte[] content = new byte[SIZE];
    private final AtomicReference<GrowingBytes> next = new AtomicReference<>();
    private final AtomicReference<OptionalLong> askedTime = new AtomicReference<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < SIZE; i++) {
            content[i] = (byte) (i * 31 + (i >> 9));
        }
        LiveSource source = (request, params, start) -> {
            askedTime.set(start);
            return params.get("id").equals("film") ? Optional.of(next.get()) : Optional.empty();
        };
        server = new HttpServer(0, new Router().getAndHead("/media/{id}/stream", new LiveEndpoint(source)));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpRequest.Builder request(String id, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/media/" + id + "/stream"))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    @Test
    void aStreamIsSentAsItGrowsWithoutALengthAndEndsWhenTheProducerFinishes() throws Exception {
        GrowingBytes stream = new GrowingBytes(content);
        next.set(stream);
        stream.grow(100_000);
        HttpResponse<InputStream> response = client.send(request("film", "getcontentFeatures.dlna.org", "1").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals(Optional.empty(), response.headers().firstValue("Content-Length"));
        assertEquals("video/mp2t", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("contentFeatures.dlna.org").orElseThrow().contains("OP=10"));
        assertEquals("Streaming", response.headers().firstValue("transferMode.dlna.org").orElseThrow());
        try (InputStream body = response.body()) {
            byte[] head = body.readNBytes(100_000);
            assertArrayEquals(Arrays.copyOf(content, 100_000), head);
            stream.grow(SIZE); // the rest arrives while the client waits
            byte[] rest = body.readAllBytes();
            assertArrayEquals(Arrays.copyOfRange(content, 100_000, SIZE), rest);
        }
        assertTrue(stream.closed, "the reader was not released");
    }

    @Test
    void aByteRangeGetsTheBytesThatExistAndAFinishedStreamAnswersLikeAFile() throws Exception {
        GrowingBytes stream = new GrowingBytes(content);
        next.set(stream);
        stream.grow(500_000);
        HttpResponse<byte[]> part = client.send(request("film", "Range", "bytes=200000-").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 200000-499999/*", part.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(content, 200_000, 500_000), part.body());

        GrowingBytes done = new GrowingBytes(content);
        done.grow(SIZE);
        next.set(done);
        HttpResponse<byte[]> tail = client.send(request("film", "Range", "bytes=2999000-").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("bytes 2999000-2999999/3000000", tail.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(content, 2_999_000, SIZE), tail.body());
        HttpResponse<byte[]> whole = client.send(request("film").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("3000000", whole.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(content, whole.body());
        HttpResponse<byte[]> beyond = client.send(request("film", "Range", "bytes=3000000-").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */3000000", beyond.headers().firstValue("Content-Range").orElseThrow());
    }

    @Test
    void aPromisedLengthIsSentBeforeTheStreamIsCompleteAndKeptByPaddingOrCutting() throws Exception {
        GrowingBytes shorter = new GrowingBytes(content).promising(SIZE + 5000);
        shorter.grow(100_000);
        next.set(shorter);
        HttpResponse<InputStream> response = client.send(request("film").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(String.valueOf(SIZE + 5000), response.headers().firstValue("Content-Length").orElseThrow());
        shorter.grow(SIZE);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readAllBytes();
        }
        assertEquals(SIZE + 5000, body.length);
        assertArrayEquals(content, Arrays.copyOf(body, SIZE));
        for (int i = SIZE; i < body.length; i++) {
            assertEquals((byte) ~i, body[i], "filler at " + i);
        }

        GrowingBytes longer = new GrowingBytes(content).promising(1_000_000);
        longer.grow(10_000);
        next.set(longer);
        HttpResponse<InputStream> cut = client.send(request("film").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        longer.grow(SIZE);
        try (InputStream in = cut.body()) {
            assertArrayEquals(Arrays.copyOf(content, 1_000_000), in.readAllBytes());
        }
    }

    @Test
    void aTimeSeekIsParsedPassedOnAndAnswered() throws Exception {
        GrowingBytes stream = new GrowingBytes(content).startingAt(1_000_000, "npt=12.000-600.000/600.000");
        stream.grow(SIZE);
        next.set(stream);
        HttpResponse<byte[]> response = client.send(request("film", "TimeSeekRange.dlna.org", "npt=0:00:12.5-")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(OptionalLong.of(12 * 90_000 + 45_000), askedTime.get());
        assertEquals("npt=12.000-600.000/600.000",
                response.headers().firstValue("TimeSeekRange.dlna.org").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(content, 1_000_000, SIZE), response.body());

        for (String bad : new String[] {"npt=abc-", "bytes=0-", "npt=20-10", "npt=99999999999-"}) {
            HttpResponse<String> refused = client.send(request("film", "TimeSeekRange.dlna.org", bad).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), bad);
            assertTrue(refused.body().contains("TimeSeekRange"), refused.body());
        }
    }

    @Test
    void aProducerThatFailsCutsTheResponseInsteadOfEndingItCleanly() throws Exception {
        GrowingBytes stream = new GrowingBytes(content);
        next.set(stream);
        stream.grow(100_000);
        HttpResponse<InputStream> response = client.send(request("film").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            body.readNBytes(100_000);
            stream.fail("the source is damaged at byte 1234");
            boolean cut;
            try {
                body.readAllBytes();
                cut = false;
            } catch (java.io.IOException e) {
                cut = true;
            }
            assertTrue(cut, "a failed stream must not look complete to the client");
        }
    }

    @Test
    void unknownItemsAndWrongTransferModesAreRefused() throws Exception {
        assertEquals(404, client.send(request("nothing").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        GrowingBytes stream = new GrowingBytes(content);
        stream.grow(SIZE);
        next.set(stream);
        HttpResponse<String> interactive = client.send(request("film", "transferMode.dlna.org", "Interactive")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(406, interactive.statusCode());
        assertFalse(interactive.body().isEmpty());
        assertTrue(stream.closed);
    }

}
