package org.diva.upnp.library;

import java.util.Objects;

/**
 * A page of the distinct values of a facet among the items a filter selects, each with its item count, ordered
 * by {@code LOWER(value)} then value (ascending or, if {@code descending}, the reverse of both). In H2, which
 * does not let ORDER BY use a select alias inside an expression, group a derived table:
 * {@code SELECT v, COUNT(*) FROM (SELECT COALESCE(artist, '') AS v FROM item WHERE ...) t GROUP BY v
 * ORDER BY LOWER(v), v LIMIT :limit OFFSET :offset}, and count with
 * {@code SELECT COUNT(DISTINCT COALESCE(artist, '')) FROM item WHERE ...}.
 *
 * @param limit at most this many (0: only count the values), never more than {@link ItemQuery#MAX_LIMIT}
 */
public record ValueQuery(Facet facet, ItemFilter filter, boolean descending, long offset, int limit) {
    public ValueQuery {
        Objects.requireNonNull(facet, "facet");
        Objects.requireNonNull(filter, "filter");
        if (offset < 0 || limit < 0 || limit > ItemQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("offset " + offset + " and limit " + limit + " (at most "
                    + ItemQuery.MAX_LIMIT + ")");
        }
        if (facet == Facet.SUBFOLDER && filter.folder().isEmpty()) {
            throw new IllegalArgumentException("subfolders of which folder? The filter names none");
        }
    }

    /** Only how many distinct values there are. */
    public static ValueQuery count(Facet facet, ItemFilter filter) {
        return new ValueQuery(facet, filter, false, 0, 0);
    }
}
