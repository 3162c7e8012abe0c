package org.diva.server.pool.bridge;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

import org.diva.server.pool.content.ContentIds;
import org.diva.server.pool.sharing.PeerCaller;
import org.diva.server.pool.sharing.SharedItems;
import org.diva.web.Endpoint;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonEndpoint;
import org.diva.web.json.JsonResponses;

/**
 * {@code GET /peer/v1/items/{id}/content-id}: the content id of a shared item, so a neighbour can pull its bytes
 * from every holder of the same content. Hashed when first asked (about a second per 500 MB, then stored), unless
 * the background hasher got there first. An item outside the shares is a 404 like one that does not exist.
 */
public final class ContentIdRoute {
    private final SharedItems shared;
    private final ContentIds ids;
    private final PeerCaller caller;

    /** The answer. */
    public record ContentIdJson(String contentId, long size) {
    }

    public ContentIdRoute(SharedItems shared, ContentIds ids, PeerCaller caller) {
        this.shared = shared;
        this.ids = ids;
        this.caller = caller;
    }

    public void addRoutes(Router router) {
        Endpoint answer = JsonEndpoint.of(request -> contentId(request.path("id")));
        router.get("/peer/v1/items/{id}/content-id", (request, response, callback, params) -> {
            if (caller.of(request).isEmpty()) {
                JsonResponses.error(response, callback, 403, "the peer API answers members of the pool only");
                return;
            }
            answer.handle(request, response, callback, params);
        });
    }

    private ContentIdJson contentId(String id) throws SQLException, IOException {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no shared item " + id);
        }
        Optional<SharedItems.Shared> item = shared.find(number);
        if (item.isEmpty()) {
            throw ApiException.notFound("no shared item " + id);
        }
        var list = ids.chunksOf(item.get().item().path());
        return new ContentIdJson(list.contentId().hex(), list.size());
    }
}
