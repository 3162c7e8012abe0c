package org.diva.transcode.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The committed media fixtures (made by make.sh beside them) and damaged copies of them. */
public final class MediaFixtures {
    private MediaFixtures() {
    }

    public static Path audio(String name) {
        return resource("/media/audio/" + name);
    }

    public static Path photo(String name) {
        return resource("/media/photo/" + name);
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the first {@code length} bytes of {@code fixture} to {@code dir/name}. */
    public static Path truncated(Path fixture, int length, Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), Arrays.copyOf(bytes(fixture), length));
    }

    private static Path resource(String name) {
        URL url = MediaFixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name + " (run make.sh beside the fixtures)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
