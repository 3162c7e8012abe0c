package org.diva.transcode.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;

/** The media fixtures under src/test/resources/media (see make.sh there) and ways to damage them. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path media(String name) {
        URL url = Fixtures.class.getResource("/media/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture media/" + name + "; run make.sh in its directory");
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(media(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MediaInfo probe(ContainerProbe probe, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return probe.probe(channel);
        }
    }

    public static MediaInfo probe(ContainerProbe probe, Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return probe(probe, file);
    }

    /** Probes content that must be refused, and returns the reason given. */
    public static String refusal(ContainerProbe probe, Path dir, String name, byte[] content) {
        MediaFormatException e = assertThrows(MediaFormatException.class,
                () -> probe(probe, dir, name, content));
        assertFalse(e.getMessage().isBlank());
        return e.getMessage();
    }

    public static byte[] random(long seed, int length) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A sparse file of {@code size} bytes with {@code head} at its start and {@code tail}, if any, at its end. */
    public static Path sparse(Path dir, long size, byte[] head, byte[] tail) throws IOException {
        Path file = dir.resolve("big.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            raf.write(head);
            if (tail != null) {
                raf.seek(size - tail.length);
                raf.write(tail);
            }
        }
        return file;
    }

    /**
     * Probes many randomly damaged copies of {@code original}: each must give a result or a MediaFormatException
     * of the probe's own making, never an unchecked exception (which the probe would have had to wrap).
     */
    public static void fuzz(ContainerProbe probe, Path dir, byte[] original, long seed, int rounds) throws IOException {
        Random random = new Random(seed);
        Path file = dir.resolve("fuzz.bin");
        for (int round = 0; round < rounds; round++) {
            byte[] damaged = original.clone();
            int edits = 1 + random.nextInt(64);
            for (int i = 0; i < edits; i++) {
                int at = random.nextInt(damaged.length);
                switch (random.nextInt(4)) {
                    case 0 -> damaged[at] = (byte) random.nextInt(256);
                    case 1 -> damaged[at] ^= (byte) (1 << random.nextInt(8));
                    case 2 -> damaged[at] = (byte) (random.nextBoolean() ? 0 : 0xff);
                    default -> {
                        int length = Math.min(damaged.length - at, random.nextInt(600));
                        Arrays.fill(damaged, at, at + length, (byte) random.nextInt(256));
                    }
                }
            }
            if (random.nextInt(4) == 0) {
                damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
            }
            Files.write(file, damaged);
            try {
                probe(probe, file);
            } catch (MediaFormatException e) {
                if (e.getCause() instanceof RuntimeException bug) {
                    fail("round " + round + ": the probe failed with " + bug, bug);
                }
            }
        }
    }
}
