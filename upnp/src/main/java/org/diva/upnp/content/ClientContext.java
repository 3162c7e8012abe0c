package org.diva.upnp.content;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Who asked and how they reached DiVA: {@code baseUrl} is the scheme, host and port the client connected to
 * (e.g. {@code http://192.168.1.20:8300}), so resource URLs in DIDL-Lite are ones it can reach; the user agent
 * and X-AV-Client-Info let device quirks (Samsung captions) and, later, device profiles apply.
 */
public record ClientContext(InetAddress remoteAddress, String baseUrl, Optional<String> userAgent,
                            Optional<String> avClientInfo) {
    public ClientContext {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        userAgent = userAgent == null ? Optional.empty() : userAgent;
        avClientInfo = avClientInfo == null ? Optional.empty() : avClientInfo;
    }
}
