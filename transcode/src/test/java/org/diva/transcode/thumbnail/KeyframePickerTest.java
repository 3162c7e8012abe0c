package org.diva.transcode.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which keyframes are tried, in order: one row per kind of index. */
class KeyframePickerTest {
    @ParameterizedTest(name = "{0} frames, keyframes {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "150   | 0 25 50 75 100 125 | 25 50",       // 10% = 15 -> 25, 20% -> 25 again, 30% = 45 -> 50, 40% -> 50
            "1000  | 0 250 500 750      | 0 250 500",   // sparse keyframes: 0.1 -> 0, 0.2 -> 250, 0.3 -> 250, 0.4 -> 500
            "50    | 0                  | 0",           // one keyframe
            "100   |                    | 10 20 30 40", // no 'stss': every frame is a keyframe
            "1     |                    | 0",
            "180000 | 0 300 600 900 179700 | 900",      // a two-hour film indexed only at its start: nearest is 900
    })
    void candidates(int frames, String keyframes, String expected) {
        int[] sync = keyframes == null ? new int[0] : Arrays.stream(keyframes.trim().split(" +"))
                .mapToInt(Integer::parseInt).toArray();
        List<Integer> picks = KeyframePicker.candidates(sync, frames);
        assertEquals(Arrays.stream(expected.trim().split(" +")).map(Integer::valueOf).toList(), picks);
    }
}
