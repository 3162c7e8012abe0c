package org.diva.upnp.library;

import java.util.Objects;

/**
 * One media folder the household shares.
 *
 * @param key  a short opaque token, stable across restarts and unique among roots, that may appear in object ids
 *             and URLs (e.g. a hash of the folder's path: the path itself never leaves the server)
 * @param name what a person calls it on the TV, e.g. the folder's last path component
 */
public record MediaRoot(String key, String name) {
    public MediaRoot {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a media root needs a non-empty key");
        }
    }
}
