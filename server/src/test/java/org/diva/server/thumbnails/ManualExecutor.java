package org.diva.server.thumbnails;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** An executor that holds its tasks until the test runs them, with room for {@code capacity} of them. */
final class ManualExecutor extends AbstractExecutorService {
    private final int capacity;
    private final List<Runnable> queued = new ArrayList<>();
    private boolean shutdown;

    ManualExecutor(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void execute(Runnable task) {
        if (shutdown || queued.size() == capacity) {
            throw new RejectedExecutionException("full");
        }
        queued.add(task);
    }

    synchronized int queued() {
        return queued.size();
    }

    void runAll() {
        List<Runnable> tasks;
        synchronized (this) {
            tasks = new ArrayList<>(queued);
            queued.clear();
        }
        tasks.forEach(Runnable::run);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queued);
        queued.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queued.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }
}
