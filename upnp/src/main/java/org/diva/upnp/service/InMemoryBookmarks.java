package org.diva.upnp.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest bookmark per item, until the process ends; for when nothing persists them yet. */
public final class InMemoryBookmarks implements Bookmarks {
    private final Map<String, Bookmark> byObject = new ConcurrentHashMap<>();

    @Override
    public void set(Bookmark bookmark) {
        byObject.put(bookmark.objectId(), bookmark);
    }

    public Optional<Bookmark> get(String objectId) {
        return Optional.ofNullable(byObject.get(objectId));
    }
}
