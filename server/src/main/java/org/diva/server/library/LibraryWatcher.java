package org.diva.server.library;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every folder under the media folders and reports each changed folder, with its root, to a listener;
 * the listener debounces and rescans. New folders are watched as they appear. When the platform cannot watch
 * (no inotify, watch limit reached) it says so once and the periodic rescan remains the fallback.
 */
final class LibraryWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryWatcher.class);

    private final WatchService service;
    private final Map<WatchKey, Path[]> keys = new HashMap<>(); // key -> {root, folder}
    private final BiConsumer<Path, Path> onChange;
    private final Thread thread;
    private volatile boolean limitReported;

    private LibraryWatcher(WatchService service, BiConsumer<Path, Path> onChange) {
        this.service = service;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "library-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching; returns null (and logs why) when the platform offers no watching. */
    static LibraryWatcher start(Iterable<Path> roots, BiConsumer<Path, Path> onChange) {
        WatchService service;
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("file-system watching is unavailable ({}); relying on the periodic rescan", e.toString());
            return null;
        }
        LibraryWatcher watcher = new LibraryWatcher(service, onChange);
        for (Path root : roots) {
            watcher.registerTree(root, root);
        }
        watcher.thread.start();
        return watcher;
    }

    private void registerTree(Path root, Path top) {
        Deque<Path> pending = new ArrayDeque<>();
        pending.push(top);
        java.util.Set<Object> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            Path dir = pending.pop();
            try {
                Object fileKey = Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey();
                if (fileKey != null && !seen.add(fileKey)) {
                    continue;
                }
                register(root, dir);
                try (Stream<Path> children = Files.list(dir)) {
                    children.filter(Files::isDirectory)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .forEach(pending::push);
                }
            } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
                LOG.debug("not watching {}: {}", dir, e.toString());
            }
        }
    }

    private void register(Path root, Path dir) throws IOException {
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            synchronized (keys) {
                keys.put(key, new Path[] {root, dir});
            }
        } catch (IOException e) {
            if (!limitReported) {
                limitReported = true;
                LOG.warn("cannot watch {} ({}); changes there are found by the periodic rescan. On Linux, raise "
                        + "fs.inotify.max_user_watches if the library has many folders", dir, e.toString());
            }
            throw e;
        }
    }

    private void run() {
        while (true) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path[] target;
            synchronized (keys) {
                target = keys.get(key);
            }
            if (target != null) {
                Path root = target[0];
                Path dir = target[1];
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        onChange.accept(root, root);
                        continue;
                    }
                    Path child = dir.resolve((Path) event.context());
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                        registerTree(root, child);
                    }
                    onChange.accept(root, dir);
                }
            }
            if (!key.reset()) {
                synchronized (keys) {
                    keys.remove(key);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
