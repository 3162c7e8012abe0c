package org.diva.upnp.library;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.diva.upnp.content.ClientContext;

/**
 * The neighbours' shared folders as the UPnP face reads them, for the "Neighbourhood" container: households, then
 * their folders, then items, fetched from the neighbours on demand. The server implements it over the pool.
 *
 * <p>Every call may go to a neighbour over the network, so implementations answer within a deadline; a neighbour
 * that is gone or did not answer in time is an empty answer, never an exception, so that it cannot break a TV's
 * browse. Folder ids and item ids are opaque to the UPnP face; item ids are what {@code /media/{id}} serves.
 */
public interface NeighbourhoodView {
    /** No pool: the container is not shown. */
    NeighbourhoodView NONE = new NeighbourhoodView() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Optional<Page<Entry>> children(String folderId, long offset, int limit) {
            return Optional.empty();
        }

        @Override
        public Optional<Entry.Folder> folder(String folderId) {
            return Optional.empty();
        }

        @Override
        public Optional<Entry.Item> item(String itemId) {
            return Optional.empty();
        }
    };

    /** Whether the server is in a pool, so the Neighbourhood container is shown under the root. */
    boolean enabled();

    /** A page of a folder's entries ({@code ""}: the households), or empty when it cannot be had now. */
    Optional<Page<Entry>> children(String folderId, long offset, int limit);

    /** A folder by id, with its title and its parent's id ({@code ""} for a household). */
    Optional<Entry.Folder> folder(String folderId);

    /** A neighbour's item by id. */
    Optional<Entry.Item> item(String itemId);

    /**
     * The converted streams to offer {@code client} before a neighbour's item, as for a local one: what the play
     * decision allows that device. None by default.
     */
    default List<ConvertedStream> converted(Entry.Item item, ClientContext client) {
        return List.of();
    }

    /** A household or folder, or an item with what the DIDL-Lite needs of it. */
    sealed interface Entry {
        record Folder(String id, String title, String parentId) implements Entry {
            public Folder {
                Objects.requireNonNull(id, "id");
                Objects.requireNonNull(title, "title");
                Objects.requireNonNull(parentId, "parentId");
            }
        }

        /** @param item its metadata; its numeric id is meaningless, {@code id} is what names and serves it */
        record Item(String id, String parentId, MediaItem item) implements Entry {
            public Item {
                Objects.requireNonNull(id, "id");
                Objects.requireNonNull(parentId, "parentId");
                Objects.requireNonNull(item, "item");
            }
        }
    }
}
