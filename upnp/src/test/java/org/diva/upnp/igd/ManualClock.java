package org.diva.upnp.igd;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Time that moves only when the test says so. */
final class ManualClock implements InstantSource {
    static final Instant START = Instant.parse("2026-01-01T20:00:00Z");
    private volatile Instant now = START;

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }
}
