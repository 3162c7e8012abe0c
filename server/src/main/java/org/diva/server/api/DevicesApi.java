package org.diva.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.diva.server.devices.ClientDevice;
import org.diva.server.devices.ClientDevices;
import org.diva.server.devices.UpnpDescription;
import org.diva.server.playback.ChosenProfile;
import org.diva.server.playback.ClientProfiles;
import org.diva.web.Router;
import org.diva.web.json.ApiException;
import org.diva.web.json.JsonBodies;
import org.diva.web.json.JsonEndpoint;

/**
 * {@code GET /api/v1/devices}: the clients that have talked to DiVA, most recently seen first, each with the
 * profile it gets; {@code PUT /api/v1/devices/{id}/profile} with {@code {"profile": "sd-tv"}} pins a profile to
 * one, {@code DELETE} unpins it.
 */
public final class DevicesApi {
    private final ClientDevices devices;
    private final ClientProfiles profiles;

    public DevicesApi(ClientDevices devices, ClientProfiles profiles) {
        this.devices = devices;
        this.profiles = profiles;
    }

    public void addRoutes(Router router) {
        router.get("/api/v1/devices", JsonEndpoint.of(request -> list()));
        router.add("PUT", "/api/v1/devices/{id}/profile", JsonEndpoint.of(this::pin));
        router.add("DELETE", "/api/v1/devices/{id}/profile", JsonEndpoint.of(request ->
                pin(request.path("id"), Optional.empty())));
    }

    private DeviceListJson list() throws SQLException {
        return new DeviceListJson(devices.list().stream().map(this::json).toList());
    }

    private DeviceJson pin(JsonEndpoint.ApiRequest request) throws SQLException {
        JsonNode body = JsonBodies.object(request.request());
        JsonNode profile = body.get("profile");
        if (profile == null || !profile.isTextual() || profile.asText().isBlank()) {
            throw ApiException.badRequest("the body names the profile to pin, like {\"profile\": \"sd-tv\"}");
        }
        String id = profile.asText().strip();
        if (profiles.profiles().byId(id).isEmpty()) {
            throw ApiException.notFound("no device profile '" + id + "'; GET /api/v1/profiles lists them");
        }
        return pin(request.path("id"), Optional.of(id));
    }

    private DeviceJson pin(String deviceId, Optional<String> profile) throws SQLException {
        long id = CatalogueApi.parseId(deviceId).orElseThrow(() -> ApiException.notFound("no device " + deviceId));
        if (!devices.pin(id, profile)) {
            throw ApiException.notFound("no device " + deviceId);
        }
        return devices.list().stream().filter(d -> d.id() == id).findFirst().map(this::json)
                .orElseThrow(() -> ApiException.notFound("no device " + deviceId));
    }

    private DeviceJson json(ClientDevice d) {
        ChosenProfile chosen = profiles.forDevice(d);
        return new DeviceJson(d.id(), d.address(), d.userAgent(), d.avClientInfo(), d.upnp().map(DevicesApi::json),
                d.firstSeen(), d.lastSeen(), d.requests(), d.pinnedProfile(), ProfileRefJson.of(chosen));
    }

    private static UpnpJson json(UpnpDescription u) {
        return new UpnpJson(u.udn(), u.deviceType(), u.friendlyName(), u.manufacturer(), u.modelName(),
                u.modelNumber());
    }

    /** Wire form of the device list. */
    public record DeviceListJson(List<DeviceJson> devices) {
    }

    /**
     * Wire form of one client device.
     *
     * @param pinnedProfile the profile the household pinned, if any (it may name a profile since removed)
     * @param profile       the profile it gets, and how that was chosen
     */
    public record DeviceJson(long id, String address, String userAgent, Optional<String> avClientInfo,
                             Optional<UpnpJson> upnp, Instant firstSeen, Instant lastSeen, long requests,
                             Optional<String> pinnedProfile, ProfileRefJson profile) {
    }

    /** Wire form of what a device's UPnP description says. */
    public record UpnpJson(String udn, String deviceType, Optional<String> friendlyName,
                           Optional<String> manufacturer, Optional<String> modelName, Optional<String> modelNumber) {
    }
}
