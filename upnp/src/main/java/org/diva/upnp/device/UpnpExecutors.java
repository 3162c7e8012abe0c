package org.diva.upnp.device;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads jUPnP runs on, one bounded pool per kind of work instead of jUPnP's single shared pool, so a flood
 * of one kind cannot starve the others: HTTP requests (Browse, descriptions, GENA) are never stuck behind SSDP.
 *
 * <ul>
 * <li>sync: HTTP requests and outgoing events; full means 503 to the client (see the HTTP handler)</li>
 * <li>async: SSDP searches and announcements, registry listeners; full means the datagram is dropped, as UDP
 * may be anyway</li>
 * <li>registry: jUPnP's maintenance loop (expiry, re-announcement), one thread</li>
 * <li>receivers: one blocking receive loop per SSDP socket</li>
 * <li>events: the timer that paces ContentDirectory events</li>
 * </ul>
 */
final class UpnpExecutors {
    private static final Logger log = LoggerFactory.getLogger(UpnpExecutors.class);

    private final ThreadPoolExecutor sync;
    private final ThreadPoolExecutor async;
    private final ThreadPoolExecutor registry;
    private final ThreadPoolExecutor receivers;
    private final ScheduledThreadPoolExecutor events;

    /**
     * @param syncThreads  concurrent HTTP requests (and so concurrent Browse calls)
     * @param receiveTasks how many tasks jUPnP starts on the receivers pool: blocking receive loops, and the
     *                     stream servers' runs, which return at once
     */
    UpnpExecutors(int syncThreads, int receiveTasks) {
        sync = pool("upnp-http", syncThreads, new ArrayBlockingQueue<>(syncThreads * 4),
                new ThreadPoolExecutor.AbortPolicy());
        async = pool("upnp-ssdp", 4, new ArrayBlockingQueue<>(256), (task, pool) ->
                log.debug("UPnP is busy: dropped {}", task));
        registry = pool("upnp-registry", 1, new SynchronousQueue<>(), new ThreadPoolExecutor.AbortPolicy());
        receivers = new ThreadPoolExecutor(0, receiveTasks + 1, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named("upnp-receive"), new ThreadPoolExecutor.AbortPolicy());
        events = new ScheduledThreadPoolExecutor(1, named("upnp-events"));
        events.setRemoveOnCancelPolicy(true);
    }

    ExecutorService sync() {
        return sync;
    }

    ExecutorService async() {
        return async;
    }

    ExecutorService registry() {
        return registry;
    }

    ExecutorService receivers() {
        return receivers;
    }

    ScheduledExecutorService events() {
        return events;
    }

    /** Interrupts everything; jUPnP calls this while it shuts down. */
    void shutdownNow() {
        for (ExecutorService pool : all()) {
            pool.shutdownNow();
        }
    }

    /** Waits for every thread to end; false (and a warning naming the pool) if one did not in time. */
    boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (ExecutorService pool : all()) {
            if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("UPnP threads did not stop within {}: {}", timeout, pool);
                all = false;
            }
        }
        return all;
    }

    private List<ExecutorService> all() {
        return List.of(events, sync, async, registry, receivers);
    }

    private static ThreadPoolExecutor pool(String name, int threads, java.util.concurrent.BlockingQueue<Runnable>
            queue, RejectedExecutionHandler whenFull) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queue, named(name),
                whenFull);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
