package org.diva.web.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.diva.web.media.Preconditions.Outcome;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditional requests (RFC 9110 section 13.2.2) as a table. {@code ETAG} in a row stands for the file's own tag;
 * dates are given relative to its modification time, which has a sub-second part as real files do.
 */
class PreconditionsTest {
    private static final long MODIFIED = 1_700_000_000_750L;
    private static final ServedFile FILE = new ServedFile(Path.of("movie.mkv"), "video/x-matroska", 1234, MODIFIED);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @ParameterizedTest(name = "[{index}] {0}: {1} (safe={2}) -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # header            | value                   | safe  | outcome
            Accept              | */*                     | true  | PROCEED
            If-None-Match       | ETAG                    | true  | NOT_MODIFIED
            If-None-Match       | W/ETAG                  | true  | NOT_MODIFIED
            If-None-Match       | "other", ETAG           | true  | NOT_MODIFIED
            If-None-Match       | *                       | true  | NOT_MODIFIED
            If-None-Match       | "other"                 | true  | PROCEED
            If-None-Match       | ETAG                    | false | PRECONDITION_FAILED
            If-Match            | ETAG                    | true  | PROCEED
            If-Match            | *                       | true  | PROCEED
            If-Match            | "other", ETAG           | true  | PROCEED
            If-Match            | "other"                 | true  | PRECONDITION_FAILED
            If-Match            | W/ETAG                  | true  | PRECONDITION_FAILED
            If-Modified-Since   | +0                      | true  | NOT_MODIFIED
            If-Modified-Since   | +3600                   | true  | NOT_MODIFIED
            If-Modified-Since   | -1                      | true  | PROCEED
            If-Modified-Since   | +0                      | false | PROCEED
            If-Modified-Since   | yesterday               | true  | PROCEED
            If-Unmodified-Since | +0                      | true  | PROCEED
            If-Unmodified-Since | -1                      | true  | PRECONDITION_FAILED
            If-Unmodified-Since | not a date              | true  | PROCEED
            """)
    void evaluatesOneCondition(String header, String value, boolean safe, Outcome outcome) {
        assertEquals(outcome, Preconditions.evaluate(headers(header, value), FILE, safe));
    }

    @Test
    void ifNoneMatchOverridesIfModifiedSince() {
        HttpFields headers = HttpFields.build().add("If-None-Match", "\"other\"").add("If-Modified-Since", date(0));
        assertEquals(Outcome.PROCEED, Preconditions.evaluate(headers, FILE, true));
    }

    @Test
    void ifMatchOverridesIfUnmodifiedSince() {
        HttpFields headers = HttpFields.build().add("If-Match", FILE.etag()).add("If-Unmodified-Since", date(-1));
        assertEquals(Outcome.PROCEED, Preconditions.evaluate(headers, FILE, true));
    }

    /** A client that sends a date the server cannot read gets the file, not a 500 (RFC 9110 section 13.1.3). */
    @Test
    void invalidIfModifiedSinceIsIgnored() {
        assertEquals(Outcome.PROCEED, Preconditions.evaluate(headers("If-Modified-Since", "garbage"), FILE, true));
    }

    @ParameterizedTest(name = "[{index}] If-Range: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ETAG               | true
            "other"            | false
            W/ETAG             | false
            +0                 | true
            -1                 | false
            +1                 | false
            not a date         | false
            """)
    void ifRangeKeepsRangesOnlyWhileTheValidatorMatches(String value, boolean valid) {
        assertEquals(valid, Preconditions.rangeStillValid(headers("If-Range", value), FILE));
    }

    @Test
    void rangesAreValidWithoutIfRange() {
        assertEquals(true, Preconditions.rangeStillValid(HttpFields.EMPTY, FILE));
    }

    private static HttpFields headers(String name, String value) {
        return HttpFields.build().add(name, expand(value));
    }

    /** {@code ETAG} becomes the file's tag; {@code +n}/{@code -n} a date n seconds after/before its modification. */
    private static String expand(String value) {
        if (value.matches("[+-]\\d+")) {
            return date(Long.parseLong(value.replace("+", "")));
        }
        return value.replace("ETAG", FILE.etag());
    }

    private static String date(long secondsFromModified) {
        return HTTP_DATE.format(Instant.ofEpochMilli(MODIFIED).plusSeconds(secondsFromModified));
    }
}
