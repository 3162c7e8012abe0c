package org.diva.upnp.library;

import java.util.List;

/**
 * A slice of a result and the size of the whole result.
 *
 * @param total how many match in all, whatever slice was asked for
 */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
        if (total < items.size()) {
            throw new IllegalArgumentException(items.size() + " items on a page of a result of " + total);
        }
    }
}
