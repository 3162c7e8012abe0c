package org.diva.upnp.device;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What DiVA's device description tells TVs about it, besides its services and icons.
 *
 * @param friendlyName    the name TVs list (UPnP allows 64 characters)
 * @param presentationUri the dashboard, relative to the description's URL (e.g. {@code /}) or absolute
 */
public record DeviceDescription(String friendlyName, String manufacturer, Optional<URI> manufacturerUri,
                                String modelName, String modelDescription, String modelNumber,
                                Optional<URI> modelUri, String serialNumber, URI presentationUri) {
    public static final int MAX_FRIENDLY_NAME = 64;

    public DeviceDescription {
        Objects.requireNonNull(friendlyName, "friendlyName");
        if (friendlyName.isBlank() || friendlyName.length() > MAX_FRIENDLY_NAME) {
            throw new IllegalArgumentException("friendly name must be 1-" + MAX_FRIENDLY_NAME + " characters: '"
                    + friendlyName + "'");
        }
        requireText(manufacturer, "manufacturer");
        Objects.requireNonNull(manufacturerUri, "manufacturerUri");
        requireText(modelName, "modelName");
        Objects.requireNonNull(modelDescription, "modelDescription");
        Objects.requireNonNull(modelNumber, "modelNumber");
        Objects.requireNonNull(modelUri, "modelUri");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(presentationUri, "presentationUri");
    }

    /** DiVA's own description: its name, its version as model number, the dashboard at the server's root. */
    public static DeviceDescription of(String friendlyName, String version, String serialNumber) {
        return new DeviceDescription(friendlyName, "DiVA", Optional.empty(), "DiVA Media Server",
                "DiVA home media server", version, Optional.empty(), serialNumber, URI.create("/"));
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
