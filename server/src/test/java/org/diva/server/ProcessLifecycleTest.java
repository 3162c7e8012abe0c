package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, SIGTERM, kill -9 and restart of the real process, and the settings errors it reports. */
class ProcessLifecycleTest {
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode getJson(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    @Test
    void sigterm_stops_cleanly_and_a_restart_picks_up_where_it_left_off() throws Exception {
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        String[] args = {"--media", media.toString(), "--data", tmp.resolve("data").toString(), "--port", "0"};
        long id;
        try (DivaProcess diva = DivaProcess.start(args)) {
            int port = diva.awaitPort(START);
            id = awaitScanned(port, 5).get(0);
            diva.process.destroy(); // SIGTERM
            assertEquals(0, diva.awaitExit(Duration.ofSeconds(20)), diva.output());
        }
        try (DivaProcess diva = DivaProcess.start(args)) {
            int port = diva.awaitPort(START);
            assertEquals(id, awaitScanned(port, 5).get(0));
            diva.process.destroy();
            diva.awaitExit(Duration.ofSeconds(20));
        }
    }

    @Test
    void kill_9_mid_scan_leaves_a_catalogue_the_next_start_repairs() throws Exception {
        Path media = tmp.resolve("media");
        int files = 1500;
        byte[] song = Files.readAllBytes(TestServer.FIXTURES.resolve("song.mp3"));
        for (int i = 0; i < files; i++) {
            Path dir = media.resolve("album " + (i / 100));
            Files.createDirectories(dir);
            Files.write(dir.resolve("track " + i + ".mp3"), song);
        }
        String[] args = {"--media", media.toString(), "--data", tmp.resolve("data").toString(), "--port", "0",
            "--scan-threads", "1"};
        try (DivaProcess diva = DivaProcess.start(args)) {
            int port = diva.awaitPort(START);
            long deadline = System.nanoTime() + START.toNanos();
            while (getJson(port, "/api/v1/status").get("library").get("items").asInt() < 200) {
                assertTrue(System.nanoTime() < deadline, "scan made no progress");
                Thread.sleep(20);
            }
            JsonNode library = getJson(port, "/api/v1/status").get("library");
            assertTrue(library.get("scanning").asBoolean(), "killed mid-scan: " + library);
            diva.process.destroyForcibly(); // SIGKILL
            diva.awaitExit(Duration.ofSeconds(20));
        }
        try (DivaProcess diva = DivaProcess.start(args)) {
            int port = diva.awaitPort(START);
            var ids = awaitScanned(port, files);
            assertEquals(files, new HashSet<>(ids).size(), "each file once");
            assertTrue(diva.output().contains("did not finish"), diva.output());
            diva.process.destroy();
            diva.awaitExit(Duration.ofSeconds(20));
        }
    }

    /** Waits until the scan is over with {@code expected} readable items; returns their ids. */
    private java.util.List<Long> awaitScanned(int port, int expected) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            JsonNode library = getJson(port, "/api/v1/status").get("library");
            if (!library.get("scanning").asBoolean() && library.get("items").asInt() == expected) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "scan did not finish: " + library);
            Thread.sleep(100);
        }
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int offset = 0; offset < expected; offset += 1000) {
            for (JsonNode item : getJson(port, "/api/v1/items?limit=1000&offset=" + offset).get("items")) {
                assertEquals("ok", item.get("status").asText(), item.toString());
                ids.add(item.get("id").asLong());
            }
        }
        ids.sort(null);
        return ids;
    }

    @Test
    void wrong_settings_stop_it_with_one_clear_message() throws Exception {
        Path media = tmp.resolve("media");
        Files.createDirectories(media);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        String data = tmp.resolve("data").toString();
        assertFails(new String[] {"--port", "70000", "--data", data}, "port", "--port", "0 to 65535");
        assertFails(new String[] {"--media", tmp.resolve("missing").toString(), "--data", data},
                "does not exist", "--media");
        assertFails(new String[] {"--data", file.resolve("sub").toString()}, "data directory", "--data");
        assertFails(new String[] {"--colour", "blue", "--data", data}, "unknown option --colour", "--help");
        Path yaml = Files.writeString(tmp.resolve("diva.yaml"), "prot: 8080\n");
        assertFails(new String[] {"--config", yaml.toString(), "--data", data}, "unknown setting 'prot'",
                yaml.toString());
        try (ServerSocket taken = new ServerSocket(0)) {
            try (DivaProcess diva = DivaProcess.start("--port", String.valueOf(taken.getLocalPort()), "--data",
                    data, "--media", media.toString())) {
                assertEquals(1, diva.awaitExit(START));
                assertTrue(diva.output().contains("port " + taken.getLocalPort()), diva.output());
            }
        }
    }

    private static void assertFails(String[] args, String... expectedFragments) throws Exception {
        try (DivaProcess diva = DivaProcess.start(args)) {
            assertEquals(2, diva.awaitExit(START), diva.output());
            String output = diva.output();
            for (String fragment : expectedFragments) {
                assertTrue(output.contains(fragment), "expected '" + fragment + "' in: " + output);
            }
            assertFalse(output.contains("Exception"), "no stack trace: " + output);
            assertEquals(1, output.strip().lines().count(), "one message: " + output);
        }
    }

    @Test
    void a_second_diva_on_the_same_data_dir_is_refused_with_a_message() throws Exception {
        Path media = tmp.resolve("media");
        Files.createDirectories(media);
        String data = tmp.resolve("data").toString();
        try (DivaProcess first = DivaProcess.start("--media", media.toString(), "--data", data, "--port", "0")) {
            first.awaitPort(START);
            try (DivaProcess second = DivaProcess.start("--media", media.toString(), "--data", data, "--port", "0")) {
                assertEquals(1, second.awaitExit(START), second.output());
                assertTrue(second.output().contains("in use by another DiVA"), second.output());
            }
            first.process.destroy();
            assertEquals(0, first.awaitExit(Duration.ofSeconds(20)));
        }
    }

    @Test
    void help_lists_the_options() throws Exception {
        try (DivaProcess diva = DivaProcess.start("--help")) {
            assertEquals(0, diva.awaitExit(START));
            Set<String> options = Set.of("--media", "--data", "--port", "--name", "--config");
            for (String option : options) {
                assertTrue(diva.output().contains(option), diva.output());
            }
        }
    }
}
