package org.diva.upnp.network;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What interface selection needs to know about one network interface, read once so the choice is a pure function
 * of these facts.
 *
 * @param subnets its IPv4 addresses; UPnP discovery here is IPv4 (SSDP on 239.255.255.250)
 */
public record InterfaceFacts(String name, boolean up, boolean loopback, boolean multicast, boolean pointToPoint,
                             List<Subnet> subnets) {
    public InterfaceFacts {
        Objects.requireNonNull(name, "name");
        subnets = List.copyOf(subnets);
    }

    /** The facts of one of this machine's interfaces. */
    public static InterfaceFacts of(NetworkInterface nic) throws SocketException {
        return new InterfaceFacts(nic.getName(), nic.isUp(), nic.isLoopback(), nic.supportsMulticast(),
                nic.isPointToPoint(), nic.getInterfaceAddresses().stream().map(Subnet::of).flatMap(Optional::stream)
                .toList());
    }

    /** Every interface of this machine, in the order the system lists them. */
    public static List<InterfaceFacts> ofThisMachine() throws SocketException {
        List<InterfaceFacts> all = new java.util.ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            all.add(of(nic));
        }
        return all;
    }
}
