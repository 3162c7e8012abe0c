package org.diva.upnp.network;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.jupnp.model.UnsupportedDataException;
import org.jupnp.transport.Router;
import org.jupnp.transport.spi.DatagramProcessor;
import org.jupnp.transport.spi.InitializationException;
import org.jupnp.transport.spi.MulticastReceiver;
import org.jupnp.transport.spi.NetworkAddressFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for SSDP multicast (M-SEARCH, NOTIFY) on one interface.
 *
 * <p>A socket bound to port 1900 receives the group's datagrams from every interface on which any process of the
 * machine joined the group (Linux's IP_MULTICAST_ALL defaults to on, and Java cannot turn it off). So only
 * datagrams from a sender on one of this interface's subnets are accepted: an M-SEARCH that arrived on another
 * interface is never answered from this one, and nothing is answered that came through a router.
 */
public final class InterfaceMulticastReceiver implements MulticastReceiver<SsdpSockets> {
    private static final Logger log = LoggerFactory.getLogger(InterfaceMulticastReceiver.class);

    private final SsdpSockets configuration;
    private volatile MulticastSocket socket;
    private volatile NetworkInterface nic;
    private volatile List<Subnet> subnets = List.of();
    private volatile Router router;
    private volatile DatagramProcessor datagramProcessor;

    public InterfaceMulticastReceiver(SsdpSockets configuration) {
        this.configuration = configuration;
    }

    @Override
    public void init(NetworkInterface networkInterface, Router router, NetworkAddressFactory networkAddressFactory,
                     DatagramProcessor datagramProcessor) throws InitializationException {
        try {
            // The constructor sets SO_REUSEADDR before binding, so other SSDP programs keep port 1900 too.
            MulticastSocket s = new MulticastSocket(configuration.getPort());
            s.joinGroup(new InetSocketAddress(configuration.getGroup(), configuration.getPort()), networkInterface);
            this.nic = networkInterface;
            this.subnets = networkInterface.getInterfaceAddresses().stream().map(Subnet::of)
                    .flatMap(Optional::stream).toList();
            this.router = router;
            this.datagramProcessor = datagramProcessor;
            this.socket = s;
        } catch (IOException e) {
            throw new InitializationException("cannot join the SSDP group on " + networkInterface.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Receives until {@link #stop()} closes the socket. */
    @Override
    public void run() {
        MulticastSocket s = socket;
        byte[] buffer = new byte[configuration.getMaxDatagramBytes()];
        while (!s.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                s.receive(packet);
                Optional<InetAddress> local = localAddressFor(packet.getAddress());
                if (local.isPresent()) {
                    router.received(datagramProcessor.read(local.get(), packet));
                }
            } catch (SocketException closed) {
                break;
            } catch (UnsupportedDataException e) {
                log.debug("Ignoring unreadable SSDP datagram from {}: {}", packet.getAddress(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                log.warn("SSDP datagram from {} on {} could not be handled", packet.getAddress(), nic.getName(), e);
            }
        }
    }

    /** Our address on the sender's subnet, if the sender is on one of this interface's subnets. */
    Optional<InetAddress> localAddressFor(InetAddress sender) {
        return subnets.stream().filter(s -> s.contains(sender)).map(s -> (InetAddress) s.address()).findFirst();
    }

    @Override
    public void stop() {
        MulticastSocket s = socket;
        if (s != null) {
            try {
                s.leaveGroup(new InetSocketAddress(configuration.getGroup(), configuration.getPort()), nic);
            } catch (IOException e) {
                log.debug("Leaving the SSDP group on {}: {}", nic.getName(), e.getMessage());
            }
            s.close();
        }
    }

    @Override
    public SsdpSockets getConfiguration() {
        return configuration;
    }

    @Override
    public String toString() {
        return "SSDP listener on " + (nic == null ? "?" : nic.getName());
    }
}
