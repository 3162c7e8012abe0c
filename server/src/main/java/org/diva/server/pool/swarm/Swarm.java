package org.diva.server.pool.swarm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.diva.server.pool.content.ChunkList;
import org.diva.server.pool.content.ContentStore;
import org.diva.server.pool.serve.UploadLimiter;

/**
 * The chunks of one title being read: which are ready, which are on their way from whom, and who gets asked next.
 *
 * <p><b>Scheduling</b> (the "Streaming from neighbours", after BitTorrent's piece picking with deadlines
 * as in streaming swarms, e.g. Give-to-Get and BiToS): chunks are taken in deadline order, the one under the read
 * position first, then the read-ahead window in order. Each goes to the holder that would finish it earliest,
 * judged by the bytes it still owes and its measured rate, with at most {@code perHolder} requests in flight to
 * each. When the reader waits on a chunk that a slow holder has and another holder could fetch it whole sooner,
 * a second request races the first (the first to arrive wins). Every chunk is verified against the chunk list; a
 * bad one is refetched from someone else and counted against its sender, which is dropped after
 * {@code maxBadChunks}. A holder that fails a request, or sends nothing for {@code stallAfter}, loses all its
 * requests to the others at once and gets no work for a while (doubling per setback). Verified chunks go to the
 * content store, so this server holds them for the next play and for the others.
 */
final class Swarm implements ChunkFetch.Listener, AutoCloseable {
    private final ChunkList list;
    private final ContentStore store;
    private final HttpClient client;
    private final LongSupplier nanoTime;
    private final SwarmSettings settings;
    private final HolderFinder finder;
    private final TransferLog log;
    private final Map<Integer, byte[]> ready = new HashMap<>();
    private final InFlight fetching = new InFlight();
    private final Planner planner;
    private final BitSet stored;
    private final ScheduledFuture<?> ticker;
    private int wanted;
    private boolean waiting;
    private boolean closed;
    private long lastTick;
    private long lastSearch;
    private boolean searching;

    /** Finds holders again when none can give a needed chunk (neighbours come and go). */
    interface HolderFinder {
        void find(Consumer<List<Holder>> found);
    }

    Swarm(ChunkList list, ContentStore store, List<Holder> initial, HttpClient client, ScheduledExecutorService timer,
          LongSupplier nanoTime, SwarmSettings settings, HolderFinder finder, TransferLog log) {
        this.list = list;
        this.store = store;
        this.client = client;
        this.nanoTime = nanoTime;
        this.settings = settings;
        this.finder = finder;
        this.log = log;
        this.stored = store.held(list.contentId());
        this.lastTick = nanoTime.getAsLong();
        this.lastSearch = lastTick;
        this.planner = new Planner(list, settings, fetching, initial);
        long tick = settings.tick().toNanos();
        this.ticker = timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
    }

    ChunkList list() {
        return list;
    }

    /** The verified bytes of a chunk, waiting until they are here; the read position moves to it. */
    byte[] chunk(int index) throws IOException {
        boolean local;
        synchronized (this) {
            local = stored.get(index);
        }
        if (local) {
            // read outside the lock: the disk must not hold up the fetches' callbacks
            Optional<byte[]> kept = store.read(list.contentId(), index);
            if (kept.isPresent() && kept.get().length == list.length(index)) {
                synchronized (this) {
                    moveTo(index);
                }
                return kept.get();
            }
        }
        long deadline = nanoTime.getAsLong() + settings.readTimeout().toNanos();
        synchronized (this) {
            stored.clear(index);
            moveTo(index);
            waiting = true;
            try {
                while (true) {
                    if (closed) {
                        throw new ClosedChannelException();
                    }
                    byte[] data = ready.get(index);
                    if (data != null) {
                        return data;
                    }
                    long left = deadline - nanoTime.getAsLong();
                    if (left <= 0) {
                        throw new IOException("chunk " + index + " of " + list.contentId().shortForm() + " did not "
                                + "arrive within " + settings.readTimeout().toSeconds() + " s from any of "
                                + planner.holders());
                    }
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for chunk " + index);
            } finally {
                waiting = false;
            }
        }
    }

    /** Who sent what, for the reader's owner and tests. */
    synchronized SwarmStats stats() {
        return planner.stats();
    }

    private void moveTo(int index) {
        wanted = index;
        ready.keySet().removeIf(i -> i < index - 1 || i >= index + 2L * planner.window());
        assign();
    }

    /** Starts requests for the window's missing chunks, earliest deadline first. Caller holds the lock. */
    private void assign() {
        if (closed) {
            return;
        }
        long now = nanoTime.getAsLong();
        int end = (int) Math.min(list.count(), (long) wanted + planner.window());
        boolean stuck = false;
        for (int i = wanted; i < end; i++) {
            if (ready.containsKey(i) || fetching.has(i) || stored.get(i)) {
                continue;
            }
            Optional<Holder> best = planner.best(i, wanted, now);
            if (best.isPresent()) {
                start(i, best.get(), now);
            } else {
                stuck |= !planner.anyCouldSend(i, now);
            }
        }
        if (waiting && wanted < list.count()) {
            planner.raceFor(wanted, now).ifPresent(h -> start(wanted, h, now));
        }
        if (stuck) {
            search(now);
        }
    }

    private void start(int i, Holder h, long now) {
        ChunkFetch fetch = new ChunkFetch(i, h, list.length(i), now, this);
        if (h.inFlight == 0) {
            h.lastProgress = now;
        }
        fetching.add(fetch);
        long first = list.offset(i);
        HttpRequest request = HttpRequest.newBuilder(URI.create(h.neighbour.peerBase() + "/peer/v1/content/"
                        + list.contentId().hex()))
                .header("Range", "bytes=" + first + "-" + (first + list.length(i) - 1))
                .timeout(Duration.ofSeconds(30)).GET().build();
        client.sendAsync(request, fetch).whenComplete((response, failure) -> {
            if (failure != null) {
                failed(fetch, failure);
            }
        });
    }

    @Override
    public void progress(ChunkFetch fetch, int bytes) {
        long now = nanoTime.getAsLong();
        synchronized (this) {
            fetch.holder.lastProgress = now;
            fetch.holder.bytesSinceTick += bytes;
            fetch.holder.bytesTotal += bytes;
        }
    }

    @Override
    public void arrived(ChunkFetch fetch, byte[] data, int length) {
        boolean good = list.verifies(fetch.chunk, data, length);
        boolean kept = false;
        if (good) {
            // a raced duplicate counts too: its holder did send it at that rate
            log.transferred(fetch.holder.neighbour.id(), length, Math.max(1, nanoTime.getAsLong() - fetch.started));
            try {
                store.put(list.contentId(), fetch.chunk, data, length);
                kept = length <= store.budget();
            } catch (IOException e) {
                // the disk is full or gone: the reader still gets the chunk from memory
            }
        }
        synchronized (this) {
            if (!fetching.finish(fetch)) {
                return;
            }
            if (good) {
                fetching.finishChunk(fetch.chunk).forEach(ChunkFetch::cancel);
                ready.put(fetch.chunk, data);
                if (kept) {
                    stored.set(fetch.chunk);
                }
                fetch.holder.setbacks = 0;
            } else {
                if (planner.bad(fetch.holder, fetch.chunk)) {
                    cancelAll(fetch.holder);
                }
            }
            notifyAll();
            assign();
        }
    }

    @Override
    public void failed(ChunkFetch fetch, Throwable why) {
        synchronized (this) {
            if (!fetching.finish(fetch)) {
                return;
            }
            fetch.holder.setback(nanoTime.getAsLong());
            cancelAll(fetch.holder);
            assign();
        }
    }

    private void cancelAll(Holder h) {
        fetching.finishHolder(h).forEach(ChunkFetch::cancel);
    }

    private void tick() {
        long now = nanoTime.getAsLong();
        synchronized (this) {
            double seconds = Math.max(1e-3, (now - lastTick) / 1e9);
            lastTick = now;
            for (Holder h : planner.holders()) {
                h.measure(seconds);
                if (h.inFlight > 0 && now - h.lastProgress > h.patienceNanos(settings.stallAfter().toNanos(),
                        UploadLimiter.SLICE)) {
                    h.setback(now);
                    cancelAll(h);
                }
            }
            assign();
            notifyAll();
        }
    }

    /** Asks for holders again, at most every two seconds, and adds or refreshes what it finds. */
    private void search(long now) {
        if (searching || now - lastSearch < 2_000_000_000L) {
            return;
        }
        searching = true;
        lastSearch = now;
        finder.find(found -> {
            synchronized (this) {
                searching = false;
                planner.found(found);
                assign();
            }
        });
    }

    @Override
    public void close() {
        ticker.cancel(false);
        synchronized (this) {
            closed = true;
            planner.holders().forEach(this::cancelAll);
            ready.clear();
            notifyAll();
        }
    }
}
