package org.diva.server.pool.content;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.time.Clock;

/**
 * Chunks fetched from neighbours, on disk under {@code <data>/pool-cache}, within a size budget: a second play is
 * local, and this server serves what it holds to the others.
 *
 * <p>Layout: one folder per content id holding {@code list} (the chunk list's wire form) and {@code <i>.chunk} for
 * each chunk held. A chunk is written to a {@code .tmp} name, forced to disk and renamed: after a kill -9 a chunk
 * file is either whole and verified or absent, and leftover {@code .tmp} files are deleted on open. Eviction is
 * least recently used, chunk by chunk; a chunk's file time is its last use, so the order survives restarts.
 */
public final class ContentStore {
    private static final String LIST = "list";
    private static final String CHUNK = ".chunk";

    private final Path root;
    private final long budget;
    private final Clock clock;
    /** Chunk files in least-recently-used order, with their sizes. Guarded by {@code this}. */
    private final LinkedHashMap<Path, Long> lru = new LinkedHashMap<>(16, 0.75f, true);
    private long used;

    private ContentStore(Path root, long budget, Clock clock) {
        this.root = root;
        this.budget = budget;
        this.clock = clock;
    }

    /**
     * Opens (creating) the store in {@code folder}, dropping unfinished writes and evicting down to the budget.
     *
     * @param clock stamps each chunk's last use on its file, which orders eviction after a restart
     */
    public static ContentStore open(Path folder, long budgetBytes, Clock clock) throws IOException {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("the content store's budget is negative: " + budgetBytes);
        }
        ContentStore store = new ContentStore(Files.createDirectories(folder), budgetBytes, clock);
        store.load();
        return store;
    }

    private void load() throws IOException {
        record Found(Path file, long size, FileTime used) {
        }
        List<Found> found = new ArrayList<>();
        try (DirectoryStream<Path> contents = Files.newDirectoryStream(root)) {
            for (Path dir : contents) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".tmp")) {
                            Files.deleteIfExists(file);
                        } else if (name.endsWith(CHUNK)) {
                            found.add(new Found(file, Files.size(file), Files.getLastModifiedTime(file)));
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Found::used));
        synchronized (this) {
            for (Found f : found) {
                lru.put(f.file(), f.size());
                used += f.size();
            }
            evict(null);
        }
    }

    public long budget() {
        return budget;
    }

    /** Bytes of chunks held now. */
    public synchronized long used() {
        return used;
    }

    public void putList(ChunkList list) throws IOException {
        Path dir = Files.createDirectories(root.resolve(list.contentId().hex()));
        if (!Files.exists(dir.resolve(LIST))) {
            writeAtomically(dir.resolve(LIST), list.encode(), list.encode().length);
        }
    }

    /** The chunk list of content held here (even if only some chunks are), checked against its id. */
    public Optional<ChunkList> list(ContentId id) {
        try {
            ChunkList list = ChunkList.decode(Files.readAllBytes(root.resolve(id.hex()).resolve(LIST)));
            return list.contentId().equals(id) ? Optional.of(list) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps a chunk the caller has verified against its list ({@link #putList} first). Older chunks are evicted to
     * stay within the budget; a chunk larger than the whole budget is not kept.
     */
    public void put(ContentId id, int chunk, byte[] data, int length) throws IOException {
        if (length > budget) {
            return;
        }
        Path file = chunkFile(id, chunk);
        Files.createDirectories(file.getParent());
        writeAtomically(file, data, length);
        synchronized (this) {
            Long old = lru.put(file, (long) length);
            used += length - (old == null ? 0 : old);
            evict(file);
        }
    }

    /** A held chunk's bytes (and it becomes the most recently used), or empty if not held. */
    public Optional<byte[]> read(ContentId id, int chunk) {
        Path file = chunkFile(id, chunk);
        synchronized (this) {
            if (lru.get(file) == null) {
                return Optional.empty();
            }
        }
        try {
            byte[] data = Files.readAllBytes(file);
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            return Optional.of(data);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Which chunks of the content are held (empty if none). */
    public synchronized BitSet held(ContentId id) {
        BitSet held = new BitSet();
        Path dir = root.resolve(id.hex());
        for (Path file : lru.keySet()) {
            if (file.getParent().equals(dir)) {
                String name = file.getFileName().toString();
                held.set(Integer.parseInt(name.substring(0, name.length() - CHUNK.length())));
            }
        }
        return held;
    }

    private Path chunkFile(ContentId id, int chunk) {
        if (chunk < 0) {
            throw new IllegalArgumentException("negative chunk index " + chunk);
        }
        return root.resolve(id.hex()).resolve(chunk + CHUNK);
    }

    /** Drops least recently used chunks (never {@code keep}) until within the budget. Caller holds the lock. */
    private void evict(Path keep) {
        for (Iterator<Map.Entry<Path, Long>> it = lru.entrySet().iterator(); used > budget && it.hasNext(); ) {
            Map.Entry<Path, Long> oldest = it.next();
            if (oldest.getKey().equals(keep)) {
                continue;
            }
            try {
                Files.deleteIfExists(oldest.getKey());
            } catch (IOException e) {
                continue; // still on disk: keep counting it
            }
            used -= oldest.getValue();
            it.remove();
        }
    }

    private static void writeAtomically(Path target, byte[] data, int length) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(data, 0, length);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
