package org.diva.upnp.igd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.diva.upnp.igd.FakeSoapRouter.Request;
import org.junit.jupiter.api.Test;
import org.jupnp.model.meta.RemoteDevice;
import org.jupnp.model.meta.RemoteDeviceIdentity;
import org.jupnp.model.types.UDN;
import org.jupnp.protocol.RetrieveRemoteDescriptors;

/**
 * The production path without SSDP: jUPnP describes a router at 127.0.0.1 over HTTP (DiVA's safe XML binders,
 * Jetty client), and the mapper speaks SOAP to it, with the LAN address taken from where the router was heard.
 */
class RemoteIgdTest {
    private static Map<String, String> add(int port, String purpose, String lease) {
        return Map.of("NewRemoteHost", "", "NewExternalPort", Integer.toString(port), "NewProtocol", "TCP",
                "NewInternalPort", Integer.toString(port), "NewInternalClient", "127.0.0.1", "NewEnabled", "1",
                "NewPortMappingDescription", "DiVA " + purpose, "NewLeaseDuration", lease);
    }

    private static MapperFixture discover(FakeSoapRouter router) throws Exception {
        MapperFixture f = new MapperFixture(MapperFixture.PLAN, new OfflineUpnp(true), LanAddress.discoveredOn())
                .start();
        new RetrieveRemoteDescriptors(f.upnp.upnp, new RemoteDevice(new RemoteDeviceIdentity(new UDN(router.udn),
                1800, router.descriptionUrl(), null, InetAddress.getByName("127.0.0.1")))).run();
        return f;
    }

    @Test
    void mapsOverSoapWithEveryArgumentAndDeletesOnStop() throws Exception {
        try (FakeSoapRouter router = new FakeSoapRouter(); MapperFixture f = discover(router)) {
            Reachability status = f.awaitMapped();

            assertEquals("Loopback Router", status.router().orElseThrow());
            assertEquals("203.0.113.7", status.externalAddress().orElseThrow());
            List<Request> sent = router.requests();
            assertEquals(List.of(new Request("AddPortMapping", add(8310, "pool", "3600")),
                    new Request("AddPortMapping", add(8311, "peer", "3600")),
                    new Request("GetExternalIPAddress", Map.of())), sent);

            f.mapper.stopping();
            assertEquals(List.of(new Request("DeletePortMapping", Map.of("NewRemoteHost", "", "NewExternalPort", "8310",
                    "NewProtocol", "TCP")), new Request("DeletePortMapping", Map.of("NewRemoteHost", "",
                    "NewExternalPort", "8311", "NewProtocol", "TCP"))), router.requests().subList(3, 5));
        }
    }

    @Test
    void aSoapFault725GivesPermanentMappings() throws Exception {
        try (FakeSoapRouter router = new FakeSoapRouter()) {
            router.onlyPermanentLeases = true;
            try (MapperFixture f = discover(router)) {
            Reachability status = f.awaitMapped();

            assertEquals(List.of("3600", "0", "3600", "0"), router.requests().stream()
                    .filter(r -> r.action().equals("AddPortMapping")).map(r -> r.args().get("NewLeaseDuration"))
                    .toList());
            assertTrue(status.ports().stream().allMatch(p -> p.mapped() && p.leaseSeconds() == 0));
            }
        }
    }

    @Test
    void aGarbledSoapAnswerIsReportedNotThrown() throws Exception {
        try (FakeSoapRouter router = new FakeSoapRouter()) {
            router.externalAddressBody = "<s:Envelope><unclosed>\u0001";
            try (MapperFixture f = discover(router)) {
            Reachability status = f.await("after the router answered", r -> r.router().isPresent());

            assertTrue(status.ports().stream().allMatch(PortState::mapped));
            assertEquals(java.util.Optional.empty(), status.externalAddress());
            String problem = status.problem().orElseThrow();
            assertTrue(problem.contains("GetExternalIPAddress"), problem);
            }
        }
    }
}
