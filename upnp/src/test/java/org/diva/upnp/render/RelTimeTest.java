package org.diva.upnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RelTimeTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"0:00:00, 0", "0:01:30, 90000", "1:00:01, 3601000", "00:00:05.5, 5500", "0:00:07.123456, 7123",
        "12:34:56, 45296000"})
    void parses_what_renderers_and_people_write(String text, long millis) {
        assertEquals(Optional.of(Duration.ofMillis(millis)), RelTime.parse(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"NOT_IMPLEMENTED", "", "90", "0:60:00", "0:00:61", "-0:00:01", "1:2:3", "0:00:00.x"})
    void refuses_anything_else(String text) {
        assertEquals(Optional.empty(), RelTime.parse(text));
    }

    @Test
    void formats_whole_seconds() {
        assertEquals("0:01:30", RelTime.format(Duration.ofMillis(90_700)));
        assertEquals("25:00:00", RelTime.format(Duration.ofHours(25)));
        assertThrows(IllegalArgumentException.class, () -> RelTime.format(Duration.ofSeconds(-1)));
    }
}
