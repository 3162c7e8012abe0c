package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three households' servers, each its own JVM with its own data dir and ports on loopback, form a pool by invite
 * through the JSON API. B and C share the same 30 MB title; A plays it through the swarm with a slow reader, B is
 * killed (kill -9) mid-stream and the bytes still arrive whole from C. B restarts on its data dir and rejoins by
 * itself; then A removes C, which learns it and no longer finds anything in the neighbourhood.
 */
class PoolProcessesTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration MEMBERS = Duration.ofSeconds(30);
    /** The reader's pace: slow enough that the swarm's 16 MiB read-ahead is still far from the end at the kill. */
    private static final long READ_BYTES_PER_SECOND = 6_000_000;
    private static final long KILL_AFTER = 3 << 20;

    @TempDir
    Path tmp;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<DivaProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(DivaProcess::close);
    }

    /** One household: its process and HTTP port, and the arguments it restarts with. */
    private record Household(DivaProcess process, int port, String[] args) {
    }

    private Household start(String... args) throws Exception {
        DivaProcess p = DivaProcess.start(args);
        processes.add(p);
        return new Household(p, p.awaitPort(START), args);
    }

    private Household household(String name, Path media, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--media", media.toString(), "--data",
                tmp.resolve(name + "-data").toString(), "--port", "0", "--name", "Household " + name,
                "--upload-limit", "10000000"));
        args.addAll(List.of(extra));
        return start(args.toArray(String[]::new));
    }

    @Test
    void threeServersPoolStreamThroughAHoldersCrashRejoinAndRemoveAMember() throws Exception {
        Ffmpeg.assumeInstalled();
        // ~30 MB of real MPEG-TS in a second: the 1 s library clip repeated without re-encoding
        Path title = tmp.resolve("riverside.ts");
        Ffmpeg.ffmpeg("-stream_loop", "1799", "-i", TestServer.FIXTURES.resolve("clip.mp4").toString(),
                "-c", "copy", "-metadata", "title=Riverside Walk", "-f", "mpegts", title.toString());
        byte[] original = Files.readAllBytes(title);
        assertTrue(original.length > 20_000_000, "title of " + original.length + " bytes");
        Path mediaA = Files.createDirectories(tmp.resolve("a-media"));
        Files.copy(TestServer.FIXTURES.resolve("song.mp3"), mediaA.resolve("song.mp3"));
        Path sharedB = Files.createDirectories(tmp.resolve("b-media/shared"));
        Files.copy(title, sharedB.resolve("riverside.ts"));
        Path sharedC = Files.createDirectories(tmp.resolve("c-media/shared"));
        Files.copy(title, sharedC.resolve("riverside walk.ts"));

        // --pool-cache 0: A keeps nothing, so every byte it plays comes from B or C
        Household a = household("A", mediaA, "--pool-cache", "0");
        Household b = household("B", sharedB.getParent(), "--share", sharedB.toString());
        Household c = household("C", sharedC.getParent(), "--share", sharedC.toString());

        assertEquals("Elm Street", post(a, "/api/v1/pool", "{\"name\": \"Elm Street\"}").get("pool").asText());
        join(a, b);
        join(a, c);
        for (Household h : List.of(a, b, c)) {
            awaitMembersUp(h, 3);
        }

        Map<String, String> found = awaitTwoHolders(a);
        String fromB = found.get("Household B");
        for (String id : found.values()) {
            // the first byte of each makes both holders hash the title now rather than mid-stream
            HttpResponse<byte[]> first = get(a, "/media/" + id, "Range", "bytes=0-0");
            assertEquals(206, first.statusCode(), new String(first.body(), StandardCharsets.UTF_8));
            assertEquals(original[0], first.body()[0]);
        }

        byte[] played = readSlowlyKilling(a, "/media/" + fromB, b.process());
        assertEquals(original.length, played.length, "bytes played");
        assertArrayEquals(original, played, "A played the title byte for byte with B killed mid-stream");

        // B restarts on its data dir (new ports) and rejoins the pool by itself
        b = start(b.args());
        for (Household h : List.of(a, b, c)) {
            awaitMembersUp(h, 3);
        }

        String cId = getJson(c, "/api/v1/pool").get("self").asText();
        JsonNode afterRemoval = delete(a, "/api/v1/pool/members/" + cId);
        assertFalse(afterRemoval.toString().contains(cId), "C is gone from A's members: " + afterRemoval);
        JsonNode cStatus = awaitRemoved(c);
        assertTrue(cStatus.path("pool").isMissingNode() || cStatus.path("pool").isNull(), cStatus.toString());
        HttpResponse<byte[]> search = get(c, "/api/v1/pool/items?query=riverside");
        assertTrue(search.statusCode() != 200 || json.readTree(search.body()).get("items").isEmpty(),
                "a removed member finds nothing: " + search.statusCode() + " "
                        + new String(search.body(), StandardCharsets.UTF_8));
        awaitMembersUp(a, 2);
    }

    private void join(Household inviter, Household joiner) throws Exception {
        String code = post(inviter, "/api/v1/pool/invites", "{}").get("code").asText();
        assertEquals("Elm Street", post(joiner, "/api/v1/pool/join", "{\"code\": \"" + code + "\"}")
                .get("pool").asText());
    }

    /** A's search until both B's and C's copies are listed (their scans run in the background); household → id. */
    private Map<String, String> awaitTwoHolders(Household a) throws Exception {
        long deadline = System.nanoTime() + MEMBERS.toNanos();
        JsonNode found;
        do {
            found = getJson(a, "/api/v1/pool/items?query=riverside");
            Map<String, String> ids = new TreeMap<>();
            for (JsonNode item : found.get("items")) {
                ids.put(item.get("household").get("name").asText(), item.get("id").asText());
            }
            if (ids.size() == 2) {
                return ids;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("A did not find the title at B and C: " + found);
    }

    /**
     * Reads the stream at {@link #READ_BYTES_PER_SECOND}, as a renderer that plays in real time does, and kills
     * {@code holder} once {@link #KILL_AFTER} bytes have arrived.
     */
    private byte[] readSlowlyKilling(Household reader, String path, DivaProcess holder) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri(reader, path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long begin = System.nanoTime();
        boolean killed = false;
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (!killed && out.size() >= KILL_AFTER) {
                    holder.process.destroyForcibly();
                    killed = true;
                }
                long due = begin + out.size() * 1_000_000_000L / READ_BYTES_PER_SECOND;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        assertTrue(killed, "the holder was killed mid-stream");
        assertTrue(holder.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "B is dead");
        return out.toByteArray();
    }

    private JsonNode awaitMembersUp(Household h, int count) throws Exception {
        long deadline = System.nanoTime() + MEMBERS.toNanos();
        JsonNode pool;
        do {
            pool = getJson(h, "/api/v1/pool");
            long up = 0;
            for (JsonNode m : pool.get("members")) {
                up += m.get("state").asText().equals("up") ? 1 : 0;
            }
            if (up == count && pool.get("members").size() == count) {
                return pool;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected " + count + " members up at port " + h.port() + ": " + pool);
    }

    private JsonNode awaitRemoved(Household h) throws Exception {
        long deadline = System.nanoTime() + MEMBERS.toNanos();
        JsonNode pool;
        do {
            pool = getJson(h, "/api/v1/pool");
            if (pool.path("notice").asText("").contains("removed")) {
                return pool;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the removed member was not told: " + pool);
    }

    private URI uri(Household h, String path) {
        return URI.create("http://127.0.0.1:" + h.port() + path);
    }

    private HttpResponse<byte[]> get(Household h, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(h, path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode getJson(Household h, String path) throws Exception {
        return ok("GET " + path, get(h, path));
    }

    private JsonNode post(Household h, String path, String body) throws Exception {
        return ok("POST " + path, client.send(HttpRequest.newBuilder(uri(h, path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private JsonNode delete(Household h, String path) throws Exception {
        return ok("DELETE " + path, client.send(HttpRequest.newBuilder(uri(h, path))
                .timeout(Duration.ofSeconds(30)).DELETE().build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private JsonNode ok(String what, HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new AssertionError(what + " -> " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return json.readTree(response.body());
    }
}
