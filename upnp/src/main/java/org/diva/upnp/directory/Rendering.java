package org.diva.upnp.directory;

import java.util.Objects;
import org.diva.upnp.content.ClientContext;
import org.diva.upnp.didl.PropertyFilter;
import org.diva.upnp.library.StreamOffers;

/**
 * How objects are written for one request: which optional properties the client wants, the base URL it
 * reached DiVA at (resource URLs must be ones it can reach), the converted streams to offer it, and who it is.
 */
record Rendering(PropertyFilter filter, String baseUrl, StreamOffers.ForClient offers, ClientContext client) {
    Rendering {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(offers, "offers");
        Objects.requireNonNull(client, "client");
    }

    boolean wantsChildCount() {
        return filter.attribute("container", "childCount");
    }
}
