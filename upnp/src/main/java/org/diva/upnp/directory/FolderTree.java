package org.diva.upnp.directory;

import java.util.Optional;
import org.diva.upnp.library.MediaKind;

/**
 * One of the folder views: media roots, then their folders as on disk, showing one kind of item or all of them.
 *
 * @param prefix the id of the container that lists the roots
 */
record FolderTree(String prefix, Optional<MediaKind> kind) {
    static final FolderTree ALL = new FolderTree("folders", Optional.empty());
    static final FolderTree VIDEO = new FolderTree("video/folders", Optional.of(MediaKind.VIDEO));
    static final FolderTree PHOTO = new FolderTree("photos/folders", Optional.of(MediaKind.PHOTO));
}
