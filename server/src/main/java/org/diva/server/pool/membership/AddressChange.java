package org.diva.server.pool.membership;

import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves this server's advertised addresses (the router mapped the pool ports, lost them, or its external address
 * changed) and tells the pool: the registry's own record, a {@link PoolMessage.MemberInfo} to everyone, so their
 * registries and discovery lists dial the new address, and a new channel when the pool address changed.
 *
 * <p>JGroups' TCP transport takes {@code external_addr}/{@code external_port} only before {@code connect()}: it puts
 * them in the physical address it announces in discovery and in its connection headers, so the channel is closed
 * and opened again on the same pool port. The members' view in {@link MemberView} is not cleared meanwhile (the
 * new channel's first view replaces it within a join timeout), so the dashboard does not flash everyone down.
 */
final class AddressChange {
    private static final Logger LOG = LoggerFactory.getLogger(AddressChange.class);

    private final Membership m;

    AddressChange(Membership membership) {
        this.m = membership;
    }

    /** @return whether anything changed */
    boolean apply(Advertised next) throws Exception {
        synchronized (m) {
            Advertised now = m.advertised;
            if (now.equals(next)) {
                return false;
            }
            m.advertised = next;
            LOG.info("this server is now advertised at pool {} and peer {}", next.pool(), next.peer());
            if (m.poolName.isEmpty()) {
                m.refresh();
                return true;
            }
            m.registry.put(m.selfMember(), false);
            // on the old channel first: the others learn where to find us before it moves
            m.broadcast(new PoolMessage.MemberInfo(m.name, Optional.of(next.pool().toString()),
                    Optional.of(next.peer().toString())));
            if (!now.external().equals(next.external()) && m.channel != null) {
                reopen();
            }
            m.refresh();
            return true;
        }
    }

    private void reopen() throws SQLException {
        m.dropChannel();
        try {
            m.openChannel();
        } catch (Exception e) {
            // the household sees it in the status; the next reachability change or restart tries again
            LOG.warn("could not reopen the pool channel after the address change: {}", e.getMessage());
        }
    }
}
