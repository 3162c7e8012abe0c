package org.diva.transcode.probe.mpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PtsClockTest {
    private static final long WRAP = 1L << 33;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,                              reference,      time stamp,     expected offset
        "same,                                900000,         900000,         0",
        "later,                               900000,         990000,         90000",
        "reordered B-frame just before,       900000,         896400,         -3600",
        "a minute before counts as before,    5400000,        1,              -5399999",
        "across the wrap,                     8589844592,     90000,          180000",
        "just before the wrap from after it,  100,            8589934492,     -200",
        "26 hours later,                      0,              8424000000,     8424000000",
        "bits above 33 are ignored,           0,              8589934593,     1",
    })
    void measuresOffsetsFromTheFirstTimeStamp(String name, long reference, long pts, long expected) {
        PtsClock clock = new PtsClock();
        assertEquals(0, clock.offset(reference));
        assertEquals(expected, clock.offset(pts));
    }

    @ParameterizedTest(name = "{0} ticks")
    @CsvSource({"0, 0", "90, 1", "89, 0", "90000, 1000", "7776000000, 86400000"})
    void convertsTicksToMillis(long ticks, long millis) {
        assertEquals(millis, PtsClock.toMillis(ticks));
        assertEquals(WRAP, 1L << 33);
    }
}
