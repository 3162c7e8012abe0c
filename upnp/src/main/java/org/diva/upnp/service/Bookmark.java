package org.diva.upnp.service;

import java.time.Duration;
import java.util.Objects;
import org.diva.upnp.content.ClientContext;

/**
 * Where a TV stopped playing an item, as Samsung's X_SetBookmark reports it.
 *
 * @param categoryType and {@code rid} are Samsung's own, passed on as sent
 */
public record Bookmark(String objectId, Duration position, String categoryType, String rid, ClientContext client) {
    public Bookmark {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(position, "position");
        categoryType = categoryType == null ? "" : categoryType;
        rid = rid == null ? "" : rid;
        Objects.requireNonNull(client, "client");
    }
}
