package org.diva.upnp.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** A scheduler that runs nothing by itself: the test sees what was scheduled with which delay and runs it. */
final class ManualScheduler implements Scheduler {
    record Task(Runnable task, Duration delay, CompletableFuture<Void> future) {
    }

    final List<Task> tasks = new ArrayList<>();

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        tasks.add(new Task(task, delay, future));
        return future;
    }

    /** Runs the oldest task that was not cancelled and returns the delay it had been scheduled with. */
    Duration runNext() {
        Task next = tasks.remove(0);
        if (!next.future().isCancelled()) {
            next.task().run();
            next.future().complete(null);
        }
        return next.delay();
    }
}
