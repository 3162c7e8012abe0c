package org.diva.upnp.network;

import static org.diva.upnp.network.InterfaceSelectorTest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a sender is on an interface's subnet decides whether an SSDP datagram is answered from it. */
class SubnetTest {
    @ParameterizedTest(name = "{0}/{1} contains {2}: {3}")
    @CsvSource({
        "192.168.1.20, 24, 192.168.1.7,   true",
        "192.168.1.20, 24, 192.168.1.255, true",
        "192.168.1.20, 24, 192.168.2.7,   false",
        "10.231.5.1,   24, 10.231.5.2,    true",
        "10.231.5.1,   24, 10.231.6.2,    false",
        "10.0.0.1,     8,  10.255.1.1,    true",
        "172.16.0.1,   12, 172.31.255.1,  true",
        "172.16.0.1,   12, 172.32.0.1,    false",
        "192.168.1.20, 32, 192.168.1.20,  true",
        "192.168.1.20, 32, 192.168.1.21,  false",
        "192.168.1.20, 0,  8.8.8.8,       true",
        "192.168.1.20, 24, ::1,           false"})
    void containsAddressesOnTheSameLink(String address, int prefix, String other, boolean contained)
            throws Exception {
        assertEquals(contained, new Subnet(address(address), prefix).contains(InetAddress.getByName(other)));
    }

    @ParameterizedTest
    @CsvSource({"-1", "33"})
    void prefixLengthIsZeroToThirtyTwo(int prefix) {
        assertThrows(IllegalArgumentException.class, () -> new Subnet(address("10.0.0.1"), prefix));
    }
}
