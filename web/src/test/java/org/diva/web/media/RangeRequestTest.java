package org.diva.web.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jetty.http.ByteRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RangeRequest#parse} as a table: one row per header a client may send, against a 10,000-byte file. Positions
 * are ASCII digits only (no sign, no other script's digits); numbers past {@code Long.MAX_VALUE} are still positions.
 */
class RangeRequestTest {
    @ParameterizedTest(name = "[{index}] {0} of {1} bytes -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # header                      | size  | expected
            bytes=0-99                    | 10000 | 0-99
            bytes=100-                    | 10000 | 100-9999
            bytes=-500                    | 10000 | 9500-9999
            bytes=-20000                  | 10000 | 0-9999
            bytes=0-0                     | 10000 | 0-0
            bytes=9999-9999               | 10000 | 9999-9999
            bytes=9990-20000              | 10000 | 9990-9999
            bytes=10000-10010             | 10000 | unsatisfiable
            bytes=20000-                  | 10000 | unsatisfiable
            bytes=-0                      | 10000 | unsatisfiable
            BYTES=0-9                     | 10000 | 0-9
            bytes=0-9,100-109             | 10000 | 0-9,100-109
            bytes=100-109,0-9             | 10000 | 0-9,100-109
            bytes=0-9, 100-109            | 10000 | 0-9,100-109
            bytes=0-50,40-99              | 10000 | 0-99
            bytes=0-49,50-99              | 10000 | 0-99
            bytes=0-99,10-19              | 10000 | 0-99
            bytes=0-9,-10                 | 10000 | 0-9,9990-9999
            bytes=9000-,-2000             | 10000 | 8000-9999
            bytes=0-9,20000-30000         | 10000 | 0-9
            bytes=,,0-9,                  | 10000 | 0-9
            bytes=abc                     | 10000 | whole
            items=0-1                     | 10000 | whole
            bytes=5-2                     | 10000 | whole
            bytes=                        | 10000 | whole
            bytes=-                       | 10000 | whole
            bytes=--5                     | 10000 | whole
            bytes=a-9                     | 10000 | whole
            bytes=0-9,abc                 | 10000 | whole
            bytes=+0-9                    | 10000 | whole
            bytes=0-+9                    | 10000 | whole
            bytes=-+5                     | 10000 | whole
            bytes=١-٩                     | 10000 | whole
            bytes=0-99999999999999999999  | 10000 | 0-9999
            bytes=99999999999999999999-   | 10000 | unsatisfiable
            bytes=-99999999999999999999   | 10000 | 0-9999
            bytes=0-99                    | 0     | unsatisfiable
            bytes=0-                      | 0     | unsatisfiable
            bytes=-500                    | 1     | 0-0
            """)
    void parsesRangeHeader(String header, long size, String expected) {
        assertEquals(expected, describe(RangeRequest.parse(header, size)));
    }

    @Test
    void noHeaderMeansWhole() {
        assertEquals(new RangeRequest.Whole(), RangeRequest.parse(null, 10_000));
    }

    /**
     * RFC 9110 section 14.1.1: for a zero-length representation a non-zero suffix range is the one satisfiable
     * form, and since no Content-Range can describe an empty range the answer is the whole (empty) file.
     */
    @Test
    void suffixRangeOfEmptyFileIsServedWhole() {
        assertEquals(new RangeRequest.Whole(), RangeRequest.parse("bytes=-500", 0));
    }

    @Test
    void sixteenRangesAreServed() {
        RangeRequest parsed = RangeRequest.parse(ranges(16), 10_000);
        assertEquals(16, ((RangeRequest.Ranges) parsed).ranges().size());
    }

    @Test
    void seventeenRangesAreRefusedAsUnsatisfiable() {
        assertEquals(new RangeRequest.Unsatisfiable(), RangeRequest.parse(ranges(17), 10_000));
    }

    @Test
    void rangesAreCountedBeforeMerging() {
        String adjacent = "bytes=" + IntStream.range(0, 17).mapToObj(i -> i + "-" + i).collect(Collectors.joining(","));
        assertEquals(new RangeRequest.Unsatisfiable(), RangeRequest.parse(adjacent, 10_000));
    }

    @Test
    void rangesBeyondFourGibibytesKeepTheirOffsets() {
        long size = 5L << 30;
        assertEquals(List.of(new ByteRange(size - 16, size - 1)),
                ((RangeRequest.Ranges) RangeRequest.parse("bytes=" + (size - 16) + "-", size)).ranges());
    }

    /** {@code count} disjoint ten-byte ranges, a hundred bytes apart. */
    private static String ranges(int count) {
        return "bytes=" + IntStream.range(0, count).mapToObj(i -> (i * 100) + "-" + (i * 100 + 9))
                .collect(Collectors.joining(","));
    }

    private static String describe(RangeRequest request) {
        if (request instanceof RangeRequest.Whole) {
            return "whole";
        }
        if (request instanceof RangeRequest.Unsatisfiable) {
            return "unsatisfiable";
        }
        return ((RangeRequest.Ranges) request).ranges().stream()
                .map(range -> range.first() + "-" + range.last())
                .collect(Collectors.joining(","));
    }
}
