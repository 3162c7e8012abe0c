package org.diva.upnp.network;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.util.Objects;

/**
 * An IPv4 address of an interface with its prefix, e.g. 192.168.1.20/24.
 *
 * @param prefixLength 0 to 32
 */
public record Subnet(Inet4Address address, int prefixLength) {
    public Subnet {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " of " + address);
        }
    }

    /** The IPv4 subnet of an interface address, if it is one. */
    static java.util.Optional<Subnet> of(InterfaceAddress interfaceAddress) {
        if (interfaceAddress != null && interfaceAddress.getAddress() instanceof Inet4Address v4) {
            int prefix = interfaceAddress.getNetworkPrefixLength();
            // Some platforms report nonsense (-1, or 128 for IPv4); treat it as a host route.
            return java.util.Optional.of(new Subnet(v4, prefix >= 0 && prefix <= 32 ? prefix : 32));
        }
        return java.util.Optional.empty();
    }

    /** True if {@code other} is on this subnet, i.e. reachable without a router. */
    public boolean contains(InetAddress other) {
        if (!(other instanceof Inet4Address)) {
            return false;
        }
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return (toInt(address) & mask) == (toInt(other) & mask);
    }

    private static int toInt(InetAddress address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
