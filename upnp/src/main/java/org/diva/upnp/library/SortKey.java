package org.diva.upnp.library;

import java.util.Objects;

/** One level of an ordering; a query's keys apply in order, and the item id breaks the remaining ties. */
public record SortKey(SortField field, boolean descending) {
    public SortKey {
        Objects.requireNonNull(field, "field");
    }

    public static SortKey ascending(SortField field) {
        return new SortKey(field, false);
    }

    public static SortKey descending(SortField field) {
        return new SortKey(field, true);
    }
}
