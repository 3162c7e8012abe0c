package org.diva.upnp.library;

import java.util.Objects;

/** One group of {@link LibraryView#values}: the value ('' for "not tagged") and how many items have it. */
public record ValueCount(String value, long count) {
    public ValueCount {
        Objects.requireNonNull(value, "value");
        if (count <= 0) {
            throw new IllegalArgumentException("a group has at least one item, not " + count);
        }
    }
}
