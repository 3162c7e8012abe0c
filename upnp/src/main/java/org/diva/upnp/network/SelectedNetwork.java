package org.diva.upnp.network;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.jupnp.model.Constants;
import org.jupnp.transport.spi.NetworkAddressFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jUPnP's view of the network: the chosen interfaces and their IPv4 addresses, and the shared HTTP server's port.
 * Unlike jUPnP's own factory it reads no system properties, decides nothing (the {@link InterfaceSelector} did)
 * and never hands out a hardware address, which jUPnP would otherwise put in SSDP messages as a MAC header.
 */
public final class SelectedNetwork implements NetworkAddressFactory {
    private static final Logger log = LoggerFactory.getLogger(SelectedNetwork.class);

    private final List<NetworkInterface> interfaces;
    private final List<InetAddress> bindAddresses;
    private final IntSupplier streamPort;

    /**
     * @param interfaces the chosen interfaces, each with at least one IPv4 address
     * @param streamPort the port of the HTTP server carrying UPnP, read when jUPnP builds URLs
     */
    public SelectedNetwork(List<NetworkInterface> interfaces, IntSupplier streamPort) {
        this.interfaces = new CopyOnWriteArrayList<>(interfaces);
        this.bindAddresses = new CopyOnWriteArrayList<>(interfaces.stream().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address).toList());
        this.streamPort = streamPort;
    }

    /** The interfaces of this machine with the given names, in that order. */
    public static List<NetworkInterface> byName(List<InterfaceFacts> chosen) throws SocketException {
        List<NetworkInterface> nics = new ArrayList<>();
        for (InterfaceFacts facts : chosen) {
            NetworkInterface nic = NetworkInterface.getByName(facts.name());
            if (nic == null) {
                throw new SocketException("network interface " + facts.name() + " disappeared");
            }
            nics.add(nic);
        }
        return nics;
    }

    @Override
    public InetAddress getMulticastGroup() {
        try {
            return InetAddress.getByName(Constants.IPV4_UPNP_MULTICAST_GROUP);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("SSDP group " + Constants.IPV4_UPNP_MULTICAST_GROUP, e);
        }
    }

    @Override
    public int getMulticastPort() {
        return Constants.UPNP_MULTICAST_PORT;
    }

    /** Search responses go out from an ephemeral port, as MiniDLNA-era control points expect. */
    @Override
    public int getMulticastResponsePort() {
        return 0;
    }

    @Override
    public int getStreamListenPort() {
        return streamPort.getAsInt();
    }

    /** Iterators support {@code remove()}: the router drops an address it cannot bind. */
    @Override
    public Iterator<NetworkInterface> getNetworkInterfaces() {
        return removable(interfaces);
    }

    @Override
    public Iterator<InetAddress> getBindAddresses() {
        return removable(bindAddresses);
    }

    @Override
    public boolean hasUsableNetwork() {
        return !interfaces.isEmpty() && !bindAddresses.isEmpty();
    }

    @Override
    public Short getAddressNetworkPrefixLength(InetAddress inetAddress) {
        return subnetOf(inetAddress).map(s -> (short) s.prefixLength()).orElse(null);
    }

    /** Never known: see the class comment. */
    @Override
    public byte[] getHardwareAddress(InetAddress inetAddress) {
        return null;
    }

    @Override
    public InetAddress getBroadcastAddress(InetAddress inetAddress) {
        for (NetworkInterface nic : interfaces) {
            for (var address : nic.getInterfaceAddresses()) {
                if (address.getAddress().equals(inetAddress)) {
                    return address.getBroadcast();
                }
            }
        }
        return null;
    }

    /** The local address on the remote's subnet, else the interface's first IPv4 address. */
    @Override
    public InetAddress getLocalAddress(NetworkInterface networkInterface, boolean isIPv6, InetAddress remoteAddress) {
        for (InetAddress local : bindAddresses) {
            if (subnetOf(local).map(s -> s.contains(remoteAddress)).orElse(false)) {
                return local;
            }
        }
        return networkInterface.inetAddresses().filter(a -> a instanceof Inet4Address).findFirst()
                .orElseThrow(() -> new IllegalStateException("no IPv4 address on " + networkInterface.getName()));
    }

    @Override
    public void logInterfaceInformation() {
        for (NetworkInterface nic : interfaces) {
            log.info("UPnP on {}: {}", nic.getName(), nic.getInterfaceAddresses().stream().map(Subnet::of)
                    .flatMap(Optional::stream).toList());
        }
    }

    private Optional<Subnet> subnetOf(InetAddress local) {
        return interfaces.stream().flatMap(n -> n.getInterfaceAddresses().stream())
                .filter(a -> a.getAddress().equals(local)).map(Subnet::of).flatMap(Optional::stream).findFirst();
    }

    private static <T> Iterator<T> removable(List<T> list) {
        Iterator<T> snapshot = List.copyOf(list).iterator();
        return new Iterator<>() {
            private T current;

            @Override
            public boolean hasNext() {
                return snapshot.hasNext();
            }

            @Override
            public T next() {
                current = snapshot.next();
                return current;
            }

            @Override
            public void remove() {
                list.remove(current);
            }
        };
    }
}
