package org.diva.config;

import java.util.Objects;

/** All of DiVA's settings, by section; each section validates itself. */
public record Settings(ServerSettings server, LibrarySettings library, HttpSettings http, NetworkSettings network,
                       StreamSettings streams, PoolSettings pool) {
    public Settings {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(network, "network");
    }
}
