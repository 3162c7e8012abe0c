package org.diva.upnp.igd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.diva.upnp.service.Scheduler;

/** A scheduler that runs nothing by itself: the test sees what is pending with which delay and runs it. */
final class ManualScheduler implements Scheduler {
    private record Task(Runnable task, Duration delay, CompletableFuture<Void> future) {
    }

    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized Future<?> schedule(Runnable task, Duration delay) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        tasks.add(new Task(task, delay, future));
        return future;
    }

    /** The delays of the tasks waiting to run (not cancelled), oldest first. */
    synchronized List<Duration> pending() {
        return tasks.stream().filter(t -> !t.future().isCancelled()).map(Task::delay).toList();
    }

    /** Runs the oldest task that was not cancelled, on this thread. */
    void runNext() {
        Task next;
        synchronized (this) {
            tasks.removeIf(t -> t.future().isCancelled());
            if (tasks.isEmpty()) {
                throw new AssertionError("nothing is scheduled");
            }
            next = tasks.remove(0);
        }
        next.task().run();
        next.future().complete(null);
    }
}
