package org.diva.upnp.library;

import java.util.List;
import java.util.Optional;

/**
 * The household's library as the UPnP face reads it: items, the values they group by, and a change counter.
 * The server implements it over its catalogue; every query is paged and counted by the implementation (in SQL:
 * a {@code COUNT(*)} and a {@code LIMIT/OFFSET} select over the same WHERE clause), because a library holds tens
 * of thousands of items and a TV asks for 30 at a time.
 *
 * <p>Implementations are called from many threads at once. Storage failures surface as unchecked exceptions,
 * which the UPnP device answers with 501 Action Failed.
 *
 * <p>Only playable items belong in the view (the catalogue's rows with status OK).
 */
public interface LibraryView {

    /** The item with this id, if the library has it. */
    Optional<MediaItem> item(long id);

    /** A page of the items that match, and how many match in all. */
    Page<MediaItem> items(ItemQuery query);

    /** A page of a facet's distinct values among the matching items, with counts, and how many values in all. */
    Page<ValueCount> values(ValueQuery query);

    /** The media roots, in the order the household configured them. */
    List<MediaRoot> roots();

    /**
     * A number that changes (grows) whenever anything in the library changes, including removals; it survives
     * restarts. The ContentDirectory reports it as SystemUpdateID and as every container's update id.
     */
    long updateId();
}
