package org.diva.upnp.service;

/** Where DiVA keeps resume positions TVs report; must be thread-safe. */
@FunctionalInterface
public interface Bookmarks {
    void set(Bookmark bookmark);
}
