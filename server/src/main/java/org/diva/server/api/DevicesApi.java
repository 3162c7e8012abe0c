package org.diva.server.api;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.diva.server.devices.ClientDevice;
import org.diva.server.devices.ClientDevices;
import org.diva.server.devices.UpnpDescription;
import org.diva.web.Router;
import org.diva.web.json.JsonEndpoint;

/** {@code GET /api/v1/devices}: the clients that have talked to DiVA, most recently seen first. */
public final class DevicesApi {
    private final ClientDevices devices;

    public DevicesApi(ClientDevices devices) {
        this.devices = devices;
    }

    public void addRoutes(Router router) {
        router.get("/api/v1/devices", JsonEndpoint.of(request -> list()));
    }

    private DeviceListJson list() throws SQLException {
        return new DeviceListJson(devices.list().stream().map(DevicesApi::json).toList());
    }

    private static DeviceJson json(ClientDevice d) {
        return new DeviceJson(d.id(), d.address(), d.userAgent(), d.avClientInfo(), d.upnp().map(DevicesApi::json),
                d.firstSeen(), d.lastSeen(), d.requests());
    }

    private static UpnpJson json(UpnpDescription u) {
        return new UpnpJson(u.udn(), u.deviceType(), u.friendlyName(), u.manufacturer(), u.modelName(),
                u.modelNumber());
    }

    /** Wire form of the device list. */
    public record DeviceListJson(List<DeviceJson> devices) {
    }

    /** Wire form of one client device. */
    public record DeviceJson(long id, String address, String userAgent, Optional<String> avClientInfo,
                             Optional<UpnpJson> upnp, Instant firstSeen, Instant lastSeen, long requests) {
    }

    /** Wire form of what a device's UPnP description says. */
    public record UpnpJson(String udn, String deviceType, Optional<String> friendlyName,
                           Optional<String> manufacturer, Optional<String> modelName, Optional<String> modelNumber) {
    }
}
