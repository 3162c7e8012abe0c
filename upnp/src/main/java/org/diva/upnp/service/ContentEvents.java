package org.diva.upnp.service;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Turns library changes into ContentDirectory events at most once per interval. A scan that adds a thousand files
 * would otherwise send a thousand NOTIFYs to every TV, each of which then re-browses. The first change after a
 * quiet spell goes out at once; changes within the interval after an event are merged (the latest update id per
 * container wins) and go out together when it ends, so the last state always reaches subscribers: unlike jUPnP's
 * own moderation, which drops changes that come too fast.
 */
public final class ContentEvents {
    private final Duration interval;
    private final Scheduler scheduler;
    private final InstantSource clock;
    private final Consumer<Map<String, Long>> publisher;
    private final Map<String, Long> pending = new LinkedHashMap<>();
    private Instant lastPublished = Instant.MIN;
    private Future<?> scheduled;
    private boolean closed;

    /**
     * @param interval  the least time between two events
     * @param publisher receives the containers changed since the last event (id to update id), maybe none
     */
    public ContentEvents(Duration interval, Scheduler scheduler, InstantSource clock,
                         Consumer<Map<String, Long>> publisher) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("negative event interval " + interval);
        }
        this.interval = interval;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /** Something changed; {@code containerUpdateIds} names the containers that did, if known. */
    public synchronized void changed(Map<String, Long> containerUpdateIds) {
        if (closed) {
            return;
        }
        pending.putAll(containerUpdateIds);
        if (scheduled == null) {
            Instant now = clock.instant();
            Instant due = lastPublished.equals(Instant.MIN) ? now : lastPublished.plus(interval);
            scheduled = scheduler.schedule(this::publish, due.isAfter(now) ? Duration.between(now, due)
                    : Duration.ZERO);
        }
    }

    private void publish() {
        Map<String, Long> batch;
        synchronized (this) {
            if (closed) {
                return;
            }
            batch = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pending));
            pending.clear();
            scheduled = null;
            lastPublished = clock.instant();
        }
        publisher.accept(batch);
    }

    /** Drops what is pending; later changes are ignored. */
    public synchronized void close() {
        closed = true;
        pending.clear();
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }
}
