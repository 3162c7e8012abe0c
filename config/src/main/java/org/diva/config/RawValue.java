package org.diva.config;

import java.util.List;
import java.util.Objects;

/**
 * A setting's value as text, before it is typed, with where it came from ("--port", "DIVA_PORT",
 * "/etc/diva.yaml") so that an error can say which source to fix.
 */
record RawValue(List<String> values, String origin) {
    RawValue {
        values = List.copyOf(values);
        Objects.requireNonNull(origin, "origin");
    }

    static RawValue of(String value, String origin) {
        return new RawValue(List.of(value), origin);
    }

    String single() {
        return values.get(values.size() - 1);
    }
}
