package org.diva.server.pool.membership;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What this server tells neighbours to dial: its pool address, its peer API's base, and the pool address JGroups
 * must announce in place of the bound one when a router or the household forwards the port (NAT).
 */
record Advertised(HostPort pool, URI peer, Optional<HostPort> external) {
    Advertised {
        Objects.requireNonNull(pool, "pool");
        Member.checkPeerAddress(peer);
        Objects.requireNonNull(external, "external");
    }

    /** The router's forwarded ports on its external address, as UPnP IGD reported them. */
    static Advertised forwarded(InetSocketAddress pool, InetSocketAddress peer) {
        HostPort poolAddress = new HostPort(pool.getHostString(), pool.getPort());
        HostPort peerAddress = new HostPort(peer.getHostString(), peer.getPort());
        return new Advertised(poolAddress, Member.parsePeerAddress("https://" + peerAddress), Optional.of(poolAddress));
    }
}
