package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer routes of a DiVA that runs without UPnP: they say what to do instead of 404ing. */
class RenderersApiTest {
    @TempDir
    Path tmp;

    @Test
    void without_upnp_every_renderer_route_says_play_to_needs_it() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            for (String path : new String[] {"/api/v1/renderers", "/api/v1/renderers/x", "/api/v1/renderers/x/volume"}) {
                HttpResponse<byte[]> response = s.get(path);
                assertEquals(503, response.statusCode(), path);
                assertTrue(s.json(response.body()).get("error").get("message").asText().contains("--upnp on"));
            }
            for (String command : new String[] {"play", "pause", "resume", "stop", "seek", "volume"}) {
                assertEquals(503, s.post("/api/v1/renderers/x/" + command, "{}").statusCode(), command);
            }
        }
    }
}
