package org.diva.upnp.igd;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.diva.config.PoolSettings;

/**
 * What to forward and how.
 *
 * @param ports        the TCP ports to forward, each with a distinct external port
 * @param lease        how long the router keeps each mapping unless renewed (renewed at half of it), so a mapping
 *                     left by a crash (kill -9) disappears by itself; whole seconds, 2 s to 7 days (the longest
 *                     lease IGD:2 grants: the top of PortMappingLeaseDuration's
 *                     range in WANIPConnection:2)
 * @param portMapping  false when the household forwards by hand or not at all: DiVA then asks no router
 * @param externalHost the address the household says neighbours dial (forwarded by hand); it overrides the router's
 *                     external address when both exist
 */
public record MappingPlan(List<PortRequest> ports, Duration lease, boolean portMapping,
                          Optional<String> externalHost) {
    public static final Duration DEFAULT_LEASE = Duration.ofHours(1);
    static final Duration LONGEST_LEASE = Duration.ofDays(7);

    public MappingPlan {
        ports = List.copyOf(ports);
        Objects.requireNonNull(externalHost, "externalHost");
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("no port to forward");
        }
        if (new HashSet<>(ports.stream().map(PortRequest::externalPort).toList()).size() != ports.size()) {
            throw new IllegalArgumentException("two ports would be forwarded from the same external port: " + ports);
        }
        if (lease.toMillis() % 1000 != 0 || lease.compareTo(Duration.ofSeconds(2)) < 0
                || lease.compareTo(LONGEST_LEASE) > 0) {
            throw new IllegalArgumentException("a port mapping lease is whole seconds from 2 s to 7 days, not "
                    + lease);
        }
    }

    /**
     * The pool's two ports, as bound: the membership port and the peer HTTPS port. A hand-forwarded external port
     * ({@code --external-port}) is the pool port's, and the peer port's is the next one, as on this machine.
     */
    public static MappingPlan forPool(PoolSettings settings, int poolPort, int peerPort) {
        int externalPool = settings.externalPort().orElse(poolPort);
        return new MappingPlan(List.of(new PortRequest("pool", poolPort, externalPool),
                new PortRequest("peer", peerPort, externalPool + (peerPort - poolPort))), DEFAULT_LEASE,
                settings.portMapping(), settings.externalHost());
    }
}
