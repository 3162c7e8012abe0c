package org.diva.transcode.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs Debian's ffprobe and ffmpeg on what DiVA wrote, so an independent decoder judges our muxers and encoders.
 *
 * <p>CI always installs ffmpeg (.ci/run); on a developer machine without it the tests that need it are skipped
 * with a message, except under {@code CI=true}, where a missing ffmpeg fails them.
 */
public final class Ffmpeg {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private Ffmpeg() {
    }

    /** Skips the calling test when ffmpeg is not installed (fails under CI). */
    public static void assumeInstalled() {
        boolean present = onPath("ffprobe") && onPath("ffmpeg");
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("ffmpeg/ffprobe are not installed; .ci/run installs them");
        }
        assumeTrue(present, "ffmpeg/ffprobe not installed");
    }

    /** ffprobe's {@code -show_format -show_streams} (and packets if asked) of a file, as JSON. */
    public static JsonNode probe(Path file, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error", "-of", "json",
                "-show_format", "-show_streams"));
        command.addAll(List.of(extra));
        command.add(file.toString());
        Result result = run(command);
        assertEquals(0, result.exit(), () -> "ffprobe failed on " + file + ": " + result.stderr());
        return JSON.readTree(result.stdout());
    }

    /**
     * Decodes every stream of a file to nowhere with {@code -xerror}; returns ffmpeg's complaints (empty when the
     * file decodes cleanly).
     */
    public static String decodeErrors(Path file) throws IOException {
        Result result = run(List.of("ffmpeg", "-v", "error", "-xerror", "-i", file.toString(), "-f", "null", "-"));
        return result.exit() == 0 ? result.stderr().strip() : ("exit " + result.exit() + ": " + result.stderr());
    }

    /** Runs ffmpeg with the given arguments (after {@code -y -v error}) and fails the test if it fails. */
    public static void ffmpeg(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-nostdin", "-v", "error"));
        command.addAll(List.of(args));
        Result result = run(command);
        assertEquals(0, result.exit(), () -> "ffmpeg " + String.join(" ", args) + " failed: " + result.stderr());
    }

    public record Result(int exit, String stdout, String stderr) {
    }

    public static Result run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
