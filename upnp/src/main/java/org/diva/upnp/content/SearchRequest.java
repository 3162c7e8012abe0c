package org.diva.upnp.content;

import java.util.Objects;

/** One Search action, as the client sent it; {@code criteria} "*" matches everything below the container. */
public record SearchRequest(String containerId, String criteria, String filter, long startingIndex,
                            long requestedCount, String sortCriteria, ClientContext client) {
    public SearchRequest {
        Objects.requireNonNull(containerId, "containerId");
        criteria = criteria == null || criteria.isBlank() ? "*" : criteria;
        filter = filter == null ? "*" : filter;
        sortCriteria = sortCriteria == null ? "" : sortCriteria;
        Objects.requireNonNull(client, "client");
    }
}
