package org.diva.server.pool.swarm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests a swarm has out, by chunk, and each holder's count of them. Not thread-safe: the swarm's lock guards
 * it. A fetch leaves exactly once ({@link #finish}), so a late answer from a request already given up is told
 * apart from a live one.
 */
final class InFlight {
    private final Map<Integer, List<ChunkFetch>> byChunk = new HashMap<>();

    boolean has(int chunk) {
        return byChunk.containsKey(chunk);
    }

    List<ChunkFetch> of(int chunk) {
        return byChunk.getOrDefault(chunk, List.of());
    }

    void add(ChunkFetch fetch) {
        byChunk.computeIfAbsent(fetch.chunk, k -> new ArrayList<>()).add(fetch);
        fetch.holder.inFlight++;
    }

    /** Removes a fetch; false if it was already removed. */
    boolean finish(ChunkFetch fetch) {
        List<ChunkFetch> fetches = byChunk.get(fetch.chunk);
        if (fetches == null || !fetches.remove(fetch)) {
            return false;
        }
        if (fetches.isEmpty()) {
            byChunk.remove(fetch.chunk);
        }
        fetch.holder.inFlight--;
        return true;
    }

    /** Removes and returns every fetch of a chunk (the others in a race the first answer won). */
    List<ChunkFetch> finishChunk(int chunk) {
        List<ChunkFetch> fetches = new ArrayList<>(of(chunk));
        fetches.forEach(this::finish);
        return fetches;
    }

    /** Removes and returns every fetch from a holder (which failed, stalled or was dropped). */
    List<ChunkFetch> finishHolder(Holder holder) {
        List<ChunkFetch> gone = new ArrayList<>();
        for (List<ChunkFetch> fetches : new ArrayList<>(byChunk.values())) {
            for (ChunkFetch f : new ArrayList<>(fetches)) {
                if (f.holder == holder && finish(f)) {
                    gone.add(f);
                }
            }
        }
        return gone;
    }

    /** The bytes a holder still owes on its requests: what it must send before a new request would finish. */
    double owed(Holder holder) {
        double owed = 0;
        for (List<ChunkFetch> fetches : byChunk.values()) {
            for (ChunkFetch f : fetches) {
                if (f.holder == holder) {
                    owed += f.length - f.received();
                }
            }
        }
        return owed;
    }
}
