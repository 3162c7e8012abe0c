package org.diva.server.pool.sharing;

import java.util.Locale;
import org.diva.server.catalogue.CatalogueItem;

/** Turns shared items into their peer wire form. */
final class PeerItems {
    private PeerItems() {
    }

    static PeerItemJson of(SharedItems.Shared shared) {
        CatalogueItem item = shared.item();
        return new PeerItemJson(Long.toString(item.id()), item.title(), item.kind().name().toLowerCase(Locale.ROOT),
                item.fileName(), shared.folder().toString(), item.size(), item.modified(), item.info());
    }

    static PeerEntryJson entry(SharedItems.Entry entry) {
        if (entry instanceof SharedItems.Entry.Folder folder) {
            return PeerEntryJson.folder(folder.id(), folder.name());
        }
        return PeerEntryJson.item(of(((SharedItems.Entry.Item) entry).shared()));
    }
}
