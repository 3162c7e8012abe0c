package org.diva.web.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jetty.http.ByteRange;

/**
 * A parsed {@code Range} header (RFC 9110 section 14): the whole representation, some ranges, or ranges none of
 * which the file can satisfy. Syntactically invalid headers are ignored (the whole file is sent), as the RFC
 * allows; overlapping or adjacent ranges are merged; too many ranges are refused as unsatisfiable, because a
 * request for hundreds of tiny ranges is an attack, not a player.
 */
public sealed interface RangeRequest {
    int MAX_RANGES = 16;

    record Whole() implements RangeRequest {
    }

    record Unsatisfiable() implements RangeRequest {
    }

    record Ranges(List<ByteRange> ranges) implements RangeRequest {
        public Ranges {
            ranges = List.copyOf(ranges);
        }
    }

    static RangeRequest parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        String[] specs = value.substring(6).split(",");
        List<ByteRange> satisfiable = new ArrayList<>();
        boolean suffixOfEmpty = false;
        int count = 0;
        for (String raw : specs) {
            String spec = raw.strip();
            if (spec.isEmpty()) {
                continue;
            }
            if (++count > MAX_RANGES) {
                return new Unsatisfiable();
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return new Whole();
            }
            String firstText = spec.substring(0, dash).strip();
            String lastText = spec.substring(dash + 1).strip();
            long last = position(lastText);
            if (firstText.isEmpty()) {
                if (last < 0) {
                    return new Whole();
                }
                if (last > 0 && size > 0) {
                    satisfiable.add(new ByteRange(Math.max(0, size - last), size - 1));
                }
                suffixOfEmpty |= last > 0 && size == 0;
                continue;
            }
            long first = position(firstText);
            boolean open = lastText.isEmpty();
            if (first < 0 || (!open && (last < 0 || last < first))) {
                return new Whole();
            }
            if (first < size) {
                satisfiable.add(new ByteRange(first, open ? size - 1 : Math.min(last, size - 1)));
            }
        }
        if (count == 0) {
            return new Whole();
        }
        if (satisfiable.isEmpty()) {
            // RFC 9110 section 14.1.1: a suffix range of an empty file is satisfiable, but no Content-Range can
            // describe an empty range, so the whole (empty) file is the answer.
            return suffixOfEmpty ? new Whole() : new Unsatisfiable();
        }
        return new Ranges(merge(satisfiable));
    }

    /**
     * A byte position, or -1 if {@code text} is not one: ASCII digits only, as RFC 9110 section 14.1.1 has it
     * ({@code Long.parseLong} would also take a sign and non-ASCII digits). Too large a number is still a position,
     * past the end of any file, so it saturates rather than making a valid header invalid.
     */
    private static long position(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : value * 10 + digit;
        }
        return value;
    }

    private static List<ByteRange> merge(List<ByteRange> ranges) {
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(ByteRange::first));
        List<ByteRange> merged = new ArrayList<>();
        ByteRange current = sorted.get(0);
        for (ByteRange next : sorted.subList(1, sorted.size())) {
            if (next.first() <= current.last() + 1) {
                current = new ByteRange(current.first(), Math.max(current.last(), next.last()));
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return merged;
    }
}
