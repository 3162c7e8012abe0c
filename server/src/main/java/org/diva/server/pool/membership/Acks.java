package org.diva.server.pool.membership;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.diva.server.pool.ServerId;

/**
 * Waits until the members in the view have applied a message (each answers with an ack), so a change of
 * membership is in force everywhere before the server says it is done: a joiner told "welcome" then reaches a
 * coordinator that already trusts it.
 */
final class Acks {
    private record Pending(Set<ServerId> waiting, CompletableFuture<Void> done) {
    }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    /** Starts waiting for acks of message {@code id} from {@code from}. */
    void expect(long id, Set<ServerId> from) {
        Set<ServerId> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(from);
        Pending p = new Pending(waiting, new CompletableFuture<>());
        pending.put(id, p);
        if (waiting.isEmpty()) {
            p.done().complete(null);
        }
    }

    void acked(long id, ServerId by) {
        Pending p = pending.get(id);
        if (p != null && p.waiting().remove(by) && p.waiting().isEmpty()) {
            p.done().complete(null);
        }
    }

    /** Waits at most {@code timeout}; returns the members that did not ack (empty when all did). */
    Set<ServerId> await(long id, Duration timeout) throws InterruptedException {
        Pending p = pending.get(id);
        if (p == null) {
            return Set.of();
        }
        try {
            p.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the members still waited for are the answer
        } finally {
            pending.remove(id);
        }
        return Set.copyOf(p.waiting());
    }
}
