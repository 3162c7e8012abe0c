package org.diva.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.diva.web.HttpServer;
import org.diva.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request bodies through a real server: a small JSON object is read, anything else is refused with a reason. */
class JsonBodiesTest {
    private static final ObjectMapper JSON = Json.newMapper();
    static HttpServer server;
    static HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        server = new HttpServer(0, new Router().post("/echo", JsonEndpoint.of(request ->
                Map.of("got", JsonBodies.object(request.request())))));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"item": 12}         | 200 | {"got":{"item":12}}
            ''                   | 400 | needs a JSON object
            not json             | 400 | not JSON
            [1, 2]               | 400 | must be a JSON object
            "text"               | 400 | must be a JSON object
            {"item":             | 400 | not JSON
            HUGE                 | 413 | at most 65536
            HUGE_CHUNKED         | 413 | at most 65536
            """)
    void reads_small_json_objects_only(String body, int status, String answer) throws Exception {
        String sent = body.startsWith("HUGE") ? "{\"x\": \"" + "x".repeat(JsonBodies.MAX_BYTES) + "\"}" : body;
        HttpRequest.BodyPublisher publisher = body.equals("HUGE_CHUNKED")
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(sent)) // no length
                : HttpRequest.BodyPublishers.ofString(sent);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/echo")).POST(publisher).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), response.body());
        String text = status == 200 ? JSON.readTree(response.body()).toString()
                : JSON.readTree(response.body()).get("error").get("message").asText();
        assertTrue(text.contains(answer), text);
    }
}
