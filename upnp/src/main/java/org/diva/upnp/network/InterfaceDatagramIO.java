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
import org.jupnp.model.message.OutgoingDatagramMessage;
import org.jupnp.model.message.header.UpnpHeader;
import org.jupnp.transport.Router;
import org.jupnp.transport.spi.DatagramIO;
import org.jupnp.transport.spi.DatagramProcessor;
import org.jupnp.transport.spi.InitializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unicast/multicast SSDP socket of one local address: sends NOTIFY and search responses, receives search
 * responses. Unlike jUPnP's, its multicast goes out of its own interface (IP_MULTICAST_IF), not wherever the
 * routing table points; and since jUPnP's router hands every outgoing datagram to every socket, each socket sends
 * only what belongs on its interface: multicast whose LOCATION is its own address, unicast to its own subnet.
 */
public final class InterfaceDatagramIO implements DatagramIO<SsdpSockets> {
    private static final Logger log = LoggerFactory.getLogger(InterfaceDatagramIO.class);

    private final SsdpSockets configuration;
    private volatile MulticastSocket socket;
    private volatile InetAddress localAddress;
    private volatile List<Subnet> subnets = List.of();
    private volatile Router router;
    private volatile DatagramProcessor datagramProcessor;

    public InterfaceDatagramIO(SsdpSockets configuration) {
        this.configuration = configuration;
    }

    @Override
    public void init(InetAddress bindAddress, int bindPort, Router router, DatagramProcessor datagramProcessor)
            throws InitializationException {
        try {
            NetworkInterface nic = NetworkInterface.getByInetAddress(bindAddress);
            if (nic == null) {
                throw new InitializationException("no network interface has the address " + bindAddress);
            }
            MulticastSocket s = new MulticastSocket(new InetSocketAddress(bindAddress, bindPort));
            s.setNetworkInterface(nic);
            s.setTimeToLive(configuration.timeToLive());
            this.subnets = nic.getInterfaceAddresses().stream().map(Subnet::of).flatMap(Optional::stream).toList();
            this.localAddress = bindAddress;
            this.router = router;
            this.datagramProcessor = datagramProcessor;
            this.socket = s;
        } catch (IOException e) {
            throw new InitializationException("cannot open an SSDP socket on " + bindAddress.getHostAddress()
                    + ": " + e.getMessage(), e);
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
                router.received(datagramProcessor.read(localAddress, packet));
            } catch (SocketException closed) {
                break;
            } catch (UnsupportedDataException e) {
                log.debug("Ignoring unreadable datagram from {}: {}", packet.getAddress(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                log.warn("Datagram from {} on {} could not be handled", packet.getAddress(), localAddress, e);
            }
        }
    }

    @Override
    public void stop() {
        MulticastSocket s = socket;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public SsdpSockets getConfiguration() {
        return configuration;
    }

    @Override
    @SuppressWarnings("rawtypes") // jUPnP's interface declares it raw
    public void send(OutgoingDatagramMessage message) {
        if (belongsHere(message)) {
            send(datagramProcessor.write(message));
        }
    }

    @Override
    public void send(DatagramPacket datagram) {
        try {
            socket.send(datagram);
        } catch (SocketException closed) {
            log.debug("Not sent to {}, socket closed", datagram.getSocketAddress());
        } catch (IOException e) {
            log.warn("Cannot send SSDP datagram from {} to {}: {}", localAddress.getHostAddress(),
                    datagram.getSocketAddress(), e.getMessage());
        }
    }

    private boolean belongsHere(OutgoingDatagramMessage<?> message) {
        InetAddress destination = message.getDestinationAddress();
        if (destination.isMulticastAddress()) {
            String location = message.getHeaders().getFirstHeaderString(UpnpHeader.Type.LOCATION);
            return location == null || location.contains("//" + localAddress.getHostAddress() + ":");
        }
        return subnets.stream().anyMatch(s -> s.contains(destination));
    }

    @Override
    public String toString() {
        return "SSDP socket on " + localAddress;
    }
}
