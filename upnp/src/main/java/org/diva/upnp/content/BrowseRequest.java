package org.diva.upnp.content;

import java.util.Objects;

/**
 * One Browse action, as the client sent it.
 *
 * @param metadata       true for BrowseMetadata (the object itself), false for BrowseDirectChildren
 * @param requestedCount 0 means all
 */
public record BrowseRequest(String objectId, boolean metadata, String filter, long startingIndex,
                            long requestedCount, String sortCriteria, ClientContext client) {
    public BrowseRequest {
        Objects.requireNonNull(objectId, "objectId");
        filter = filter == null ? "*" : filter;
        sortCriteria = sortCriteria == null ? "" : sortCriteria;
        Objects.requireNonNull(client, "client");
    }
}
