package org.diva.server.pool.sharing;

import java.util.Objects;
import java.util.Optional;

/**
 * Wire form of one entry of a shared folder: a folder (with its {@link FolderId}) or an item.
 *
 * @param type "folder" or "item"
 * @param id   the folder's id, or the item's id
 */
public record PeerEntryJson(String type, String id, String name, Optional<PeerItemJson> item) {
    public PeerEntryJson {
        Objects.requireNonNull(item, "item");
        if (!"folder".equals(type) && !"item".equals(type)) {
            throw new IllegalArgumentException("entry type must be folder or item, not '" + type + "'");
        }
        if (id == null || name == null || id.length() > FolderId.MAX_LENGTH || name.length() > PeerItemJson.MAX_TEXT) {
            throw new IllegalArgumentException("entry id and name must be present and of sane length");
        }
        if (type.equals("item") && (item.isEmpty() || !item.get().id().equals(id))) {
            throw new IllegalArgumentException("item entry " + id + " must carry that item");
        }
    }

    static PeerEntryJson folder(FolderId id, String name) {
        return new PeerEntryJson("folder", id.toString(), name, Optional.empty());
    }

    static PeerEntryJson item(PeerItemJson item) {
        return new PeerEntryJson("item", item.id(), item.title(), Optional.of(item));
    }
}
