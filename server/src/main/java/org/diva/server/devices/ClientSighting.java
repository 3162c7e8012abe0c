package org.diva.server.devices;

import java.util.Objects;
import java.util.Optional;

/** One request's view of its client: where it came from and what it said it is. Over-long values are cut. */
public record ClientSighting(String address, String userAgent, Optional<String> avClientInfo) {
    static final int MAX_TEXT = 512;

    public ClientSighting {
        Objects.requireNonNull(address, "address");
        userAgent = cut(userAgent == null ? "" : userAgent.strip());
        avClientInfo = avClientInfo.map(String::strip).filter(s -> !s.isEmpty()).map(ClientSighting::cut);
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
