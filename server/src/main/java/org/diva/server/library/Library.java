package org.diva.server.library;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.diva.config.LibrarySettings;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.ScanRecord;
import org.diva.transcode.probe.MediaProber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library service: a full scan on start (which also repairs whatever an interrupted scan left), file-system
 * watching with debounced rescans of the changed folders, and a periodic full rescan as the fallback. Scans run
 * one at a time on their own thread; probing is spread over {@code scanThreads} threads.
 */
public final class Library implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Library.class);

    private final Catalogue catalogue;
    private final LibrarySettings settings;
    private final Duration debounce;
    private final ScanProgress progress = new ScanProgress();
    private final ExecutorService scanThread = Executors.newSingleThreadExecutor(named("library-scan"));
    private final ExecutorService probeThreads;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("library-timer"));
    private final LibraryScanner scanner;
    private final AtomicInteger queuedScans = new AtomicInteger();
    private final Set<Path[]> pendingChanges = new LinkedHashSet<>();
    private ScheduledFuture<?> pendingFlush;
    private LibraryWatcher watcher;

    /**
     * @param debounce how long a folder must stay quiet before a change there is scanned (copies in progress
     *                 produce a stream of events)
     */
    public Library(Catalogue catalogue, MediaProber prober, LibrarySettings settings, Duration debounce) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.debounce = debounce;
        this.probeThreads = Executors.newFixedThreadPool(settings.scanThreads(), named("probe"));
        this.scanner = new LibraryScanner(catalogue, prober, probeThreads, progress);
    }

    /** Starts the first full scan, watching, and the periodic rescan; returns at once. */
    public CompletableFuture<ScanResult> start() {
        reportInterruptedScan();
        CompletableFuture<ScanResult> first = rescan();
        watcher = LibraryWatcher.start(settings.mediaDirs(), this::changed);
        Duration interval = settings.rescanInterval();
        if (!interval.isZero()) {
            timer.scheduleWithFixedDelay(this::rescan, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return first;
    }

    /** Queues a full scan of every media folder. */
    public CompletableFuture<ScanResult> rescan() {
        return submit(() -> fullScan());
    }

    public ScanProgress.Snapshot progress() {
        ScanProgress.Snapshot snapshot = progress.snapshot();
        boolean busy = snapshot.scanning() || queuedScans.get() > 0;
        return new ScanProgress.Snapshot(busy, snapshot.filesSeen(), snapshot.toProbe(), snapshot.probed());
    }

    private ScanResult fullScan() throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long scanId = catalogue.startScan();
        int files = 0;
        int added = 0;
        int changed = 0;
        int removed = 0;
        int failed = 0;
        for (Path stale : catalogue.roots()) {
            if (!settings.mediaDirs().contains(stale)) {
                int forgotten = scanner.forget(stale);
                LOG.info("{} is no longer a media folder: removed its {} items", stale, forgotten);
                removed += forgotten;
            }
        }
        for (Path root : settings.mediaDirs()) {
            ScanResult result = scanner.scan(root, root);
            files += result.files();
            added += result.added();
            changed += result.changed();
            removed += result.removed();
            failed += result.failed();
        }
        catalogue.finishScan(scanId, files, added, changed, removed, failed);
        LOG.info("library scan done in {} ms: {} files, {} new, {} changed, {} removed, {} unreadable",
                (System.nanoTime() - started) / 1_000_000, files, added, changed, removed, failed);
        return new ScanResult(files, added, changed, removed, failed, 0);
    }

    private void reportInterruptedScan() {
        try {
            Optional<ScanRecord> last = catalogue.lastScan();
            if (last.isPresent() && last.get().finished().isEmpty()) {
                LOG.warn("the previous scan (started {}) did not finish; this start's scan completes it",
                        last.get().started());
            }
        } catch (SQLException e) {
            LOG.warn("cannot read the scan history: {}", e.toString());
        }
    }

    /** Called by the watcher for every event; scans the folders once they have been quiet for the debounce. */
    private void changed(Path root, Path folder) {
        synchronized (pendingChanges) {
            pendingChanges.add(new Path[] {root, folder});
            if (pendingFlush != null) {
                pendingFlush.cancel(false);
            }
            pendingFlush = timer.schedule(this::flushChanges, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void flushChanges() {
        List<Path[]> folders;
        synchronized (pendingChanges) {
            folders = collapse(new ArrayList<>(pendingChanges));
            pendingChanges.clear();
            pendingFlush = null;
        }
        submit(() -> {
            ScanResult total = new ScanResult(0, 0, 0, 0, 0, 0);
            for (Path[] change : folders) {
                ScanResult r = scanner.scan(change[0], change[1]);
                if (r.added() + r.changed() + r.removed() > 0) {
                    LOG.info("{} changed: {} new, {} changed, {} removed", change[1], r.added(), r.changed(),
                            r.removed());
                }
                total = new ScanResult(total.files() + r.files(), total.added() + r.added(),
                        total.changed() + r.changed(), total.removed() + r.removed(), total.failed() + r.failed(), 0);
            }
            return total;
        });
    }

    /** Keeps only the outermost of nested folders, which covers the others. */
    private static List<Path[]> collapse(List<Path[]> changes) {
        List<Path[]> result = new ArrayList<>();
        for (Path[] change : changes) {
            boolean covered = changes.stream().anyMatch(other -> other != change
                    && change[1].startsWith(other[1]) && !change[1].equals(other[1]));
            boolean duplicate = result.stream().anyMatch(r -> r[1].equals(change[1]));
            if (!covered && !duplicate) {
                result.add(change);
            }
        }
        return result;
    }

    private interface ScanTask {
        ScanResult run() throws Exception;
    }

    private CompletableFuture<ScanResult> submit(ScanTask task) {
        queuedScans.incrementAndGet();
        CompletableFuture<ScanResult> future = new CompletableFuture<>();
        try {
            scanThread.execute(() -> {
                progress.begin();
                try {
                    future.complete(task.run());
                } catch (Throwable e) {
                    LOG.error("library scan failed", e);
                    future.completeExceptionally(e);
                } finally {
                    queuedScans.decrementAndGet();
                    progress.end();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queuedScans.decrementAndGet();
            future.completeExceptionally(e);
        }
        return future;
    }

    @Override
    public void close() throws Exception {
        if (watcher != null) {
            watcher.close();
        }
        timer.shutdownNow();
        scanThread.shutdownNow();
        probeThreads.shutdownNow();
        scanThread.awaitTermination(5, TimeUnit.SECONDS);
        probeThreads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
