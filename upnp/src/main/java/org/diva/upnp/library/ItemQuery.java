package org.diva.upnp.library;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of items: those the filter and the criteria both select, in the given order, then by id.
 *
 * @param criteria absent for "everything the filter selects"
 * @param sort     may be empty: then by id alone
 * @param limit    at most this many (0: only count them), never more than {@link #MAX_LIMIT}
 */
public record ItemQuery(ItemFilter filter, Optional<Criteria> criteria, List<SortKey> sort, long offset,
                        int limit) {
    public static final int MAX_LIMIT = 1000;

    public ItemQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(criteria, "criteria");
        sort = List.copyOf(sort);
        if (offset < 0 || limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset " + offset + " and limit " + limit + " (at most "
                    + MAX_LIMIT + ")");
        }
    }

    /** Only how many items the filter selects. */
    public static ItemQuery count(ItemFilter filter) {
        return new ItemQuery(filter, Optional.empty(), List.of(), 0, 0);
    }
}
