package org.diva.server.pool.neighbourhood;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diva.server.pool.Neighbours.Neighbour;
import org.diva.server.pool.sharing.PeerCatalogueRoutes;
import org.diva.server.pool.sharing.SharedItems;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonEndpoint;

/**
 * {@code GET /api/v1/pool/items?query=...[&limit=]}: search every online neighbour (results by the deadline, and who
 * did not answer); {@code GET /api/v1/pool/items[?parent=...][&offset=&limit=]}: browse, households at the top, then
 * their shared folders. Every item's id is accepted by {@code /media/{id}} and {@code /api/v1/items/{id}/playback}.
 */
final class PoolCatalogueApi {
    private final NeighbourhoodCatalogue catalogue;

    PoolCatalogueApi(NeighbourhoodCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    void addRoutes(Router router) {
        router.get("/api/v1/pool/items", JsonEndpoint.of(this::items));
    }

    private Object items(JsonEndpoint.ApiRequest request) throws Exception {
        Optional<String> query = request.query("query");
        Optional<String> parent = request.query("parent");
        int limit = request.intQuery("limit", 50, 0, SharedItems.MAX_LIMIT);
        if (query.isPresent()) {
            if (parent.isPresent()) {
                throw ApiException.badRequest("give either 'query' (search) or 'parent' (browse), not both");
            }
            if (query.get().length() > PeerCatalogueRoutes.MAX_QUERY) {
                throw ApiException.badRequest("query has at most " + PeerCatalogueRoutes.MAX_QUERY
                        + " characters, not " + query.get().length());
            }
            NeighbourhoodCatalogue.Found found = catalogue.search(query.get().strip(), limit);
            return new PoolPagesJson.SearchJson(found.items().stream().map(PoolItemJson::of).toList(),
                    found.missing().stream().map(m -> new PoolPagesJson.MissingJson(m.id().toString(), m.name(),
                            m.reason())).toList());
        }
        int offset = request.intQuery("offset", 0, 0, Integer.MAX_VALUE);
        if (parent.isEmpty()) {
            List<Neighbour> households = catalogue.households();
            List<PoolPagesJson.EntryJson> entries = new ArrayList<>();
            for (int i = offset; i < households.size() && entries.size() < limit; i++) {
                Neighbour n = households.get(i);
                entries.add(new PoolPagesJson.EntryJson("household",
                        new NeighbourFolderId(n.id(), Optional.empty()).toString(), n.name(), Optional.empty()));
            }
            return new PoolPagesJson.PageJson(entries, households.size(), offset, limit);
        }
        NeighbourFolderId folder;
        try {
            folder = NeighbourFolderId.parse(parent.get());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("parameter 'parent' (" + NeighbourRoutes.abbreviate(parent.get()) + "): "
                    + e.getMessage());
        }
        NeighbourhoodCatalogue.Page page;
        try {
            page = catalogue.browse(folder, offset, limit).orElseThrow(() -> ApiException.notFound(
                    "no folder " + folder + " in the neighbourhood (the household is not online or shares no such "
                            + "folder)"));
        } catch (NeighbourUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
        List<PoolPagesJson.EntryJson> entries = page.entries().stream().map(PoolCatalogueApi::entry).toList();
        return new PoolPagesJson.PageJson(entries, page.total(), offset, limit);
    }

    private static PoolPagesJson.EntryJson entry(NeighbourhoodCatalogue.Entry entry) {
        if (entry instanceof NeighbourhoodCatalogue.Entry.Folder folder) {
            return new PoolPagesJson.EntryJson("folder", folder.id().toString(), folder.name(), Optional.empty());
        }
        NeighbourItem item = ((NeighbourhoodCatalogue.Entry.Item) entry).item();
        return new PoolPagesJson.EntryJson("item", item.id().toString(), item.item().title(),
                Optional.of(PoolItemJson.of(item)));
    }
}
