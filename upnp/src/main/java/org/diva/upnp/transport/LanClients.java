package org.diva.upnp.transport;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Who may use DiVA's UPnP endpoints: devices on a home network. The HTTP port is shared with the pool's peer API
 * and may be forwarded from the internet (IGD), but Browse, descriptions and eventing are for the household's
 * own TVs, which always come from a private, link-local or loopback address.
 */
public final class LanClients {
    private LanClients() {
    }

    /** 10/8, 172.16/12, 192.168/16, 169.254/16, 127/8, and IPv6 link-local, unique-local (fc00::/7), loopback. */
    public static boolean isLan(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
            return true;
        }
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
