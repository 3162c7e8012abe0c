package org.diva.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.diva.config.PoolSettings;
import org.diva.server.catalogue.Database;
import org.diva.server.pool.ServerIdentity;
import org.diva.server.pool.membership.Pool;
import org.diva.web.HttpServer;
import org.diva.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool through the JSON API of two servers: create, invite, join, remove, and the 4xx answers with reasons. */
class PoolApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A server's pool with its API on a local HTTP port; returns the API base. */
    private URI server(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Database db = Database.open(dir);
        open.add(db);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        open.add(scheduler::shutdownNow);
        Pool pool = new Pool(new PoolSettings(0, List.of(), 1000, 0, Optional.empty(), OptionalInt.empty(), false),
                name, InetAddress.getLoopbackAddress(), db.dataSource(), ServerIdentity.loadOrCreate(dir),
                Clock.systemUTC(), scheduler);
        pool.start();
        open.add(pool);
        Router router = new Router();
        new PoolApi(pool).addRoutes(router);
        HttpServer http = new HttpServer(0, router);
        http.start();
        open.add(http);
        return URI.create("http://127.0.0.1:" + http.port());
    }

    private record Answer(int status, JsonNode body) {
        String error() {
            return body.path("error").path("message").asText();
        }
    }

    private Answer call(String method, URI base, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    @Test
    void createInviteJoinAndRemoveThroughTheApiWithReasonsForBadRequests() throws Exception {
        URI a = server("Alder");
        URI b = server("Birch");
        Answer none = call("GET", a, "/api/v1/pool", null);
        assertEquals(200, none.status());
        assertTrue(none.body().path("pool").isMissingNode(), none.body().toString());
        String aId = none.body().path("self").asText();
        assertEquals(1, none.body().path("members").size());

        assertEquals(409, call("POST", a, "/api/v1/pool/invites", null).status());
        assertEquals(409, call("POST", a, "/api/v1/pool/leave", null).status());
        assertEquals(400, call("POST", a, "/api/v1/pool", "{}").status());
        assertEquals(400, call("POST", a, "/api/v1/pool", "{\"name\": \"bad\\u0001name\"}").status());
        Answer created = call("POST", a, "/api/v1/pool", "{\"name\": \"Elm Street\"}");
        assertEquals(200, created.status(), created.body().toString());
        assertEquals("Elm Street", created.body().path("pool").asText());
        Answer again = call("POST", a, "/api/v1/pool", "{\"name\": \"Oak Lane\"}");
        assertEquals(409, again.status());
        assertTrue(again.error().contains("Elm Street"), again.error());

        Answer invite = call("POST", a, "/api/v1/pool/invites", null);
        assertEquals(200, invite.status());
        String code = invite.body().path("code").asText();
        assertTrue(code.startsWith("DIVA1-"), code);

        Answer malformed = call("POST", b, "/api/v1/pool/join", "{\"code\": \"DIVA1-@@@\"}");
        assertEquals(400, malformed.status());
        assertTrue(malformed.error().contains("damaged"), malformed.error());
        assertEquals(400, call("POST", b, "/api/v1/pool/join", "{\"code\": 12}").status());
        Answer joined = call("POST", b, "/api/v1/pool/join", "{\"code\": \"" + code + "\"}");
        assertEquals(200, joined.status(), joined.body().toString());
        assertEquals("Elm Street", joined.body().path("pool").asText());
        String bId = joined.body().path("self").asText();
        Answer used = call("POST", a, "/api/v1/pool/join", "{\"code\": \"" + code + "\"}");
        assertEquals(409, used.status(), "A is in the pool already: " + used.error());

        JsonNode members = call("GET", a, "/api/v1/pool", null).body().path("members");
        assertEquals(2, members.size());
        assertTrue(members.get(0).path("self").asBoolean());
        assertEquals("Birch", members.get(1).path("name").asText());
        assertTrue(members.get(1).path("address").asText().startsWith("https://127.0.0.1:"), members.toString());

        Answer self = call("DELETE", a, "/api/v1/pool/members/" + aId, null);
        assertEquals(400, self.status());
        assertTrue(self.error().contains("leave"), self.error());
        assertEquals(400, call("DELETE", a, "/api/v1/pool/members/not-an-id", null).status());
        Answer unknown = call("DELETE", a, "/api/v1/pool/members/" + "A".repeat(52), null);
        assertEquals(404, unknown.status(), unknown.error());
        Answer removed = call("DELETE", a, "/api/v1/pool/members/" + bId, null);
        assertEquals(200, removed.status(), removed.error());
        assertEquals(1, removed.body().path("members").size());
        long deadline = System.nanoTime() + 3_000_000_000L;
        JsonNode bView;
        do {
            bView = call("GET", b, "/api/v1/pool", null).body();
        } while (bView.has("pool") && System.nanoTime() < deadline);
        assertTrue(bView.path("notice").asText().contains("removed from the pool"), bView.toString());
    }
}
