package org.diva.upnp.directory;

import java.util.Objects;
import org.diva.upnp.didl.PropertyFilter;

/**
 * How objects are written for one request: which optional properties the client wants, and the base URL it
 * reached DiVA at (resource URLs must be ones it can reach).
 */
record Rendering(PropertyFilter filter, String baseUrl) {
    Rendering {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    boolean wantsChildCount() {
        return filter.attribute("container", "childCount");
    }
}
