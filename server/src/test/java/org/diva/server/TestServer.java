package org.diva.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.diva.config.Settings;
import org.diva.config.SettingsLoader;

/** A real DiVA server on port 0 with a temp data dir, and a JSON client for it. */
final class TestServer implements AutoCloseable {
    static final Path FIXTURES = Path.of("src/test/resources/library").toAbsolutePath();

    final Path media;
    final Path data;
    final DivaServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private TestServer(Path media, Path data, DivaServer server) {
        this.media = media;
        this.data = data;
        this.server = server;
    }

    /** Starts a server on {@code media} and waits for its first scan. */
    static TestServer start(Path media, Path data, String... extraArgs) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--media", media.toString(), "--data", data.toString(),
                "--port", "0", "--rescan-interval", "0"));
        if (!List.of(extraArgs).contains("--name")) {
            args.addAll(List.of("--name", "Test DiVA"));
        }
        if (!List.of(extraArgs).contains("--pool-port")) {
            // free pool and peer ports on loopback: tests run side by side and never listen on the LAN
            args.addAll(List.of("--pool-port", "0", "--external-host", "127.0.0.1"));
        }
        args.addAll(List.of(extraArgs));
        if (!args.contains("--upnp")) {
            args.addAll(List.of("--upnp", "off")); // never announce on the machine's own network
        }
        Settings settings = new SettingsLoader(java.util.Map.of(), "Linux", data.toString(), 2).load(args);
        DivaServer server = new DivaServer(settings, Clock.systemUTC());
        server.start();
        server.firstScan().get(60, TimeUnit.SECONDS);
        return new TestServer(media, data, server);
    }

    /** Copies the committed fixtures into {@code dir}. */
    static void copyFixtures(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".sh")).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> head(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String path, String jsonBody) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Any method, with a JSON body when {@code jsonBody} is not null. */
    HttpResponse<byte[]> send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs and expects 200 with a JSON answer. */
    JsonNode postJson(String path, String jsonBody) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post(path, jsonBody);
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + path + " " + jsonBody + " -> " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return json.readTree(response.body());
    }

    JsonNode json(byte[] body) throws IOException {
        return json.readTree(body);
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return json.readTree(response.body());
    }

    /** Waits (up to 15 s) until this server's pool view shows {@code count} members up; returns the view. */
    JsonNode awaitPoolMembersUp(int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonNode pool;
        do {
            pool = getJson("/api/v1/pool");
            long up = 0;
            for (JsonNode m : pool.get("members")) {
                up += m.get("state").asText().equals("up") ? 1 : 0;
            }
            if (up == count) {
                return pool;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected " + count + " members up: " + pool);
    }

    JsonNode getJsonAnyStatus(String path) throws IOException, InterruptedException {
        return json.readTree(get(path).body());
    }

    /** All items, whatever their status. */
    JsonNode items() throws IOException, InterruptedException {
        return getJson("/api/v1/items?limit=1000").get("items");
    }

    JsonNode itemByFileName(String fileName) throws IOException, InterruptedException {
        for (JsonNode item : items()) {
            if (item.get("fileName").asText().equals(fileName)) {
                return getJson("/api/v1/items/" + item.get("id").asLong());
            }
        }
        throw new AssertionError("no item for " + fileName + " in " + items());
    }

    /** Waits, up to a deadline, until the catalogue satisfies a condition (for watching, which is asynchronous). */
    void awaitItems(Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = items();
            if (condition.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within " + timeout + "; items: " + last);
    }

    void rescan() throws Exception {
        server.library().rescan().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
