package org.diva.upnp.igd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URL;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jupnp.model.meta.RemoteDevice;
import org.jupnp.model.meta.RemoteDeviceIdentity;
import org.jupnp.model.types.UDN;

/** What a router says, made safe to show and to advertise; and the local address it was heard on. */
class RouterTextTest {
    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.7     | public",
        "8.8.8.8         | public",
        "172.32.0.1      | public",
        "172.16.0.1      | private",
        "169.254.1.1     | private",
        "127.0.0.1       | private",
        "224.0.0.1       | private",
        "0.0.0.0         | down",
        "1.2.3           | malformed",
        "01.2.3.4444     | malformed",
        "1.2.3.-4        | malformed",
        "1.2.3.4x        | malformed",
        "::1             | malformed",
        "256.1.1.1       | malformed"})
    void externalAddresses(String text, String expected) {
        Optional<int[]> address = RouterText.ipv4(text);
        String kind = address.map(a -> RouterText.notPublic(a)
                .map(why -> why.contains("no external address") ? "down" : "private").orElse("public"))
                .orElse("malformed");
        assertEquals(expected, kind);
    }

    @Test
    void wordsAreCutAndStripped() {
        assertEquals(Optional.empty(), RouterText.ipv4("1.2.3.4\n"));
        assertEquals("(nothing)", RouterText.clean(null));
        assertEquals("(nothing)", RouterText.clean(" \t"));
        assertEquals("a b", RouterText.clean("a\u0000b"));
        String long_ = RouterText.clean("y".repeat(1000));
        assertEquals(RouterText.MAX_LENGTH + 3, long_.length());
        assertTrue(long_.endsWith("..."));
    }

    @Test
    void errorsAreInWords() {
        assertTrue(IgdErrors.describe(606, "Action not authorized").contains("enable"));
        assertEquals("error 899 (Vendor trouble)", IgdErrors.describe(899, "Vendor trouble"));
        assertTrue(IgdErrors.describe(501, "disk on fire").endsWith("the router said: disk on fire)"));
    }

    @Test
    void theLanAddressIsWhereTheRoutersAnnouncementArrived() throws Exception {
        InetAddress local = InetAddress.getByName("192.168.7.20");
        RemoteDevice router = new RemoteDevice(new RemoteDeviceIdentity(new UDN("gw"), 1800,
                new URL("http://192.168.7.1:5000/rootDesc.xml"), null, local));

        assertEquals(Optional.of(local), LanAddress.discoveredOn().towards(router));
        assertEquals(Optional.empty(), LanAddress.discoveredOn().towards(FakeIgd.igd2(new FakeRouter())));
    }
}
