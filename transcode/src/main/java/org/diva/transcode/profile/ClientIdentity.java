package org.diva.transcode.profile;

import java.util.Optional;

/**
 * What a client says of itself: the HTTP headers of its requests and, when it is a UPnP device, its description.
 * Absent or blank values are empty.
 */
public record ClientIdentity(Optional<String> userAgent, Optional<String> avClientInfo,
                             Optional<String> friendlyName, Optional<String> manufacturer,
                             Optional<String> modelName, Optional<String> modelNumber) {
    public ClientIdentity {
        userAgent = clean(userAgent);
        avClientInfo = clean(avClientInfo);
        friendlyName = clean(friendlyName);
        manufacturer = clean(manufacturer);
        modelName = clean(modelName);
        modelNumber = clean(modelNumber);
    }

    public static ClientIdentity unknown() {
        return headers(Optional.empty(), Optional.empty());
    }

    /** A client known only by its request headers. */
    public static ClientIdentity headers(Optional<String> userAgent, Optional<String> avClientInfo) {
        return new ClientIdentity(userAgent, avClientInfo, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static Optional<String> clean(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
