package org.diva.server.api;

import java.util.List;
import java.util.Optional;
import org.diva.server.pool.membership.MemberView;
import org.diva.server.pool.membership.PoolStatus;

/**
 * {@code GET /api/v1/pool}: the pool (absent when in none), this server's id, a notice (e.g. removed from the
 * pool), and every member with its state ({@code up}, {@code suspected}, {@code down}, {@code refused}), round
 * trip and throughput.
 */
public record PoolJson(Optional<String> pool, String self, Optional<String> notice, List<MemberJson> members) {
    /** One member. */
    public record MemberJson(String id, String name, boolean self, String state, Optional<String> address,
                             Optional<String> poolAddress, Optional<Double> roundTripMs,
                             Optional<Long> bytesPerSecond) {
    }

    public static PoolJson of(PoolStatus status) {
        return new PoolJson(status.pool(), status.self().toString(), status.notice(),
                status.members().stream().map(PoolJson::member).toList());
    }

    private static MemberJson member(MemberView.Status s) {
        return new MemberJson(s.id().toString(), s.name(), s.self(), s.state().name().toLowerCase(),
                s.peerAddress().map(Object::toString), s.poolAddress().map(Object::toString),
                s.roundTrip().map(d -> Math.round(d.toNanos() / 1e4) / 100.0),
                s.bytesPerSecond().isPresent() ? Optional.of(Math.round(s.bytesPerSecond().getAsDouble()))
                        : Optional.empty());
    }
}
