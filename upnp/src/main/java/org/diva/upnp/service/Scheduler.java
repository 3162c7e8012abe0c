package org.diva.upnp.service;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task later; injected so tests decide when "later" is. */
@FunctionalInterface
public interface Scheduler {
    Future<?> schedule(Runnable task, Duration delay);

    static Scheduler of(ScheduledExecutorService executor) {
        return (task, delay) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
