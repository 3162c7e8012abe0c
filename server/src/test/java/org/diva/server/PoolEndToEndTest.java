package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two households' real servers form a pool through the JSON API, as the dashboard does it: A creates the pool and
 * an invite, B joins with the code. Then A finds B's shared title by searching the neighbourhood (and not B's
 * unshared one), gets a play decision for it, and plays its bytes, with a range, pulled from B.
 */
class PoolEndToEndTest {
    @TempDir
    static Path tmp;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void start() throws Exception {
        Path mediaA = Files.createDirectories(tmp.resolve("a-media"));
        Files.copy(TestServer.FIXTURES.resolve("song.mp3"), mediaA.resolve("song.mp3"));
        Path mediaB = Files.createDirectories(tmp.resolve("b-media"));
        Path shared = Files.createDirectories(mediaB.resolve("shared"));
        Files.copy(TestServer.FIXTURES.resolve("clip.mp4"), shared.resolve("holiday.mp4"));
        Path own = Files.createDirectories(mediaB.resolve("private"));
        Files.copy(TestServer.FIXTURES.resolve("clip.mkv"), own.resolve("diary.mkv"));
        a = TestServer.start(mediaA, tmp.resolve("a-data"), "--name", "Household A");
        b = TestServer.start(mediaB, tmp.resolve("b-data"), "--name", "Household B", "--share", shared.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        for (TestServer s : new TestServer[] {b, a}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void aJoinedNeighboursSharedTitleIsFoundDecidedAndPlayed() throws Exception {
        JsonNode created = a.postJson("/api/v1/pool", "{\"name\": \"Elm Street\"}");
        assertEquals("Elm Street", created.get("pool").asText(), created.toString());
        String code = a.postJson("/api/v1/pool/invites", "{}").get("code").asText();
        JsonNode joined = b.postJson("/api/v1/pool/join", "{\"code\": \"" + code + "\"}");
        assertEquals("Elm Street", joined.get("pool").asText(), joined.toString());
        a.awaitPoolMembersUp(2);
        b.awaitPoolMembersUp(2);
        JsonNode reachability = a.getJson("/api/v1/pool/reachability");
        assertEquals("MANUAL", reachability.get("mode").asText(), reachability.toString());
        assertEquals("127.0.0.1", reachability.get("externalAddress").asText(), reachability.toString());

        JsonNode found = a.getJson("/api/v1/pool/items?query=holiday");
        assertEquals(1, found.get("items").size(), found.toString());
        JsonNode item = found.get("items").get(0);
        assertEquals("Household B", item.get("household").get("name").asText(), item.toString());
        assertTrue(item.get("id").asText().startsWith("n-"), item.toString());
        assertEquals(0, a.getJson("/api/v1/pool/items?query=diary").get("items").size(),
                "B's unshared title is not in the pool");

        String id = item.get("id").asText();
        JsonNode plan = a.getJson("/api/v1/items/" + id + "/playback?profile=generic-dlna");
        assertEquals("direct", plan.get("mode").asText(), plan.toString());

        byte[] original = Files.readAllBytes(tmp.resolve("b-media/shared/holiday.mp4"));
        HttpResponse<byte[]> whole = a.get("/media/" + id);
        assertEquals(200, whole.statusCode(), new String(whole.body(), StandardCharsets.UTF_8));
        assertArrayEquals(original, whole.body());
        HttpResponse<byte[]> part = a.get("/media/" + id, "Range", "bytes=100-999");
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(original, 100, 1000), part.body());
        assertTrue(URLEncoder.encode(id, StandardCharsets.UTF_8).equals(id), "ids need no escaping: " + id);

        // the chunks A pulled from B fed B's throughput in A's view of the pool
        JsonNode bInA = null;
        for (JsonNode m : a.getJson("/api/v1/pool").get("members")) {
            bInA = m.get("name").asText().equals("Household B") ? m : bInA;
        }
        assertTrue(bInA != null && bInA.path("bytesPerSecond").asDouble() > 0, "B's throughput in A's view: " + bInA);
    }
}
