package org.diva.server.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finished streams kept on disk so a second viewer costs nothing: {@code <name>.ts} with its keyframe index
 * {@code <name>.idx} beside it, where the name is a digest of the stream's key (item, file version, target).
 * Parts left by a crash are deleted on open; a stream without its index is incomplete and deleted too. When the
 * total passes the budget, the least recently used streams nobody is reading go first.
 */
final class StreamStore {
    private static final Logger LOG = LoggerFactory.getLogger(StreamStore.class);

    private final Path dir;
    private final long budget;
    private final Clock clock;
    private final Map<String, Long> lastUsed = new ConcurrentHashMap<>();
    private final AtomicLong lastStamp = new AtomicLong();

    StreamStore(Path dir, long budget, Clock clock) throws IOException {
        this.dir = dir;
        this.budget = budget;
        this.clock = clock;
        Files.createDirectories(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".part") || (name.endsWith(".ts") && !Files.exists(sibling(file, ".idx")))
                        || (name.endsWith(".idx") && !Files.exists(sibling(file, ".ts")))) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(".ts")) {
                    long modified = Files.getLastModifiedTime(file).toMillis();
                    lastUsed.put(stem(name), modified);
                    lastStamp.accumulateAndGet(modified, Math::max);
                }
            }
        }
    }

    /** The stored stream for {@code key}, if one is complete. */
    Optional<Production> finished(String key) {
        String name = name(key);
        Path ts = dir.resolve(name + ".ts");
        Path idx = dir.resolve(name + ".idx");
        try {
            List<Production.Keyframe> keyframes = new ArrayList<>();
            for (String line : Files.readAllLines(idx, StandardCharsets.US_ASCII)) {
                String[] fields = line.split(" ");
                keyframes.add(new Production.Keyframe(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
            }
            long size = Files.size(ts);
            lastUsed.put(name, stamp());
            return Optional.of(Production.finished(key, ts, size, keyframes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where a new production of {@code key} writes; a transient one gets a unique part. */
    Path part(String key) {
        return dir.resolve(name(key) + "-" + Long.toHexString(System.nanoTime()) + ".part");
    }

    /** Files a finished production under its key, then trims the store to the budget. */
    Path keep(Production production, Predicate<String> inUse) throws IOException {
        String name = name(production.key());
        Path idx = dir.resolve(name + ".idx");
        Path ts = dir.resolve(name + ".ts");
        StringBuilder index = new StringBuilder();
        for (Production.Keyframe k : production.keyframes()) {
            index.append(k.pts()).append(' ').append(k.offset()).append('\n');
        }
        Path idxPart = dir.resolve(name + ".idx.part");
        Files.writeString(idxPart, index, StandardCharsets.US_ASCII);
        production.relocate(ts, StreamStore::move);
        move(idxPart, idx); // the index last: a .ts without its .idx is incomplete
        lastUsed.put(name, stamp());
        trim(inUse);
        return ts;
    }

    /**
     * The clock's milliseconds, but always later than the previous stamp: streams used within one millisecond
     * (a fast test, a burst of viewers) still have an order for dropping the least recently used.
     */
    private long stamp() {
        long now = clock.millis();
        return lastStamp.updateAndGet(previous -> Math.max(now, previous + 1));
    }

    void discard(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            LOG.warn("could not delete the unfinished stream {}: {}", part, e.getMessage());
        }
    }

    long size() {
        long total = 0;
        for (String name : lastUsed.keySet()) {
            try {
                total += Files.size(dir.resolve(name + ".ts"));
            } catch (IOException e) {
                lastUsed.remove(name);
            }
        }
        return total;
    }

    private void trim(Predicate<String> inUse) {
        List<String> oldestFirst = new ArrayList<>(lastUsed.keySet());
        oldestFirst.sort(Comparator.comparingLong(n -> lastUsed.getOrDefault(n, 0L)));
        long total = size();
        for (String name : oldestFirst) {
            if (total <= budget) {
                return;
            }
            if (inUse.test(name)) {
                continue;
            }
            try {
                Path ts = dir.resolve(name + ".ts");
                long size = Files.size(ts);
                Files.deleteIfExists(dir.resolve(name + ".idx"));
                Files.deleteIfExists(ts);
                lastUsed.remove(name);
                total -= size;
                LOG.info("stream store over its budget: removed {} ({} MB)", name, size >> 20);
            } catch (IOException e) {
                LOG.warn("could not remove stored stream {}: {}", name, e.getMessage());
            }
        }
    }

    /** The file name stem of a key: a digest, so keys may hold anything. */
    static String name(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        return file.resolveSibling(stem(name) + extension);
    }

    private static String stem(String name) {
        return name.substring(0, name.indexOf('.'));
    }
}
