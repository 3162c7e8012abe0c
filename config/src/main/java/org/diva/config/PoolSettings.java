package org.diva.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The neighbourhood pool: how this server is reached by neighbours and what it gives them.
 *
 * @param poolPort         the pool's membership port (JGroups over mutual TLS); the peer HTTPS API listens on the
 *                         next port up. 0 picks free ports (tests)
 * @param shares           folders shared with the pool, each a media folder or inside one; empty shares nothing
 * @param uploadBytesPerSecond the most this server sends to all neighbours together (residential upstreams are small)
 * @param cacheBytes       disk kept for titles fetched from neighbours, so a second play is local
 * @param externalHost     the address neighbours dial, when the household forwarded ports by hand (else the router's
 *                         external address found by UPnP IGD)
 * @param externalPort     the forwarded pool port on the router, when forwarded by hand (the peer port is the next)
 * @param portMapping      whether to ask the router (UPnP IGD) to forward the pool and peer ports
 */
public record PoolSettings(int poolPort, List<Path> shares, long uploadBytesPerSecond, long cacheBytes,
                           Optional<String> externalHost, OptionalInt externalPort, boolean portMapping) {
    public static final int DEFAULT_POOL_PORT = 8310;
    /** 2 Mbit/s: a modest part of a typical residential upstream. */
    public static final long DEFAULT_UPLOAD_BYTES_PER_SECOND = 250_000;
    public static final long DEFAULT_CACHE_BYTES = 20L << 30;

    public PoolSettings {
        shares = List.copyOf(shares);
        Objects.requireNonNull(externalHost, "externalHost");
        Objects.requireNonNull(externalPort, "externalPort");
        if (poolPort < 0 || poolPort > 65_534 || uploadBytesPerSecond < 1 || cacheBytes < 0) {
            throw new IllegalArgumentException("bad pool settings: port " + poolPort + ", upload "
                    + uploadBytesPerSecond + " B/s, cache " + cacheBytes + " bytes");
        }
    }

    public static PoolSettings defaults() {
        return new PoolSettings(DEFAULT_POOL_PORT, List.of(), DEFAULT_UPLOAD_BYTES_PER_SECOND, DEFAULT_CACHE_BYTES,
                Optional.empty(), OptionalInt.empty(), true);
    }

    /** The peer HTTPS API's port: the one after the pool port (0: a free one). */
    public int peerPort() {
        return poolPort == 0 ? 0 : poolPort + 1;
    }
}
