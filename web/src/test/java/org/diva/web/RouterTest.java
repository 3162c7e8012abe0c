package org.diva.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.diva.web.json.ApiException;
import org.diva.web.json.Json;
import org.diva.web.json.JsonEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routing and JSON errors, end to end through a real server. */
class RouterTest {
    private static final ObjectMapper JSON = Json.newMapper();
    static HttpServer server;
    static HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        Router router = new Router()
                .get("/api/v1/echo/{word}", JsonEndpoint.of(request -> Map.of("word", request.path("word"))))
                .post("/api/v1/echo/{word}", JsonEndpoint.of(request -> Map.of("posted", request.path("word"))))
                .get("/api/v1/items", JsonEndpoint.of(request ->
                        Map.of("limit", request.intQuery("limit", 50, 1, 500))))
                .get("/api/v1/refuse", JsonEndpoint.of(request -> {
                    throw ApiException.badRequest("say please");
                }))
                .post("/api/v1/refuse", JsonEndpoint.of(request -> {
                    throw ApiException.badRequest("say please");
                }))
                .get("/api/v1/crash", JsonEndpoint.of(request -> {
                    throw new IllegalStateException("secret detail at /home/alice/.diva");
                }))
                .get("/raw", (request, response, callback, params) ->
                        response.write(true, ByteBuffer.wrap("raw".getBytes(StandardCharsets.UTF_8)), callback));
        server = new HttpServer(0, router);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void routesToTheEndpointWithItsParameters() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/echo/hello");

        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("hello", JSON.readTree(response.body()).get("word").asText());
    }

    @Test
    void routesByMethod() throws Exception {
        assertEquals("hello", JSON.readTree(send("POST", "/api/v1/echo/hello").body()).get("posted").asText());
    }

    /** Jetty's canonical path keeps space, ?, # and ; escaped; endpoints got "café%20au%20lait". */
    @Test
    void pathParameterWithEscapedReservedCharactersArrivesDecoded() throws Exception {
        assertEquals("café au lait?", JSON.readTree(send("GET", "/api/v1/echo/caf%C3%A9%20au%20lait%3F").body())
                .get("word").asText());
    }

    @Test
    void encodedSlashInAPathIsRefusedBeforeRouting() throws Exception {
        assertEquals(400, send("GET", "/api/v1/echo/a%2Fb").statusCode());
    }

    @Test
    void unknownPathIsAJsonNotFound() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/nothing");

        assertError(response, 404, "no such resource: /api/v1/nothing");
    }

    @Test
    void emptyParameterSegmentIsNotFound() throws Exception {
        assertEquals(404, send("GET", "/api/v1/echo/").statusCode());
    }

    @Test
    void wrongMethodIsAJsonMethodNotAllowedWithAllow() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/v1/echo/hello");

        assertError(response, 405, "DELETE is not allowed on /api/v1/echo/hello; use GET or POST");
        assertEquals("GET, POST", response.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void apiExceptionKeepsItsStatusAndMessage() throws Exception {
        assertError(send("GET", "/api/v1/refuse"), 400, "say please");
    }

    @Test
    void failingEndpointIsAJson500WithoutDetails() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/crash");

        assertError(response, 500, "internal error: IllegalStateException; see the server log");
        assertFalse(response.body().contains("secret"), response.body());
        assertFalse(response.body().contains("at org."), response.body());
    }

    @Test
    void intQueryWithinBoundsIsPassedOn() throws Exception {
        assertEquals(20, JSON.readTree(send("GET", "/api/v1/items?limit=20").body()).get("limit").asInt());
        assertEquals(50, JSON.readTree(send("GET", "/api/v1/items").body()).get("limit").asInt());
    }

    @Test
    void intQueryOutOfBoundsIsA400() throws Exception {
        assertError(send("GET", "/api/v1/items?limit=501"), 400,
                "query parameter 'limit' must be a whole number from 1 to 500, not '501'");
        assertError(send("GET", "/api/v1/items?limit=ten"), 400,
                "query parameter 'limit' must be a whole number from 1 to 500, not 'ten'");
    }

    @Test
    void endpointsMayWriteRawResponses() throws Exception {
        assertEquals("raw", send("GET", "/raw").body());
    }

    /**
     * Regression: an endpoint that refused a POST without reading its body answered at once; when the body came
     * after the answer, Jetty closed the connection without saying so, and the client's next request on it failed
     * ("header parser received no bytes"). The router now reads small bodies before an error answer.
     */
    @Test
    void anErrorAnswerToABodyThatArrivesLateKeepsTheConnectionUsable() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/v1/refuse HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the body comes late, as it may from a client that writes headers and body apart
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(readResponse(in).startsWith("HTTP/1.1 400"));
            out.write("GET /api/v1/echo/again HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String second = readResponse(in);
            assertTrue(second.startsWith("HTTP/1.1 200") && second.contains("again"), second);
        }
    }

    /** One response off the wire: its head, then as many body bytes as Content-Length says. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void assertError(HttpResponse<String> response, int status, String message) throws Exception {
        assertEquals(status, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(1, body.size(), response.body());
        JsonNode error = body.get("error");
        assertEquals(2, error.size(), response.body());
        assertEquals(status, error.get("status").asInt());
        assertEquals(message, error.get("message").asText());
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
