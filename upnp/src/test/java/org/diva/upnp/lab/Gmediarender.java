package org.diva.upnp.lab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real DLNA renderer in a {@link NetnsLab}: Debian's {@code gmediarender} (gmrender-resurrect on libupnp and
 * GStreamer), playing into fake sinks so it needs no sound card or display but still fetches, decodes and plays
 * the media in real time as a TV would. It listens on the lab's inner address and announces itself there only.
 */
public final class Gmediarender implements AutoCloseable {
    public static final String PROGRAM = "/usr/bin/gmediarender";
    /** In the range libupnp takes; the namespace is the renderer's own, so nothing else holds it. */
    private static final int PORT = 49494;

    private final Process process;
    private final Path log;
    private final UUID uuid;
    private final String descriptionUrl;

    private Gmediarender(Process process, Path log, UUID uuid, String descriptionUrl) {
        this.process = process;
        this.log = log;
        this.uuid = uuid;
        this.descriptionUrl = descriptionUrl;
    }

    /** Why this machine cannot run it, or empty if it can. */
    public static String unavailableBecause() {
        return Files.isExecutable(Path.of(PROGRAM)) ? ""
                : PROGRAM + " is missing; install Debian's gmediarender package (.ci/run does)";
    }

    /** Starts it inside the lab and waits until it serves its description (libupnp retries binding for a while). */
    public static Gmediarender start(NetnsLab lab, String friendlyName, Path log) throws IOException {
        UUID uuid = UUID.randomUUID();
        Process process = new ProcessBuilder(lab.inside(PROGRAM, "--friendly-name", friendlyName,
                "--uuid", uuid.toString(), "--interface-name", lab.peerInterface(), "--port", Integer.toString(PORT),
                // fake sinks that keep the clock: a plain fakesink swallows a 40 s track in milliseconds
                "--gstout-audiopipe=fakesink sync=true", "--gstout-videopipe=fakesink sync=true",
                "--logfile", "stdout"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String url = "http://" + lab.peerAddress().getHostAddress() + ":" + PORT + "/description.xml";
        Gmediarender renderer = new Gmediarender(process, log, uuid, url);
        try {
            renderer.awaitDescription(Duration.ofSeconds(60));
        } catch (IOException | RuntimeException e) {
            renderer.close();
            throw e;
        }
        return renderer;
    }

    private void awaitDescription(Duration timeout) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("gmediarender exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(descriptionUrl))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // libupnp binds once the interface's addresses are ready
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for gmediarender", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for gmediarender", e);
            }
        }
        throw new IOException("gmediarender did not serve " + descriptionUrl + " within " + timeout + ":\n" + log());
    }

    public UUID uuid() {
        return uuid;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What it logged, without its long list of supported MIME types. */
    public String log() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.stream().filter(l -> !l.contains("Registering support for")).toList());
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
