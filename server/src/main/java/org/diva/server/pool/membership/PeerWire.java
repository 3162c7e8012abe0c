package org.diva.server.pool.membership;

import java.util.List;
import java.util.Optional;

/** The peer API's bodies for membership ({@code /peer/v1/join}, {@code /peer/v1/info}). */
public final class PeerWire {
    private PeerWire() {
    }

    /**
     * A joiner redeeming an invite. Its identity is its TLS client certificate, never anything in here.
     *
     * @param secret the invite's secret, base64url
     */
    public record JoinRequest(String invite, String secret, String name, Optional<String> poolAddress,
                              Optional<String> peerAddress) {
    }

    /** What a joiner is told: the pool and every member (itself included), with certificates. */
    public record JoinAnswer(String pool, List<MemberJson> members) {
    }

    /** A member about itself; answering it is also the round-trip ping. */
    public record Info(String id, String name, String pool, Optional<String> poolAddress,
                       Optional<String> peerAddress) {
    }
}
