package org.diva.server.stream;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.diva.web.json.ApiException;
import org.diva.web.live.LiveStream;
import org.diva.web.live.TimeSeek;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the producers of converted streams and hands out readers.
 *
 * <p>One production per stream key: a second viewer of the same title and target joins the one running, or
 * reads the stored result. A time seek inside what exists starts a reader at the keyframe's byte offset; a seek
 * beyond it starts a transient production from that time, deleted when its last reader leaves. Productions run
 * on an injected executor, at most {@code maxProducers} at once (more gets 503: each takes the CPU a transcode
 * needs). A production nobody reads any more is cancelled after {@code idle}, so a TV that was switched off
 * stops costing CPU; its part file is deleted.
 */
public final class StreamJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamJobs.class);
    /** How long a time seek beyond what exists waits for the transient production's first keyframe. */
    private static final Duration FIRST_KEYFRAME = Duration.ofSeconds(20);

    private final StreamStore store;
    private final ExecutorService producers;
    private final ScheduledExecutorService timer;
    private final int maxProducers;
    private final Duration idle;
    private final Map<String, Running> running = new HashMap<>();
    /** Readers of stored streams per store name, so trimming the store spares them. */
    private final Map<String, Integer> storedReaders = new HashMap<>();
    private boolean closed;

    private record Running(Production production, Future<?> future, boolean transientStream) {
    }

    public StreamJobs(Path dir, long budget, int maxProducers, Duration idle, ExecutorService producers,
                      ScheduledExecutorService timer, Clock clock) throws IOException {
        this.store = new StreamStore(dir, budget, clock);
        this.producers = producers;
        this.timer = timer;
        this.maxProducers = maxProducers;
        this.idle = idle;
    }

    /** A reader of the stream, from the start or from the keyframe at or before {@code startTicks}. */
    public LiveStream open(StreamSpec spec, OptionalLong startTicks) throws IOException, InterruptedException {
        long start = startTicks.orElse(0);
        Production production;
        boolean stored;
        synchronized (this) {
            if (closed) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE_503, "DiVA is shutting down");
            }
            Running run = running.get(spec.key());
            Optional<Production> done = run == null ? store.finished(spec.key()) : Optional.empty();
            stored = done.isPresent();
            if (run == null && done.isEmpty() && start > 0) {
                production = null; // nothing exists yet: produce from the time asked
                stored = false;
            } else {
                production = run != null ? run.production()
                        : done.orElseGet(() -> start(spec, spec.key(), 0, false));
                attach(production, stored);
            }
        }
        if (production == null) {
            return seekBeyond(spec, start);
        }
        if (start <= 0) {
            return reader(production, spec, stored, 0, Optional.empty());
        }
        Optional<Production.Keyframe> at = production.keyframeAt(start);
        if (at.isPresent()) {
            return reader(production, spec, stored, at.get().offset(),
                    Optional.of(TimeSeek.answer(at.get().pts(), spec.duration())));
        }
        detach(production, stored);
        return seekBeyond(spec, start);
    }

    /** A transient production from {@code start}, shared by readers that seek to the same time. */
    private LiveStream seekBeyond(StreamSpec spec, long start) throws IOException, InterruptedException {
        String key = spec.key() + "@" + start;
        Production seek;
        synchronized (this) {
            Running run = running.get(key);
            seek = run != null ? run.production() : start(spec, key, start, true);
            attach(seek, false);
        }
        long landed = seek.awaitFirstKeyframe(FIRST_KEYFRAME).map(Production.Keyframe::pts).orElse(start);
        return reader(seek, spec, false, 0, Optional.of(TimeSeek.answer(landed, spec.duration())));
    }

    private LiveStream reader(Production production, StreamSpec spec, boolean stored, long offset,
                              Optional<String> answer) throws IOException {
        try {
            return new ProductionReader(production, spec, offset, answer, () -> detach(production, stored));
        } catch (IOException e) {
            detach(production, stored);
            throw e;
        }
    }

    private Production start(StreamSpec spec, String key, long startTicks, boolean transientStream) {
        if (running.size() >= maxProducers) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE_503, "DiVA is already converting "
                    + running.size() + " streams, its limit; try again when one ends");
        }
        Path part = store.part(key);
        Production production;
        try {
            production = Production.started(key, part);
        } catch (IOException e) {
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR_500, "DiVA cannot write converted streams to "
                    + part.getParent() + ": " + e.getMessage());
        }
        try {
            Future<?> future = producers.submit(() -> produce(spec, production, startTicks, transientStream));
            running.put(key, new Running(production, future, transientStream));
        } catch (RejectedExecutionException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE_503, "DiVA is shutting down");
        }
        return production;
    }

    /**
     * Runs one production. It leaves the running set in the same step as it tells its readers the outcome, so a
     * reader that saw the end can start the next conversion at once without finding the limit still taken.
     */
    private void produce(StreamSpec spec, Production production, long startTicks, boolean transientStream) {
        Path part = production.file();
        try {
            try (var sink = production.sink()) {
                spec.producer().produce(startTicks, sink, production::keyframe);
            }
            synchronized (this) {
                Path done = transientStream ? part : store.keep(production, this::inUse);
                running.remove(production.key());
                production.finish(done);
            }
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("stopped converting {}: nobody is watching", spec.key());
            } else {
                LOG.warn("converting {} failed: {}", spec.key(), e.toString());
            }
            synchronized (this) {
                running.remove(production.key());
            }
            production.fail(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
            store.discard(part);
        }
    }

    private void attach(Production production, boolean stored) {
        production.attach();
        if (stored) {
            storedReaders.merge(StreamStore.name(production.key()), 1, Integer::sum);
        }
    }

    private synchronized void detach(Production production, boolean stored) {
        int left = production.detach();
        if (stored) {
            storedReaders.computeIfPresent(StreamStore.name(production.key()), (k, n) -> n > 1 ? n - 1 : null);
        }
        if (left > 0) {
            return;
        }
        Running run = running.get(production.key());
        if (run != null && run.production() == production) {
            try {
                timer.schedule(() -> cancelIfUnread(production), idle.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                run.future().cancel(true);
            }
        } else if (production.completeSize().isPresent() && production.key().contains("@")) {
            store.discard(production.file()); // a finished transient stream: nobody can find it again
        }
    }

    private synchronized void cancelIfUnread(Production production) {
        Running run = running.get(production.key());
        if (run != null && run.production() == production && production.readers() == 0) {
            if (run.future().cancel(true) && !production.started()) {
                running.remove(production.key()); // cancelled before it ran: produce() will never clean up
                store.discard(production.file());
            }
        }
    }

    private synchronized boolean inUse(String name) {
        return storedReaders.containsKey(name);
    }

    /** Productions running now (for the dashboard and tests). */
    public synchronized int producing() {
        return running.size();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            running.values().forEach(r -> r.future().cancel(true));
        }
        producers.shutdownNow();
        timer.shutdownNow();
        try {
            producers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stream store's current size in bytes. */
    public long storedBytes() {
        return store.size();
    }
}
