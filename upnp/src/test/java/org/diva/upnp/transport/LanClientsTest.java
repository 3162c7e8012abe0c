package org.diva.upnp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UPnP answers the home network, never the internet the shared HTTP port may be forwarded to. */
class LanClientsTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "192.168.1.7,     true",
        "10.231.5.2,      true",
        "172.20.0.5,      true",
        "169.254.10.1,    true",
        "127.0.0.1,       true",
        "::1,             true",
        "fe80::1,         true",
        "fd12:3456::1,    true",
        "8.8.8.8,         false",
        "100.64.0.1,      false",
        "172.32.0.1,      false",
        "2001:db8::1,     false",
        "203.0.113.9,     false"})
    void onlyHomeNetworkAddressesAreClients(String address, boolean lan) throws Exception {
        assertEquals(lan, LanClients.isLan(InetAddress.getByName(address)));
    }
}
