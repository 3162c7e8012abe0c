package org.diva.server.pool.neighbourhood;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.diva.server.api.PlaybackJson;
import org.diva.server.api.ProfileRefJson;
import org.diva.server.devices.ClientTracker;
import org.diva.server.playback.ChosenProfile;
import org.diva.server.playback.ClientProfiles;
import org.diva.server.playback.Playback;
import org.diva.server.stream.TitleConversions;
import org.diva.transcode.decision.PlaybackDecision;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonEndpoint;
import org.diva.web.live.LiveEndpoint;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The item routes for neighbours' ids, placed before the main router: {@code /media/n-...},
 * {@code /media/n-.../stream} and {@code /api/v1/items/n-...[/playback]}. Requests for local ids fall through
 * untouched ({@link #handle} returns false), so the catalogue's own routes need not know of the pool.
 */
final class NeighbourRoutes extends Handler.Abstract {
    private final Router router = new Router();
    private final NeighbourhoodCatalogue catalogue;
    private final ClientProfiles clients;
    private final NeighbourPlayback playback;

    NeighbourRoutes(NeighbourhoodCatalogue catalogue, ClientProfiles clients, PlaybackDecision decision,
                    AtomicReference<NeighbourContent> content, AtomicReference<TitleConversions> conversions) {
        this.catalogue = catalogue;
        this.clients = clients;
        this.playback = new NeighbourPlayback(decision);
        NeighbourMedia media = new NeighbourMedia(catalogue, content);
        router.getAndHead("/media/{id}", (request, response, callback, params) ->
                media.handle(request, response, callback, parse(params.get("id"))));
        router.getAndHead("/media/{id}/stream", new LiveEndpoint(new NeighbourStreams(catalogue, clients, playback,
                content, conversions)));
        router.get("/api/v1/items/{id}", JsonEndpoint.of(request ->
                PoolItemJson.of(find(catalogue, parse(request.path("id"))))));
        router.get("/api/v1/items/{id}/playback", JsonEndpoint.of(this::playback));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith("/media/" + NeighbourItemId.PREFIX)
                && !path.startsWith("/api/v1/items/" + NeighbourItemId.PREFIX)) {
            return false;
        }
        return router.handle(request, response, callback);
    }

    private PoolPagesJson.PlaybackJson playback(JsonEndpoint.ApiRequest request) throws Exception {
        NeighbourItemId id = parse(request.path("id"));
        ChosenProfile chosen = profile(request.query("profile"), request.request());
        Playback.Planned plan = playback.plan(find(catalogue, id), chosen.profile());
        PlaybackJson local = PlaybackJson.of(plan, chosen);
        return new PoolPagesJson.PlaybackJson(id.toString(), ProfileRefJson.of(chosen), local.mode(), local.reasons(),
                local.target(), plan.path());
    }

    private ChosenProfile profile(Optional<String> asked, Request request) {
        if (asked.isPresent()) {
            String id = asked.get().strip();
            return clients.profiles().byId(id).map(p -> new ChosenProfile(p, "requested"))
                    .orElseThrow(() -> ApiException.notFound("no device profile '" + id + "'; GET /api/v1/profiles "
                            + "lists them"));
        }
        return clients.forClient(Request.getRemoteAddr(request), request.getHeaders().get(HttpHeader.USER_AGENT),
                Optional.ofNullable(request.getHeaders().get(ClientTracker.AV_CLIENT_INFO)));
    }

    static NeighbourItemId parse(String id) {
        try {
            return NeighbourItemId.parse(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no media item " + abbreviate(id) + ": " + e.getMessage());
        }
    }

    /** The item as its holder has it now; 404 if the holder does not share it, 503 if the holder is unreachable. */
    static NeighbourItem find(NeighbourhoodCatalogue catalogue, NeighbourItemId id) {
        try {
            return catalogue.item(id).orElseThrow(() -> ApiException.notFound("no media item " + id
                    + ": the neighbour does not share such an item"));
        } catch (NeighbourUnavailableException e) {
            throw new ApiException(503, "media item " + id + " cannot be reached now: " + e.getMessage());
        }
    }

    static String abbreviate(String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && i < 90; i++) {
            shown.append(NeighbourItemId.printable(text.charAt(i)));
        }
        return shown + (text.length() > 90 ? "..." : "");
    }
}
