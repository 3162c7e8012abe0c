package org.diva.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.URIUtil;

/**
 * A path such as {@code /api/v1/items/{id}}: literal segments match exactly, {@code {name}} matches one
 * non-empty segment and captures it percent-decoded. Jetty's canonical path still carries escapes for reserved
 * characters such as space, {@code ?}, {@code #} and {@code ;}, so each segment is decoded here, after splitting,
 * where an escaped character can no longer act as a separator.
 */
public record PathPattern(String pattern, List<String> segments) {
    public PathPattern {
        segments = List.copyOf(segments);
    }

    public static PathPattern of(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("pattern must start with /: " + pattern);
        }
        return new PathPattern(pattern, split(pattern));
    }

    public Optional<Map<String, String>> match(String path) {
        List<String> actual = split(path);
        if (actual.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String segment = decode(actual.get(i));
            if (segment == null) {
                return Optional.empty();
            }
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
                params.put(expected.substring(1, expected.length() - 1), segment);
            } else if (!expected.equals(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /** The segment percent-decoded, or null if its escapes are broken (Jetty refuses such URIs before routing). */
    private static String decode(String segment) {
        try {
            return URIUtil.decodePath(segment);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            parts.add(part);
        }
        parts.remove(0);
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }
}
