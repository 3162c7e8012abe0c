package org.diva.upnp.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jupnp.model.Constants;
import org.jupnp.transport.spi.DatagramIOConfiguration;
import org.jupnp.transport.spi.MulticastReceiverConfiguration;

/**
 * How SSDP sockets are set up: the UPnP group and port, the multicast TTL and the largest datagram read.
 *
 * @param timeToLive hops a multicast datagram may cross; UDA 1.1 recommends 2, which keeps discovery in the home
 */
public record SsdpSockets(int timeToLive) implements DatagramIOConfiguration, MulticastReceiverConfiguration {
    /** Larger than any SSDP message and than an Ethernet frame, so nothing real is cut short. */
    static final int MAX_DATAGRAM_BYTES = 4096;

    public SsdpSockets {
        if (timeToLive < 1 || timeToLive > 255) {
            throw new IllegalArgumentException("multicast TTL " + timeToLive);
        }
    }

    public static SsdpSockets defaults() {
        return new SsdpSockets(2);
    }

    @Override
    public int getTimeToLive() {
        return timeToLive;
    }

    @Override
    public int getMaxDatagramBytes() {
        return MAX_DATAGRAM_BYTES;
    }

    @Override
    public InetAddress getGroup() {
        try {
            return InetAddress.getByName(Constants.IPV4_UPNP_MULTICAST_GROUP);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("SSDP group " + Constants.IPV4_UPNP_MULTICAST_GROUP, e);
        }
    }

    @Override
    public int getPort() {
        return Constants.UPNP_MULTICAST_PORT;
    }
}
