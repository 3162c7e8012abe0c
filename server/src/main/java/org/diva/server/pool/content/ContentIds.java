package org.diva.server.pool.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The content ids of local files: computed once, when first asked or by the background hasher, and kept in the
 * database ({@code V9__content.sql}) against the file's path, size and modification time. A file whose size or time
 * changed is hashed again; its old row is replaced.
 *
 * <p>Hashing reads the whole file (a 4 GB film is tens of seconds of disk), so the background hasher runs on the
 * executor given here, which the composition root makes a single low-priority thread.
 */
public final class ContentIds {
    private final DataSource dataSource;
    private final Executor background;

    /** @param background runs {@link #hashInBackground}; {@link #lowPriorityHasher()} makes the usual one */
    public ContentIds(DataSource dataSource, Executor background) {
        this.dataSource = dataSource;
        this.background = background;
    }

    /** One daemon thread at the lowest priority: hashing a library must not take the cores from playback. */
    public static ExecutorService lowPriorityHasher() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "content-hasher");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    /** The chunk list of a local file: the stored one if the file has not changed since, else hashed now. */
    public ChunkList chunksOf(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class);
        Optional<ContentId> known = stored(path, before);
        if (known.isPresent()) {
            Optional<ChunkList> list = chunkList(known.get());
            if (list.isPresent()) {
                return list.get();
            }
        }
        ChunkList list = ChunkList.hash(path);
        BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class);
        if (after.size() != list.size() || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
            throw new IOException(path + " changed while it was hashed; it will be hashed when it is next asked for");
        }
        record(path, after, list);
        return list;
    }

    /** The content id of a local file, if it was hashed and has not changed since (no hashing here). */
    public Optional<ContentId> known(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        return stored(path, Files.readAttributes(path, BasicFileAttributes.class));
    }

    /** Hashes, in the background, every regular file under {@code folders} not hashed yet; completes when done. */
    public CompletableFuture<Integer> hashInBackground(Collection<Path> folders) {
        return CompletableFuture.supplyAsync(() -> {
            int hashed = 0;
            for (Path folder : folders) {
                for (Path file : files(folder)) {
                    try {
                        if (known(file).isEmpty()) {
                            chunksOf(file);
                            hashed++;
                        }
                    } catch (IOException e) {
                        // gone or unreadable: it gets hashed, or reported, when someone asks for it
                    }
                }
            }
            return hashed;
        }, background);
    }

    /** A local file with this content, checked against the disk (a file changed since its hash does not count). */
    public Optional<Path> fileWith(ContentId id) {
        for (Path candidate : query("SELECT path FROM content_file WHERE content_id = ?", id.hex())) {
            try {
                if (known(candidate).filter(id::equals).isPresent()) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // deleted or unreadable since: try the next holder of the same bytes
            }
        }
        return Optional.empty();
    }

    /** The stored chunk list of a content id hashed here. */
    public Optional<ChunkList> chunkList(ContentId id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT size, chunk_hashes FROM content WHERE content_id = ?")) {
            s.setString(1, id.hex());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                ChunkList list = ChunkList.of(r.getLong(1), r.getBytes(2));
                return list.contentId().equals(id) ? Optional.of(list) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot read content " + id.shortForm() + ": "
                    + e.getMessage(), e));
        }
    }

    private Optional<ContentId> stored(Path path, BasicFileAttributes attributes) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT content_id FROM content_file WHERE path = ? AND size = ? AND modified = ?")) {
            s.setString(1, path.toString());
            s.setLong(2, attributes.size());
            s.setLong(3, attributes.lastModifiedTime().toMillis());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new ContentId(r.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("cannot look up the content id of " + path + ": " + e.getMessage(), e);
        }
    }

    private void record(Path path, BasicFileAttributes attributes, ChunkList list) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement content = c.prepareStatement(
                         "MERGE INTO content (content_id, size, chunk_hashes) KEY (content_id) VALUES (?, ?, ?)");
                 PreparedStatement file = c.prepareStatement("MERGE INTO content_file (path, size, modified, "
                         + "content_id) KEY (path) VALUES (?, ?, ?, ?)")) {
                content.setString(1, list.contentId().hex());
                content.setLong(2, list.size());
                content.setBytes(3, list.hashes());
                content.executeUpdate();
                file.setString(1, path.toString());
                file.setLong(2, attributes.size());
                file.setLong(3, attributes.lastModifiedTime().toMillis());
                file.setString(4, list.contentId().hex());
                file.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("cannot store the content id of " + path + ": " + e.getMessage(), e);
        }
    }

    private List<Path> query(String sql, String parameter) {
        List<Path> paths = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    paths.add(Path.of(r.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot look up content: " + e.getMessage(), e));
        }
        return paths;
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
