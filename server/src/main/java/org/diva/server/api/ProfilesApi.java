package org.diva.server.api;

import java.util.Optional;
import org.diva.server.devices.ClientTracker;
import org.diva.server.playback.ChosenProfile;
import org.diva.server.playback.ClientProfiles;
import org.diva.server.playback.Playback;
import org.diva.transcode.profile.DeviceProfiles;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonEndpoint;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * {@code GET /api/v1/profiles}: the device profiles, with problems in the household's own files;
 * {@code GET /api/v1/items/{id}/playback[?profile=ID]}: how that profile's device, or without {@code profile}
 * the asking device, gets the item. An unknown profile or item is a 404.
 */
public final class ProfilesApi {
    private final ClientProfiles clients;
    private final Playback playback;

    public ProfilesApi(ClientProfiles clients, Playback playback) {
        this.clients = clients;
        this.playback = playback;
    }

    public void addRoutes(Router router) {
        router.get("/api/v1/profiles", JsonEndpoint.of(request -> list()));
        router.get("/api/v1/items/{id}/playback", JsonEndpoint.of(this::playback));
    }

    private ProfileJson.ListJson list() {
        DeviceProfiles profiles = clients.profiles();
        return new ProfileJson.ListJson(profiles.all().stream().map(p -> ProfileJson.of(p, profiles.source(p.id())))
                .toList(), profiles.problems());
    }

    private PlaybackJson playback(JsonEndpoint.ApiRequest request) throws Exception {
        String id = request.path("id");
        long itemId = CatalogueApi.parseId(id).orElseThrow(() -> ApiException.notFound("no media item " + id));
        ChosenProfile chosen = profile(request.query("profile"), request.request());
        Playback.Planned plan = playback.plan(itemId, chosen.profile())
                .orElseThrow(() -> ApiException.notFound("no media item " + id));
        return PlaybackJson.of(plan, chosen);
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
}
