package org.diva.transcode.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The committed media fixtures (made by make.sh beside them) and damaged copies of them. */
public final class MediaFixtures {
    private MediaFixtures() {
    }

    public static Path audio(String name) {
        return Fixtures.media("audio/" + name);
    }

    public static Path photo(String name) {
        return Fixtures.media("photo/" + name);
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
}
