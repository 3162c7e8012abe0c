package org.diva.server.devices;

import java.util.Objects;
import java.util.Optional;

/** What a UPnP device found on the network says of itself, keyed by the address it answers on. */
public record UpnpDescription(String address, String udn, String deviceType, Optional<String> friendlyName,
                              Optional<String> manufacturer, Optional<String> modelName,
                              Optional<String> modelNumber) {
    public UpnpDescription {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(udn, "udn");
        Objects.requireNonNull(deviceType, "deviceType");
    }
}
