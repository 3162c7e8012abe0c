package org.diva.server.pool.sharing;

import java.sql.SQLException;
import java.util.Optional;
import org.diva.web.Endpoint;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonEndpoint;
import org.diva.web.json.JsonResponses;

/**
 * The peer API of the shared catalogue, for members only:
 * <ul>
 *   <li>{@code GET /peer/v1/items?parent=&offset=&limit=}: the shares (no parent), or a page of a shared folder;</li>
 *   <li>{@code GET /peer/v1/items?query=&limit=}: shared items whose title, file name, artist or album matches;</li>
 *   <li>{@code GET /peer/v1/items/{id}}: one shared item.</li>
 * </ul>
 * An item outside the shares is a 404 like an item that does not exist, so a neighbour cannot even tell it is there.
 * There is deliberately no route here for an item's bytes: they go out only by content id
 * ({@code /peer/v1/items/{id}/content-id}, then {@code /peer/v1/content/{contentId}}), where the upload cap and
 * its fair shares apply, so no member can read past the cap by another door.
 */
public final class PeerCatalogueRoutes {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_QUERY = 256;

    private final SharedItems items;
    private final PeerCaller caller;

    public PeerCatalogueRoutes(SharedItems items, PeerCaller caller) {
        this.items = items;
        this.caller = caller;
    }

    public void addRoutes(Router router) {
        router.get("/peer/v1/items", members(JsonEndpoint.of(this::list)));
        router.get("/peer/v1/items/{id}", members(JsonEndpoint.of(request ->
                PeerItems.of(shared(request.path("id"))))));
    }

    private Endpoint members(Endpoint endpoint) {
        return (request, response, callback, params) -> {
            if (caller.of(request).isEmpty()) {
                JsonResponses.error(response, callback, 403, "the peer API answers members of the pool only");
                return;
            }
            endpoint.handle(request, response, callback, params);
        };
    }

    private PeerPageJson list(JsonEndpoint.ApiRequest request) throws SQLException {
        Optional<String> query = request.query("query");
        Optional<String> parent = request.query("parent");
        int limit = request.intQuery("limit", DEFAULT_LIMIT, 0, SharedItems.MAX_LIMIT);
        if (query.isPresent()) {
            if (parent.isPresent()) {
                throw ApiException.badRequest("give either 'query' (search) or 'parent' (browse), not both");
            }
            if (query.get().length() > MAX_QUERY) {
                throw ApiException.badRequest("query has at most " + MAX_QUERY + " characters, not "
                        + query.get().length());
            }
            var found = items.search(query.get().strip(), limit).stream().map(s -> PeerEntryJson.item(PeerItems.of(s)))
                    .toList();
            return new PeerPageJson(found, found.size(), 0, limit);
        }
        int offset = request.intQuery("offset", 0, 0, Integer.MAX_VALUE);
        SharedItems.Page page;
        if (parent.isEmpty()) {
            page = items.shares(offset, limit);
        } else {
            FolderId folder;
            try {
                folder = FolderId.parse(parent.get());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("parameter 'parent': " + e.getMessage());
            }
            page = items.browse(folder, offset, limit)
                    .orElseThrow(() -> ApiException.notFound("no shared folder " + FolderId.abbreviate(parent.get())));
        }
        return new PeerPageJson(page.entries().stream().map(PeerItems::entry).toList(), page.total(), offset, limit);
    }

    private SharedItems.Shared shared(String id) {
        return parseId(id).flatMap(this::findQuietly)
                .orElseThrow(() -> ApiException.notFound("no shared item " + FolderId.abbreviate(id)));
    }

    private Optional<SharedItems.Shared> findQuietly(long id) {
        try {
            return items.find(id);
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue lookup failed", e);
        }
    }

    static Optional<Long> parseId(String id) {
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }
}
