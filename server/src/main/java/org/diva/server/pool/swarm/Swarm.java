package org.diva.server.pool.swarm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.content.ChunkList;
import org.diva.server.pool.content.ContentStore;

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
    private final Map<ServerId, Holder> holders = new HashMap<>();
    private final Map<Integer, byte[]> ready = new HashMap<>();
    private final Map<Integer, List<ChunkFetch>> fetching = new HashMap<>();
    private final Map<Integer, Set<Holder>> badSenders = new HashMap<>();
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
        void find(java.util.function.Consumer<List<Holder>> found);
    }

    Swarm(ChunkList list, ContentStore store, List<Holder> initial, HttpClient client, ScheduledExecutorService timer,
          LongSupplier nanoTime, SwarmSettings settings, HolderFinder finder) {
        this.list = list;
        this.store = store;
        this.client = client;
        this.nanoTime = nanoTime;
        this.settings = settings;
        this.finder = finder;
        this.stored = store.held(list.contentId());
        this.lastTick = nanoTime.getAsLong();
        this.lastSearch = lastTick;
        initial.forEach(h -> holders.put(h.neighbour.id(), h));
        long tick = settings.tick().toNanos();
        this.ticker = timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
    }

    ChunkList list() {
        return list;
    }

    /** The verified bytes of a chunk, waiting until they are here; the read position moves to it. */
    byte[] chunk(int index) throws IOException {
        if (stored.get(index)) {
            Optional<byte[]> local = store.read(list.contentId(), index);
            if (local.isPresent() && local.get().length == list.length(index)) {
                synchronized (this) {
                    moveTo(index);
                }
                return local.get();
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
                                + holders.values());
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
        Map<ServerId, Long> bytes = new HashMap<>();
        Map<ServerId, Integer> bad = new HashMap<>();
        Set<ServerId> dropped = new HashSet<>();
        for (Holder h : holders.values()) {
            bytes.put(h.neighbour.id(), h.bytesTotal);
            bad.put(h.neighbour.id(), h.badChunks);
            if (h.dropped) {
                dropped.add(h.neighbour.id());
            }
        }
        return new SwarmStats(bytes, bad, dropped);
    }

    private void moveTo(int index) {
        wanted = index;
        ready.keySet().removeIf(i -> i < index - 1 || i >= index + 2L * settings.readAhead());
        assign();
    }

    /** Starts requests for the window's missing chunks, earliest deadline first. Caller holds the lock. */
    private void assign() {
        if (closed) {
            return;
        }
        long now = nanoTime.getAsLong();
        int end = (int) Math.min(list.count(), (long) wanted + settings.readAhead());
        boolean stuck = false;
        for (int i = wanted; i < end; i++) {
            if (ready.containsKey(i) || fetching.containsKey(i) || stored.get(i)) {
                continue;
            }
            Optional<Holder> best = best(i, now, 0);
            if (best.isPresent()) {
                start(i, best.get(), now);
            } else {
                stuck |= !anyCouldSend(i, now);
            }
        }
        hedge(now);
        if (stuck) {
            search(now);
        }
    }

    private boolean anyCouldSend(int chunk, long now) {
        Set<Holder> bad = badSenders.getOrDefault(chunk, Set.of());
        return holders.values().stream().anyMatch(h -> h.usable(now) && h.holds(chunk) && !bad.contains(h));
    }

    /** The holder that would finish chunk {@code i} first, if any has a free slot. */
    private Optional<Holder> best(int i, long now, double minimumGainSeconds) {
        Holder best = null;
        double bestFinish = Double.MAX_VALUE;
        Set<Holder> bad = badSenders.getOrDefault(i, Set.of());
        for (Holder h : holders.values()) {
            if (!h.usable(now) || !h.holds(i) || h.inFlight >= settings.perHolder() || bad.contains(h)) {
                continue;
            }
            double finish = (owed(h) + list.length(i)) / h.plannedRate();
            if (finish < bestFinish) {
                best = h;
                bestFinish = finish;
            }
        }
        return minimumGainSeconds <= 0 || bestFinish < minimumGainSeconds ? Optional.ofNullable(best)
                : Optional.empty();
    }

    /** Races a second request for the chunk the reader waits on, if a holder could bring it in half the time. */
    private void hedge(long now) {
        List<ChunkFetch> racing = fetching.get(wanted);
        if (!waiting || racing == null || racing.size() != 1) {
            return;
        }
        ChunkFetch slow = racing.get(0);
        double remaining = (slow.length - slow.received()) / slow.holder.plannedRate()
                * Math.max(1, slow.holder.inFlight);
        best(wanted, now, remaining / 2).filter(h -> h != slow.holder).ifPresent(h -> start(wanted, h, now));
    }

    private double owed(Holder h) {
        double owed = 0;
        for (List<ChunkFetch> fetches : fetching.values()) {
            for (ChunkFetch f : fetches) {
                if (f.holder == h) {
                    owed += f.length - f.received();
                }
            }
        }
        return owed;
    }

    private void start(int i, Holder h, long now) {
        ChunkFetch fetch = new ChunkFetch(i, h, list.length(i), now, this);
        fetching.computeIfAbsent(i, k -> new ArrayList<>()).add(fetch);
        if (h.inFlight++ == 0) {
            h.lastProgress = now;
        }
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
            try {
                store.put(list.contentId(), fetch.chunk, data, length);
                kept = length <= store.budget();
            } catch (IOException e) {
                // the disk is full or gone: the reader still gets the chunk from memory
            }
        }
        synchronized (this) {
            if (!finish(fetch)) {
                return;
            }
            if (good) {
                fetching.getOrDefault(fetch.chunk, List.of()).forEach(ChunkFetch::cancel);
                List<ChunkFetch> losers = fetching.remove(fetch.chunk);
                if (losers != null) {
                    losers.forEach(f -> f.holder.inFlight--);
                }
                ready.put(fetch.chunk, data);
                if (kept) {
                    stored.set(fetch.chunk);
                }
                fetch.holder.setbacks = 0;
            } else {
                Holder h = fetch.holder;
                h.badChunks++;
                badSenders.computeIfAbsent(fetch.chunk, k -> new HashSet<>()).add(h);
                if (h.badChunks >= settings.maxBadChunks()) {
                    drop(h);
                }
            }
            notifyAll();
            assign();
        }
    }

    @Override
    public void failed(ChunkFetch fetch, Throwable why) {
        synchronized (this) {
            if (!finish(fetch)) {
                return;
            }
            fetch.holder.setback(nanoTime.getAsLong());
            cancelAll(fetch.holder);
            assign();
        }
    }

    /** Forgets a fetch; false if it was already given up (a late answer from a holder that stalled). */
    private boolean finish(ChunkFetch fetch) {
        List<ChunkFetch> fetches = fetching.get(fetch.chunk);
        if (fetches == null || !fetches.remove(fetch)) {
            return false;
        }
        if (fetches.isEmpty()) {
            fetching.remove(fetch.chunk);
        }
        fetch.holder.inFlight--;
        return true;
    }

    private void cancelAll(Holder h) {
        for (List<ChunkFetch> fetches : new ArrayList<>(fetching.values())) {
            for (ChunkFetch f : new ArrayList<>(fetches)) {
                if (f.holder == h && finish(f)) {
                    f.cancel();
                }
            }
        }
    }

    private void drop(Holder h) {
        h.dropped = true;
        cancelAll(h);
    }

    private void tick() {
        long now = nanoTime.getAsLong();
        synchronized (this) {
            double seconds = Math.max(1e-3, (now - lastTick) / 1e9);
            lastTick = now;
            for (Holder h : holders.values()) {
                h.measure(seconds);
                long patience = Math.max(settings.stallAfter().toNanos(),
                        (long) (3e9 * 64 * 1024 / h.plannedRate()));
                if (h.inFlight > 0 && now - h.lastProgress > patience) {
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
                for (Holder fresh : found) {
                    Holder known = holders.putIfAbsent(fresh.neighbour.id(), fresh);
                    if (known != null && !known.dropped) {
                        known.excludedUntil = 0;
                    }
                }
                assign();
            }
        });
    }

    @Override
    public void close() {
        ticker.cancel(false);
        synchronized (this) {
            closed = true;
            holders.values().forEach(this::cancelAll);
            ready.clear();
            notifyAll();
        }
    }
}
