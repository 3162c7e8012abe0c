package org.diva.server.pool.swarm;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.content.ChunkList;

/**
 * Who should send which chunk: the swarm's holders and the choice among them. Not thread-safe: the swarm's lock
 * guards it.
 *
 * <p>A chunk goes to the holder that would finish it first: the bytes it still owes on its requests plus this
 * chunk, over its measured rate. A holder is only given a chunk it can bring before that chunk's deadline (the
 * time the reader reaches it at the swarm's summed rate) with a second of slack, unless it is the fastest choice
 * anyway; so a holder that has gone slow or silent and came back from its setback gets no chunk the reader will
 * soon wait for.
 */
final class Planner {
    private final ChunkList list;
    private final SwarmSettings settings;
    private final InFlight fetching;
    private final Map<ServerId, Holder> holders = new HashMap<>();
    private final Map<Integer, Set<Holder>> badSenders = new HashMap<>();

    Planner(ChunkList list, SwarmSettings settings, InFlight fetching, List<Holder> initial) {
        this.list = list;
        this.settings = settings;
        this.fetching = fetching;
        initial.forEach(h -> holders.put(h.neighbour.id(), h));
    }

    Collection<Holder> holders() {
        return holders.values();
    }

    /** Adds holders found again; one known and not dropped gets its setback lifted (it answered just now). */
    void found(List<Holder> fresh) {
        for (Holder h : fresh) {
            Holder known = holders.putIfAbsent(h.neighbour.id(), h);
            if (known != null && !known.dropped) {
                known.excludedUntil = 0;
            }
        }
    }

    /**
     * Chunks to keep requested ahead of the reader: the settings' read-ahead, or three rounds of requests to every
     * holder if that is more, so that many holders are never starved by a short window.
     */
    int window() {
        return Math.max(settings.readAhead(), 3 * settings.perHolder() * holders.size());
    }

    /** Counts a chunk that failed verification against its sender; true if the sender is now dropped. */
    boolean bad(Holder h, int chunk) {
        h.badChunks++;
        badSenders.computeIfAbsent(chunk, k -> new HashSet<>()).add(h);
        if (h.badChunks >= settings.maxBadChunks()) {
            h.dropped = true;
        }
        return h.dropped;
    }

    boolean anyCouldSend(int chunk, long now) {
        Set<Holder> bad = badSenders.getOrDefault(chunk, Set.of());
        return holders.values().stream().anyMatch(h -> h.usable(now) && h.holds(chunk) && !bad.contains(h));
    }

    /** The holder to ask for chunk {@code i} now, if one has a free slot and would bring it in time. */
    Optional<Holder> best(int i, int wanted, long now) {
        Holder best = null;
        double bestFinish = Double.MAX_VALUE;
        double fastestAny = Double.MAX_VALUE;
        double summedRate = 0;
        Set<Holder> bad = badSenders.getOrDefault(i, Set.of());
        for (Holder h : holders.values()) {
            if (!h.usable(now) || !h.holds(i) || bad.contains(h)) {
                continue;
            }
            double finish = (fetching.owed(h) + list.length(i)) / h.plannedRate();
            summedRate += h.plannedRate();
            fastestAny = Math.min(fastestAny, finish);
            if (h.inFlight < settings.perHolder() && finish < bestFinish) {
                best = h;
                bestFinish = finish;
            }
        }
        double deadline = (i - wanted + 1.0) * ChunkList.CHUNK_SIZE / Math.max(1, summedRate);
        boolean inTime = bestFinish <= Math.max(fastestAny, 2 * deadline + 1.0);
        return inTime ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * A second holder for the chunk the reader waits on, if one would bring the whole chunk in less than half the
     * time the request out now still needs. The race may take one request beyond {@code perHolder}: the reader is
     * stopped until this chunk is here, so it comes before the read-ahead.
     */
    Optional<Holder> raceFor(int wanted, long now) {
        List<ChunkFetch> racing = fetching.of(wanted);
        if (racing.size() != 1) {
            return Optional.empty();
        }
        ChunkFetch slow = racing.get(0);
        double remaining = (slow.length - slow.received()) / slow.holder.plannedRate()
                * Math.max(1, slow.holder.inFlight);
        Set<Holder> bad = badSenders.getOrDefault(wanted, Set.of());
        return holders.values().stream()
                .filter(h -> h != slow.holder && h.usable(now) && h.holds(wanted) && !bad.contains(h)
                        && h.inFlight <= settings.perHolder())
                .filter(h -> (fetching.owed(h) + slow.length) / h.plannedRate() < remaining / 2)
                .findFirst();
    }

    SwarmStats stats() {
        Map<ServerId, Long> bytes = new HashMap<>();
        Map<ServerId, Integer> badChunks = new HashMap<>();
        Set<ServerId> dropped = new HashSet<>();
        for (Holder h : holders.values()) {
            bytes.put(h.neighbour.id(), h.bytesTotal);
            badChunks.put(h.neighbour.id(), h.badChunks);
            if (h.dropped) {
                dropped.add(h.neighbour.id());
            }
        }
        return new SwarmStats(bytes, badChunks, dropped);
    }
}
