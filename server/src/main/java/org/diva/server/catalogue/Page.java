package org.diva.server.catalogue;

import java.util.List;

/** A slice of a result and the size of the whole result. */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
