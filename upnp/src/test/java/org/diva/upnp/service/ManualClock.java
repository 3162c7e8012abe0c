package org.diva.upnp.service;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Time that moves only when the test says so. */
final class ManualClock implements InstantSource {
    private Instant now = Instant.parse("2025-01-01T20:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }
}
