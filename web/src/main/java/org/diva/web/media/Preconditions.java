package org.diva.web.media;

import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Conditional request evaluation (RFC 9110 section 13.2.2) for a file with an ETag and a modification time:
 * what to answer before any body is sent.
 */
final class Preconditions {
    enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

    private Preconditions() {
    }

    static Outcome evaluate(HttpFields headers, ServedFile file, boolean safeMethod) {
        String etag = file.etag();
        long modifiedSeconds = file.lastModifiedMillis() / 1000;
        String ifMatch = headers.get(HttpHeader.IF_MATCH);
        if (ifMatch != null) {
            if (!matches(ifMatch, etag, false)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else {
            long unmodifiedSince = date(headers, HttpHeader.IF_UNMODIFIED_SINCE);
            if (unmodifiedSince >= 0 && modifiedSeconds > unmodifiedSince / 1000) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        String ifNoneMatch = headers.get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, etag, true)) {
                return safeMethod ? Outcome.NOT_MODIFIED : Outcome.PRECONDITION_FAILED;
            }
        } else if (safeMethod) {
            long modifiedSince = date(headers, HttpHeader.IF_MODIFIED_SINCE);
            if (modifiedSince >= 0 && modifiedSeconds <= modifiedSince / 1000) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /** {@code If-Range}: ranges apply only if the validator still matches; a weak ETag never does. */
    static boolean rangeStillValid(HttpFields headers, ServedFile file) {
        HttpField ifRange = headers.getField(HttpHeader.IF_RANGE);
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.getValue().strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(file.etag());
        }
        long date = date(headers, HttpHeader.IF_RANGE);
        return date >= 0 && file.lastModifiedMillis() / 1000 == date / 1000;
    }

    /**
     * A date header in milliseconds, or -1 when absent or not an HTTP-date: RFC 9110 section 13.1.3 says to ignore
     * such a condition, where Jetty would throw and the client would get a 500.
     */
    private static long date(HttpFields headers, HttpHeader header) {
        try {
            return headers.getDateField(header);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static boolean matches(String header, String etag, boolean weakComparison) {
        for (String candidate : List.of(header.split(","))) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (weakComparison && tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
