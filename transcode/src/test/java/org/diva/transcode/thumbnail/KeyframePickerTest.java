package org.diva.transcode.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which moments are tried, in order: one row per kind of timeline. */
class KeyframePickerTest {
    @ParameterizedTest(name = "start {0}, duration {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "0       | 540000 | 54000 108000 162000 216000",      // 6 s from 0: 0.6, 1.2, 1.8, 2.4 s
            "126000  | 900000 | 216000 306000 396000 486000",    // a broadcast whose clock starts at 1.4 s
            "0       | 3      | 0 1",                            // rounding collapses repeats
            "0       | 0      | 0",                              // nothing to spread over: the start
            "90000   | -1     | 90000",                          // unknown duration: the start only
    })
    void targets(long start, long duration, String expected) {
        OptionalLong known = duration < 0 ? OptionalLong.empty() : OptionalLong.of(duration);
        List<Long> picks = KeyframePicker.targets(start, known);
        assertEquals(Arrays.stream(expected.trim().split(" +")).map(Long::valueOf).toList(), picks);
    }
}
