package org.diva.server.pool.membership;

import org.jgroups.Address;
import org.jgroups.PhysicalAddress;
import org.jgroups.protocols.TCP;

/**
 * JGroups' TCP transport with one addition: closing the connection to one member, for removal. TLS checks
 * certificates only in full handshakes, so a removed member's open connection would otherwise stay; the close is
 * not graceful, so with {@code enable_suspect_events} the member is suspected at once and leaves the view.
 */
public class PoolTcp extends TCP {
    /** Closes the connection to {@code member}; false if there is none. */
    public boolean closeConnectionTo(Address member) {
        PhysicalAddress physical = getPhysicalAddressFromCache(member);
        return physical != null && srv != null && srv.closeConnection(physical);
    }
}
