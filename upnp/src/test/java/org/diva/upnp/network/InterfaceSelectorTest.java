package org.diva.upnp.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which interfaces SSDP runs on, as a table: each row is an interface of a pretend machine with its flags, and
 * whether it is chosen when nothing is named. Named interfaces are used whatever their kind.
 */
class InterfaceSelectorTest {
    /** name | up | loopback | multicast | point-to-point | has IPv4 | chosen when none is named */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            eth0            | true  | false | true  | false | true  | true
            enp3s0          | true  | false | true  | false | true  | true
            wlan0           | true  | false | true  | false | true  | true
            br0             | true  | false | true  | false | true  | true
            lo              | true  | true  | false | false | true  | false
            lo-multicast    | true  | true  | true  | false | true  | false
            eth1            | false | false | true  | false | true  | false
            eth2            | true  | false | false | false | true  | false
            eth3            | true  | false | true  | false | false | false
            tun0            | true  | false | true  | true  | true  | false
            docker0         | true  | false | true  | false | true  | false
            br-5f2a9c0d13e4 | true  | false | true  | false | true  | false
            veth1a2b3c      | true  | false | true  | false | true  | false
            virbr0          | true  | false | true  | false | true  | false
            vboxnet0        | true  | false | true  | false | true  | false
            """)
    void automaticChoice(String name, boolean up, boolean loopback, boolean multicast, boolean p2p, boolean ipv4,
                         boolean chosen) throws NetworkSelectionException {
        InterfaceFacts nic = nic(name, up, loopback, multicast, p2p, ipv4);
        List<InterfaceFacts> machine = List.of(nic, nic("eth9", true, false, true, false, true));

        List<InterfaceFacts> selected = InterfaceSelector.select(machine, List.of());

        assertEquals(chosen, selected.contains(nic), name);
    }

    @Test
    void namedVirtualAndLoopbackInterfacesAreUsedIfTheyCanDoSsdp() throws NetworkSelectionException {
        List<InterfaceFacts> machine = List.of(usable("eth0"), usable("veth1a2b3c"), usable("docker0"),
                nic("lo", true, true, true, false, true));

        assertEquals(List.of("veth1a2b3c", "lo"), names(InterfaceSelector.select(machine,
                List.of("veth1a2b3c", "lo"))));
    }

    @Test
    void namedInterfacesKeepTheirOrderAndAreUsedOnce() throws NetworkSelectionException {
        List<InterfaceFacts> machine = List.of(usable("eth0"), usable("wlan0"));

        assertEquals(List.of("wlan0", "eth0"), names(InterfaceSelector.select(machine,
                List.of("wlan0", "eth0", "wlan0"))));
    }

    /** name | up | multicast | IPv4 | what the message says */
    @ParameterizedTest(name = "{0}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            eth1 | false | true  | true  | is down
            eth2 | true  | false | true  | does not support multicast
            eth3 | true  | true  | false | has no IPv4 address
            """)
    void namedInterfaceThatCannotDoSsdpIsAnErrorSayingWhy(String name, boolean up, boolean multicast,
                                                           boolean ipv4, String why) {
        List<InterfaceFacts> machine = List.of(usable("eth0"), nic(name, up, false, multicast, false, ipv4));

        String message = assertThrows(NetworkSelectionException.class,
                () -> InterfaceSelector.select(machine, List.of(name))).getMessage();

        assertContains(message, "'" + name + "'", why, "--interface");
    }

    @Test
    void namedInterfaceThatVanishedListsTheMachinesInterfaces() {
        List<InterfaceFacts> machine = List.of(usable("eth0"), usable("wlan0"));

        String message = assertThrows(NetworkSelectionException.class,
                () -> InterfaceSelector.select(machine, List.of("eth7"))).getMessage();

        assertContains(message, "'eth7'", "does not exist", "eth0, wlan0", "--interface");
    }

    @Test
    void noUsableInterfaceSaysWhyEachWasSkipped() {
        List<InterfaceFacts> machine = List.of(nic("lo", true, true, false, false, true), usable("docker0"),
                nic("eth0", false, false, true, false, true));

        String message = assertThrows(NetworkSelectionException.class,
                () -> InterfaceSelector.select(machine, List.of())).getMessage();

        assertContains(message, "no network interface", "lo (", "docker0 (container or VM bridge)",
                "eth0 (is down)", "--interface");
    }

    @Test
    void theRealMachineEitherHasAUsableInterfaceOrSaysWhyNot() throws Exception {
        List<InterfaceFacts> machine = InterfaceFacts.ofThisMachine();

        try {
            assertTrue(InterfaceSelector.select(machine, List.of()).stream().allMatch(n -> n.up() && n.multicast()));
        } catch (NetworkSelectionException e) {
            assertContains(e.getMessage(), "--interface");
        }
    }

    private static InterfaceFacts usable(String name) {
        return nic(name, true, false, true, false, true);
    }

    private static InterfaceFacts nic(String name, boolean up, boolean loopback, boolean multicast, boolean p2p,
                                      boolean ipv4) {
        return new InterfaceFacts(name, up, loopback, multicast, p2p,
                ipv4 ? List.of(new Subnet(address(loopback ? "127.0.0.1" : "192.168.1.20"), loopback ? 8 : 24))
                        : List.of());
    }

    static Inet4Address address(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static List<String> names(List<InterfaceFacts> nics) {
        return nics.stream().map(InterfaceFacts::name).toList();
    }

    private static void assertContains(String message, String... fragments) {
        Arrays.stream(fragments).forEach(f -> assertTrue(message.contains(f), "expected '" + f + "' in: " + message));
    }
}
