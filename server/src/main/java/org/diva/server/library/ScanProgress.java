package org.diva.server.library;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Live counters of the scan under way, read by the status API and the progress log. */
public final class ScanProgress {
    private final AtomicBoolean scanning = new AtomicBoolean();
    private final AtomicInteger filesSeen = new AtomicInteger();
    private final AtomicInteger toProbe = new AtomicInteger();
    private final AtomicInteger probed = new AtomicInteger();

    /** A snapshot for the API. */
    public record Snapshot(boolean scanning, int filesSeen, int toProbe, int probed) {
    }

    void begin() {
        filesSeen.set(0);
        toProbe.set(0);
        probed.set(0);
        scanning.set(true);
    }

    void end() {
        scanning.set(false);
    }

    void seen() {
        filesSeen.incrementAndGet();
    }

    void queued() {
        toProbe.incrementAndGet();
    }

    void probed() {
        probed.incrementAndGet();
    }

    public Snapshot snapshot() {
        return new Snapshot(scanning.get(), filesSeen.get(), toProbe.get(), probed.get());
    }
}
