package org.diva.server.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.FileFacts;
import org.diva.server.catalogue.KnownFile;
import org.diva.server.catalogue.ProbeOutcome;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaProber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the catalogue in line with a folder: walks it, compares each file's size, modification time and
 * subtitle files with what the catalogue knows, probes only new and changed files (in parallel on the probe
 * executor), records them in batches, and drops the items of files that are gone. Files under folders that could
 * not be read are left alone, so an unreadable or unmounted folder never empties the library.
 */
final class LibraryScanner {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryScanner.class);
    private static final int BATCH = 200;
    private static final long PROGRESS_LOG_NANOS = 5_000_000_000L;

    private final Catalogue catalogue;
    private final MediaProber prober;
    private final Executor probeExecutor;
    private final ScanProgress progress;

    LibraryScanner(Catalogue catalogue, MediaProber prober, Executor probeExecutor, ScanProgress progress) {
        this.catalogue = catalogue;
        this.prober = prober;
        this.probeExecutor = probeExecutor;
        this.progress = progress;
    }

    /** Scans {@code folder}, which is {@code root} itself or a folder under it. */
    ScanResult scan(Path root, Path folder) throws SQLException, InterruptedException {
        if (!Files.isDirectory(folder)) {
            if (folder.equals(root)) {
                LOG.warn("media folder {} is not available; keeping its items until it is back", root);
                return new ScanResult(0, 0, 0, 0, 0, 1);
            }
            return removeMissing(root, folder);
        }
        Map<Path, KnownFile> known = new HashMap<>();
        catalogue.knownFiles(root).forEach((path, file) -> {
            if (path.startsWith(folder)) {
                known.put(path, file);
            }
        });
        List<FileFacts> toProbe = new ArrayList<>();
        int[] counts = new int[2]; // files, added
        FolderWalker.WalkReport report = new FolderWalker().walk(root, folder, file -> {
            counts[0]++;
            progress.seen();
            KnownFile previous = known.remove(file.path());
            if (previous == null || file.differsFrom(previous)) {
                if (previous == null) {
                    counts[1]++;
                }
                toProbe.add(file);
                progress.queued();
            }
        });
        int failed = probeAndRecord(toProbe);
        List<Long> gone = new ArrayList<>();
        known.forEach((path, file) -> {
            boolean underUnreadable = report.unreadable().stream().anyMatch(path::startsWith);
            if (!underUnreadable) {
                gone.add(file.id());
            }
        });
        catalogue.delete(gone);
        return new ScanResult(counts[0], counts[1], toProbe.size() - counts[1], gone.size(), failed,
                report.unreadable().size());
    }

    /** Drops every item of a root that is no longer configured. */
    int forget(Path root) throws SQLException {
        List<Long> ids = new ArrayList<>();
        catalogue.knownFiles(root).values().forEach(file -> ids.add(file.id()));
        catalogue.delete(ids);
        return ids.size();
    }

    private ScanResult removeMissing(Path root, Path folder) throws SQLException {
        List<Long> gone = new ArrayList<>();
        catalogue.knownFiles(root).forEach((path, file) -> {
            if (path.startsWith(folder)) {
                gone.add(file.id());
            }
        });
        catalogue.delete(gone);
        return new ScanResult(0, 0, 0, gone.size(), 0, 0);
    }

    private int probeAndRecord(List<FileFacts> files) throws SQLException, InterruptedException {
        CompletionService<ProbeOutcome> done = new ExecutorCompletionService<>(probeExecutor);
        for (FileFacts file : files) {
            done.submit(() -> probe(file));
        }
        List<ProbeOutcome> batch = new ArrayList<>(BATCH);
        int failed = 0;
        long lastLog = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            ProbeOutcome outcome;
            try {
                outcome = done.take().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("probe task failed unexpectedly", e.getCause());
            }
            progress.probed();
            if (outcome.failure().isPresent()) {
                failed++;
            }
            batch.add(outcome);
            if (batch.size() == BATCH) {
                catalogue.record(batch);
                batch.clear();
            }
            if (System.nanoTime() - lastLog > PROGRESS_LOG_NANOS) {
                lastLog = System.nanoTime();
                LOG.info("scanning: {} of {} files read", i + 1, files.size());
            }
        }
        catalogue.record(batch);
        return failed;
    }

    /** Never throws: a file that cannot be read is recorded with the reason, and the scan goes on. */
    private ProbeOutcome probe(FileFacts file) {
        try {
            return ProbeOutcome.ok(file, prober.probe(file.path()));
        } catch (MediaFormatException e) {
            LOG.info("cannot read {}: {}", file.path(), e.getMessage());
            return ProbeOutcome.failed(file, e.getMessage());
        } catch (IOException e) {
            LOG.info("cannot read {}: {}", file.path(), e.toString());
            return ProbeOutcome.failed(file, "cannot read the file: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("probing {} failed", file.path(), e);
            return ProbeOutcome.failed(file, "damaged or unsupported file: reading it failed (" + e + ")");
        }
    }
}
