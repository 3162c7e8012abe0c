package org.diva.server.pool.neighbourhood;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.ItemStatus;
import org.diva.server.pool.Neighbours.Neighbour;
import org.diva.server.pool.sharing.FolderId;
import org.diva.server.pool.sharing.PeerItemJson;
import org.diva.transcode.probe.MediaKind;

/**
 * A neighbour's shared item as this server knows it: its local id, the household that holds it, where it lies in
 * that household's shared tree, and the holder's metadata.
 */
public record NeighbourItem(NeighbourItemId id, String household, NeighbourFolderId folder, PeerItemJson item) {
    public NeighbourItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(household, "household");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(item, "item");
    }

    /** @throws IllegalArgumentException when the holder's folder is not a valid folder id */
    static NeighbourItem of(Neighbour holder, PeerItemJson item) {
        return new NeighbourItem(new NeighbourItemId(holder.id(), item.id()), holder.name(),
                new NeighbourFolderId(holder.id(), Optional.of(FolderId.parse(item.folder()))), item);
    }

    public MediaKind kind() {
        return MediaKind.valueOf(item.kind().toUpperCase(Locale.ROOT));
    }

    /**
     * The item in the catalogue's shape, so that what is decided for local items (DLNA format, play decision) is
     * decided the same way for it. Its root and path name nothing on this disk: they are never opened.
     */
    public CatalogueItem asCatalogueItem() {
        Path nowhere = Path.of("/neighbourhood", NeighbourItemId.compact(id.holder()));
        Instant modified = Instant.ofEpochMilli(item.modified());
        return new CatalogueItem(0, nowhere, nowhere.resolve(item.id()), "", item.fileName(), kind(), item.size(),
                item.modified(), "", ItemStatus.OK, Optional.empty(), item.title(), item.media(), false, modified,
                modified, 1);
    }
}
