package org.diva.upnp.igd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.diva.upnp.service.MediaReceiverRegistrarService;
import org.jupnp.model.types.UDADeviceType;

/** Routers that refuse, answer nonsense or are not routers: the status says what is wrong, nothing breaks. */
class IgdRefusalsTest {
    private final FakeRouter router = new FakeRouter();

    @Test
    void aPortHeldByAnotherDeviceIsReportedAndTheOtherPortStillMapped() throws Exception {
        router.heldByAnotherDevice.add(8310);
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.igd2(router));
            Reachability status = f.await("after the router answered", r -> r.router().isPresent());

            PortState pool = status.port(8310).orElseThrow();
            assertFalse(pool.mapped());
            String error = pool.error().orElseThrow();
            assertTrue(error.contains("error 718") && error.contains("ConflictInMappingEntry")
                    && error.contains("another device") && error.contains("8310"), error);
            assertTrue(status.port(8311).orElseThrow().mapped());
            assertTrue(status.problem().orElseThrow().contains("718"), "the problem names the refusal");
            assertFalse(status.reachable());
            assertEquals(Optional.empty(), status.advertised(8310));
            assertEquals(Optional.of("203.0.113.7"), status.externalAddress());

            router.heldByAnotherDevice.clear(); // the other device let go: the next round maps it
            f.renew();
            assertTrue(f.mapper.status().reachable());
            assertEquals(Optional.empty(), f.mapper.status().problem());
        }
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @CsvSource(delimiter = '|', value = {
        "''                   | malformed external address",
        "999.1.1.1            | malformed external address",
        "203.0.113.7<script>  | malformed external address",
        "router.example.net   | malformed external address",
        "1.2.3.4.5            | malformed external address",
        "0.0.0.0              | no external address yet",
        "10.0.0.2             | private or shared",
        "192.168.0.1          | private or shared",
        "100.64.12.1          | private or shared"})
    void anExternalAddressNeighboursCannotDialIsNotAdvertised(String answer, String expected) throws Exception {
        router.externalAddress = answer;
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.igd2(router));
            Reachability status = f.await("after the router answered", r -> r.router().isPresent());

            assertEquals(Optional.empty(), status.externalAddress());
            assertEquals(Optional.empty(), status.advertised(8310));
            assertTrue(status.problem().orElseThrow().contains(expected), status.problem().orElseThrow());
            assertTrue(status.ports().stream().allMatch(PortState::mapped), "the mappings themselves stand");
        }
    }

    @Test
    void aFailingGetExternalIpAddressIsReported() throws Exception {
        router.externalAddressError = 501;
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.igd1(router));
            Reachability status = f.await("after the router answered", r -> r.router().isPresent());

            assertEquals(Optional.empty(), status.externalAddress());
            String problem = status.problem().orElseThrow();
            assertTrue(problem.contains("GetExternalIPAddress") && problem.contains("error 501"), problem);
        }
    }

    @Test
    void aMalformedServiceIsReportedWithoutSendingItHalfARequest() throws Exception {
        FakeLeaselessWanIpConnection broken = new FakeLeaselessWanIpConnection();
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.build("Odd router", 1, broken));
            Reachability status = f.await("after the router answered", r -> r.router().isPresent());

            String error = status.port(8310).orElseThrow().error().orElseThrow();
            assertTrue(error.contains("lacks the argument NewRemoteHost"), error);
            assertEquals(0, broken.addCalls);
            assertTrue(status.problem().orElseThrow().contains("malformed external address: '(nothing)'"),
                    status.problem().orElseThrow());
        }
    }

    @Test
    void hostileRouterNamesAreCutAndStripped() throws Exception {
        String name = "Evil\u0007\nRouter " + "x".repeat(500);
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.build(name, 2, new FakeWanIpConnection2(router)));
            String shown = f.awaitMapped().router().orElseThrow();

            assertTrue(shown.startsWith("Evil  Router xxx") && shown.length() <= RouterText.MAX_LENGTH + 3, shown);
        }
    }

    @Test
    void onlyGatewaysCountAndOnlyTheirConnectionServices() throws Exception {
        var renderer = FakeIgd.build("Not a router", new UDADeviceType("MediaRenderer", 1), 1,
                new FakeWanIpConnection1(router));
        var igd3 = FakeIgd.build("Future router", new UDADeviceType("InternetGatewayDevice", 3), 3,
                new FakeWanIpConnection2(router));
        var noWan = FakeIgd.build("Odd IGD", new UDADeviceType("InternetGatewayDevice", 1), 1,
                new MediaReceiverRegistrarService());

        assertFalse(IgdDevices.isGateway(renderer));
        assertTrue(IgdDevices.isGateway(igd3), "a later version does what IGD:1 does");
        assertTrue(IgdDevices.isGateway(FakeIgd.igd1(router)));
        assertEquals("urn:schemas-upnp-org:service:WANIPConnection:2",
                IgdDevices.connectionService(igd3).orElseThrow().getServiceType().toString());
        assertEquals("urn:schemas-upnp-org:service:WANPPPConnection:1",
                IgdDevices.connectionService(FakeIgd.igd1Ppp(router)).orElseThrow().getServiceType().toString());
        assertEquals(Optional.empty(), IgdDevices.connectionService(noWan));
    }

    @Test
    void aGatewayWithoutAConnectionServiceIsReported() throws Exception {
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.build("Odd IGD", new UDADeviceType("InternetGatewayDevice", 1), 1,
                    new MediaReceiverRegistrarService()));
            Reachability status = f.await("naming the odd router", r -> r.problem().orElse("").contains("Odd IGD"));

            assertTrue(status.problem().orElseThrow().contains("offers no WANIPConnection or WANPPPConnection"));
            assertEquals(Optional.empty(), status.router());
        }
    }

    @Test
    void stoppingBeforeAnyRouterAnsweredDeletesNothingAndItCanStartAgain() throws Exception {
        try (MapperFixture f = new MapperFixture().start()) {
            f.mapper.stopping();
            assertEquals(List.of(), router.deleted());

            f.start();
            f.upnp.registry().addDevice(FakeIgd.igd2(router));
            assertTrue(f.awaitMapped().reachable());
            assertEquals(2, router.added().size());
        }
    }
}
