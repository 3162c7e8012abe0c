package org.diva.upnp.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Library changes reach TVs at most every two seconds, merged, and never lost. */
class ContentEventsTest {
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ManualClock clock = new ManualClock();
    private final List<Map<String, Long>> published = new ArrayList<>();
    private ContentEvents events;

    @BeforeEach
    void setUp() {
        events = new ContentEvents(INTERVAL, scheduler, clock, published::add);
    }

    @Test
    void firstChangeGoesOutAtOnce() {
        events.changed(Map.of("1", 5L));

        assertEquals(Duration.ZERO, scheduler.runNext());
        assertEquals(List.of(Map.of("1", 5L)), published);
    }

    @Test
    void changesWithinTheIntervalAreMergedIntoOneEventAtItsEnd() {
        events.changed(Map.of("1", 5L));
        scheduler.runNext();
        clock.advance(Duration.ofMillis(500));

        events.changed(Map.of("1", 6L, "2", 1L));
        clock.advance(Duration.ofMillis(300));
        events.changed(Map.of("1", 7L));
        events.changed(Map.of());

        assertEquals(1, scheduler.tasks.size(), "one event pending, however many changes");
        assertEquals(Duration.ofMillis(1500), scheduler.runNext(), "two seconds after the last event");
        assertEquals(Map.of("1", 7L, "2", 1L), published.get(1), "the latest update id per container");
        assertEquals(2, published.size());
    }

    @Test
    void aChangeAfterAQuietIntervalGoesOutAtOnceAgain() {
        events.changed(Map.of("1", 5L));
        scheduler.runNext();
        clock.advance(Duration.ofSeconds(3));

        events.changed(Map.of("2", 1L));

        assertEquals(Duration.ZERO, scheduler.runNext());
        assertEquals(Map.of("2", 1L), published.get(1));
    }

    @Test
    void aChangeOnlyToTheSystemUpdateIdIsPublishedWithNoContainers() {
        events.changed(Map.of());
        scheduler.runNext();

        assertEquals(List.of(Map.of()), published);
    }

    @Test
    void afterCloseNothingMoreIsPublished() {
        events.changed(Map.of("1", 5L));
        scheduler.runNext();
        events.changed(Map.of("1", 6L));

        events.close();
        events.changed(Map.of("1", 7L));

        assertTrue(scheduler.tasks.stream().allMatch(t -> t.future().isCancelled()), "pending event cancelled");
        scheduler.runNext();
        assertEquals(1, published.size());
    }
}
