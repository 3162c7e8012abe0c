package org.diva.server.pool.membership;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.diva.server.pool.ServerId;

/**
 * The pool as this server sees it now.
 *
 * @param pool    its name, or empty when not in a pool
 * @param notice  what the household should know, e.g. that this server was removed from its pool
 * @param members every member (this server first) with state, round trip and throughput
 */
public record PoolStatus(Optional<String> pool, ServerId self, Optional<String> notice,
                         List<MemberView.Status> members) {
    public PoolStatus {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(notice, "notice");
        members = List.copyOf(members);
    }
}
