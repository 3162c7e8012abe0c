package org.diva.upnp.directory;

import java.util.Objects;
import org.diva.upnp.library.ItemFilter;

/**
 * A container of the tree.
 *
 * @param scope the items Search below it looks at: everything it holds, at any depth
 */
record Container(String id, String parentId, String title, String upnpClass, Listing listing, ItemFilter scope) {
    static final String FOLDER = "object.container.storageFolder";
    static final String ROOT = "object.container";
    static final String ARTIST = "object.container.person.musicArtist";
    static final String ALBUM = "object.container.album.musicAlbum";
    static final String GENRE = "object.container.genre.musicGenre";
    static final String PHOTO_ALBUM = "object.container.album.photoAlbum";

    Container {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(upnpClass, "upnpClass");
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(scope, "scope");
    }

    /** A container whose parent is what its id says. */
    static Container at(String id, String title, String upnpClass, Listing listing, ItemFilter scope) {
        return new Container(id, ObjectIds.parent(id), title, upnpClass, listing, scope);
    }
}
