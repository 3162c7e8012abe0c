package org.diva.server.pool.neighbourhood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.Database;
import org.diva.server.devices.ClientDevices;
import org.diva.server.playback.ClientProfiles;
import org.diva.server.playback.Playback;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.ServerIdentity;
import org.diva.server.pool.sharing.SharedFolders;
import org.diva.server.pool.sharing.SharedItems;
import org.diva.transcode.decision.Conversions;
import org.diva.transcode.decision.PlaybackDecision;
import org.diva.transcode.profile.DeviceProfiles;
import org.diva.web.HttpServer;
import org.diva.web.Router;
import org.diva.web.json.Json;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three households in one JVM, each with its own H2 catalogue of real files (some shared, some not) and its peer
 * API on its own mutual-TLS server. Household A browses, searches and plays B's and C's shared titles through its
 * JSON API and /media, and sees nothing else of theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourhoodCatalogueTest {
    private static final Duration DEADLINE = Duration.ofMillis(1500);
    private final ObjectMapper json = Json.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final PlaybackDecision decision = new PlaybackDecision(Conversions.diva());
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    static Path dir;
    private TestHousehold a;
    private TestHousehold b;
    private TestHousehold c;
    private FixedNeighbours neighbours;
    private PoolCatalogue pool;
    private HttpServer api;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    void households() throws Exception {
        open.add(timer::shutdownNow);
        a = track(new TestHousehold("Alice", dir.resolve("a")));
        b = track(new TestHousehold("Bob", dir.resolve("b")));
        c = track(new TestHousehold("Carol", dir.resolve("c")));
        TestHousehold.trustEachOther(List.of(a, b, c));
        for (TestHousehold h : List.of(a, b, c)) {
            h.servePeers();
        }
        neighbours = new FixedNeighbours(a.id(), a.client());
        neighbours.online.addAll(List.of(a.asNeighbour(), b.asNeighbour(), c.asNeighbour()));
        Database devicesDb = track(Database.open(dir.resolve("a-api")));
        ClientProfiles clients = new ClientProfiles(track(new ClientDevices(devicesDb.dataSource(),
                Clock.systemUTC())), DeviceProfiles.builtIn());
        pool = new PoolCatalogue(a.items, request -> java.util.Optional.empty(), neighbours, clients, decision,
                DEADLINE);
        Router router = new Router();
        pool.addApiRoutes(router);
        api = track(new HttpServer(0, new Handler.Sequence(pool.neighbourItems(), router)));
        api.start();
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @AfterAll
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void browseShowsHouseholdsThenSharedFoldersThenItemsWithMetadata() throws Exception {
        JsonNode top = get("/api/v1/pool/items", 200);
        assertEquals(2, top.get("total").asInt(), "A sees B and C, not itself: " + top);
        Set<String> names = new HashSet<>();
        top.get("entries").forEach(e -> names.add(e.get("name").asText()));
        assertEquals(Set.of("Bob", "Carol"), names);

        String bob = new NeighbourFolderId(b.id(), java.util.Optional.empty()).toString();
        JsonNode shares = get("/api/v1/pool/items?parent=" + enc(bob), 200);
        assertEquals(1, shares.get("total").asInt(), shares.toString());
        JsonNode share = shares.get("entries").get(0);
        assertEquals("shared", share.get("name").asText());
        assertEquals("folder", share.get("type").asText());

        JsonNode inShare = get("/api/v1/pool/items?parent=" + enc(share.get("id").asText()), 200);
        assertEquals(List.of("Films", "Music", b.item("top tone.flac").title()), names(inShare), "folders by name, then items by title");
        assertEquals(3, inShare.get("total").asInt());
        JsonNode second = get("/api/v1/pool/items?parent=" + enc(share.get("id").asText()) + "&offset=1&limit=1", 200);
        assertEquals(List.of("Music"), names(second), "paged: one entry from the second");
        assertEquals(3, second.get("total").asInt());

        JsonNode films = get("/api/v1/pool/items?parent=" + enc(inShare.get("entries").get(0).get("id").asText()), 200);
        assertEquals(List.of("Drama", "plain"), names(films));
        JsonNode plain = films.get("entries").get(1).get("item");
        CatalogueItem local = b.item("plain.mp4");
        assertEquals(local.size(), plain.get("size").asLong());
        assertEquals(Files.size(b.shared.resolve("Films/plain.mp4")), plain.get("size").asLong());
        assertEquals(local.info().orElseThrow().container(), plain.get("container").asText());
        assertEquals(local.info().orElseThrow().video().get(0).codec(),
                plain.get("video").get(0).get("codec").asText(), "full stream metadata travels: " + plain);
        assertEquals(local.info().orElseThrow().durationMillis().getAsLong(), plain.get("durationMs").asLong());
        assertEquals("Bob", plain.get("household").get("name").asText());
        String id = plain.get("id").asText();
        assertEquals(new NeighbourItemId(b.id(), Long.toString(local.id())).toString(), id);
        assertEquals("/media/" + id, plain.get("mediaUrl").asText());
        assertFalse(films.toString().contains(b.media.toString()), "no local path leaves the holder: " + films);
    }

    @Test
    void searchFindsSharedItemsOfEveryNeighbourAndNothingUnshared() throws Exception {
        JsonNode found = get("/api/v1/pool/items?query=PLAIN", 200);
        Set<String> households = new HashSet<>();
        found.get("items").forEach(i -> households.add(i.get("household").get("name").asText()));
        assertEquals(Set.of("Bob", "Carol"), households, found.toString());
        assertEquals(0, found.get("missing").size());
        found.get("items").forEach(i -> assertEquals("plain", i.get("title").asText()));

        JsonNode tones = get("/api/v1/pool/items?query=tone", 200);
        assertEquals(4, tones.get("items").size(), "tone.mp3 and top tone.flac of B and C: " + tones);

        for (String hidden : List.of("secret", "diary", "private")) {
            JsonNode none = get("/api/v1/pool/items?query=" + hidden, 200);
            assertEquals(0, none.get("items").size(), "unshared '" + hidden + "' found: " + none);
        }
        JsonNode wildcard = get("/api/v1/pool/items?query=" + enc("%"), 200);
        assertEquals(0, wildcard.get("items").size(), "% is a character, not a wildcard: " + wildcard);
    }

    @Test
    void unsharedItemsAreInvisibleByIdEvenToMembers() throws Exception {
        CatalogueItem secret = b.item("secret diary.mp4");
        String id = new NeighbourItemId(b.id(), Long.toString(secret.id())).toString();
        assertTrue(get("/api/v1/items/" + id + "/playback", 404).get("error").get("message").asText().contains("does not share"));
        assertEquals(404, status("/media/" + id));
        pool.setContent(a.swarmContent(neighbours, timer));
        assertEquals(404, status("/media/" + id));
        for (String path : List.of("/peer/v1/items/" + secret.id(), "/peer/v1/items/" + secret.id() + "/content-id")) {
            HttpResponse<String> direct = a.client().send(HttpRequest.newBuilder(
                    b.asNeighbour().peerBase().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, direct.statusCode(), path + ": " + direct.body());
        }
        HttpResponse<String> shared = a.client().send(HttpRequest.newBuilder(b.asNeighbour().peerBase()
                .resolve("/peer/v1/items/" + b.item("plain.mp4").id())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, shared.statusCode(), "the same request for a shared item works: " + shared.body());
    }

    @Test
    void playbackDecisionForANeighbourItemIsTheHoldersOwnDecision() throws Exception {
        Playback holder = new Playback(b.catalogue, decision);
        for (String file : List.of("plain.mp4", "clip.mkv", "tone.mp3")) {
            CatalogueItem local = b.item(file);
            String id = new NeighbourItemId(b.id(), Long.toString(local.id())).toString();
            JsonNode detail = get("/api/v1/items/" + id, 200);
            assertEquals(local.size(), detail.get("size").asLong(), detail.toString());
            assertEquals(local.title(), detail.get("title").asText());
            for (String profile : List.of("generic-dlna", "sd-tv")) {
                JsonNode plan = get("/api/v1/items/" + id + "/playback?profile=" + profile, 200);
                Playback.Planned expected = holder.plan(local, DeviceProfiles.builtIn().byId(profile).orElseThrow());
                assertEquals(expected.decision().mode().name().toLowerCase(), plan.get("mode").asText(),
                        file + " on " + profile + ": " + plan);
                assertEquals(id, plan.get("item").asText());
                if (plan.get("mode").asText().equals("direct")) {
                    assertEquals("/media/" + id, plan.get("url").asText());
                }
            }
        }
    }

    @Test
    void mediaOfANeighbourItemIsTheHoldersFileWithRanges() throws Exception {
        CatalogueItem local = c.item("clip.mkv");
        String id = new NeighbourItemId(c.id(), Long.toString(local.id())).toString();
        byte[] file = Files.readAllBytes(c.shared.resolve("Films/Drama/clip.mkv"));
        pool.setContent(null);
        HttpResponse<String> none = http.send(request("/media/" + id).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, none.statusCode());
        assertTrue(none.body().contains("no reader"), none.body());

        pool.setContent(a.swarmContent(neighbours, timer));
        HttpResponse<byte[]> whole = http.send(request("/media/" + id).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode(), new String(whole.body()));
        assertArrayEquals(file, whole.body());
        assertEquals("video/x-matroska", whole.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<byte[]> part = http.send(request("/media/" + id).header("Range", "bytes=1000-9999").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-9999/" + file.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(file, 1000, 10000), part.body());

        HttpResponse<byte[]> tail = http.send(request("/media/" + id).header("Range", "bytes=-100").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(Arrays.copyOfRange(file, file.length - 100, file.length), tail.body());
        HttpResponse<byte[]> beyond = http.send(request("/media/" + id).header("Range", "bytes=" + file.length + "-")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(416, beyond.statusCode());
    }

    @Test
    void aHouseholdThatSharesNothingShowsNothing() throws Exception {
        SharedItems none = new SharedItems(b.db.dataSource(), b.catalogue, SharedFolders.of(List.of(),
                List.of(b.media)));
        assertEquals(0, none.shares(0, 10).total());
        assertEquals(List.of(), none.search("plain", 10));
        assertTrue(none.find(b.item("plain.mp4").id()).isEmpty());
        assertTrue(b.items.find(b.item("plain.mp4").id()).isPresent(), "the same item when shared");
    }

    @Test
    void searchReturnsWhatArrivedByTheDeadlineWhenANeighbourHangs() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var hanging = new Neighbours.Neighbour(ServerIdentity.loadOrCreate(Files.createDirectories(
                    dir.resolve("d"))).id(), "Dave", URI.create("https://127.0.0.1:" + silent.getLocalPort()));
            FixedNeighbours withDave = new FixedNeighbours(a.id(), a.client());
            withDave.online.addAll(List.of(b.asNeighbour(), hanging, c.asNeighbour()));
            NeighbourhoodCatalogue catalogue = new NeighbourhoodCatalogue(withDave, DEADLINE);
            long start = System.nanoTime();
            NeighbourhoodCatalogue.Found found = catalogue.search("plain", 10);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(2, found.items().size(), "B's and C's answers are kept: " + found);
            assertEquals(1, found.missing().size());
            assertEquals("Dave", found.missing().get(0).name());
            assertTrue(found.missing().get(0).reason().contains("did not answer within"),
                    found.missing().get(0).reason());
            assertTrue(tookMs >= DEADLINE.toMillis() - 50 && tookMs < DEADLINE.toMillis() + 1000,
                    "returned at the deadline, not before or long after: " + tookMs + " ms");

            start = System.nanoTime();
            NeighbourFolderId daves = new NeighbourFolderId(hanging.id(), java.util.Optional.empty());
            try {
                catalogue.browse(daves, 0, 10);
                throw new AssertionError("browsing a silent household must fail");
            } catch (NeighbourUnavailableException e) {
                assertTrue(e.getMessage().contains("Dave"), e.getMessage());
            }
            assertTrue((System.nanoTime() - start) / 1_000_000 < DEADLINE.toMillis() + 1000);
        }
    }

    @Test
    void hostileIdsAndParametersAreRefusedWithTheReason() throws Exception {
        String sid = NeighbourItemId.compact(b.id());
        List<String> badItems = List.of("n-", "n-" + sid, "n-" + sid + "-", "n-" + sid + "-0", "n-" + sid + "-01",
                "n-" + sid + "-12a", "n-" + sid + "-1234567890123456789", "n-" + sid.substring(1) + "-1",
                "n-" + sid.replace(sid.charAt(5), '1') + "-1", "n-" + sid + "X-1", "n-" + sid + "-1%20",
                "n-" + "A".repeat(5000));
        for (String bad : badItems) {
            JsonNode refused = get("/api/v1/items/" + bad + "/playback", 404);
            assertTrue(refused.get("error").get("message").asText().startsWith("no media item"), bad + ": " + refused);
            assertEquals(404, status("/media/" + bad), bad);
        }
        // Jetty itself refuses an encoded NUL or line break in a path, before any route sees it
        assertEquals(400, status("/media/n-%00%0a-1"));
        assertEquals(400, status("/api/v1/pool/items?parent=" + enc("h-" + sid + "/../etc")));
        assertEquals(400, status("/api/v1/pool/items?parent=" + enc("h-" + sid + "/abcdefabcdef/a\u0000b")));
        assertEquals(400, status("/api/v1/pool/items?parent=" + enc("x-" + sid)));
        assertEquals(400, status("/api/v1/pool/items?limit=100000"));
        assertEquals(400, status("/api/v1/pool/items?query=" + "q".repeat(300)));
        assertEquals(400, status("/api/v1/pool/items?query=a&parent=" + enc("h-" + sid)));
        assertEquals(404, status("/api/v1/pool/items?parent=" + enc("h-" + sid + "/abcdefabcdef")),
                "a share B does not have");
        assertEquals(404, status("/api/v1/pool/items?parent=" + enc("h-" + NeighbourItemId.compact(
                ServerIdentity.loadOrCreate(Files.createDirectories(dir.resolve("e"))).id()))), "not a neighbour");
        JsonNode why = get("/api/v1/pool/items?parent=" + enc("h-" + sid + "/../etc"), 400);
        assertTrue(why.get("error").get("message").asText().contains("'..'"), why.toString());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("entries").forEach(e -> names.add(e.get("name").asText()));
        return names;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
    }

    private JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        return json.readTree(response.body());
    }

    private int status(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
