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
            long unmodifiedSince = headers.getDateField(HttpHeader.IF_UNMODIFIED_SINCE.asString());
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
            long modifiedSince = headers.getDateField(HttpHeader.IF_MODIFIED_SINCE.asString());
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
        long date = headers.getDateField(HttpHeader.IF_RANGE.asString());
        return date >= 0 && file.lastModifiedMillis() / 1000 == date / 1000;
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
