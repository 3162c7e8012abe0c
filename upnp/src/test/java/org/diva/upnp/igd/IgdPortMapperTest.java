package org.diva.upnp.igd;

import static org.diva.upnp.igd.MapperFixture.LAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.diva.upnp.igd.FakeRouter.Added;
import org.diva.upnp.igd.FakeRouter.Deleted;
import org.diva.upnp.igd.Reachability.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jupnp.model.meta.LocalDevice;

/** The mapper against fake IGD:1 and IGD:2 routers in an in-process jUPnP registry: map, renew, fall back, delete. */
class IgdPortMapperTest {
    private final FakeRouter router = new FakeRouter();

    private static Added pool(long lease) {
        return new Added("", 8310, "TCP", 8310, LAN, true, "DiVA pool", lease);
    }

    private static Added peer(long lease) {
        return new Added("", 8311, "TCP", 8311, LAN, true, "DiVA peer", lease);
    }

    @ParameterizedTest
    @ValueSource(strings = {"igd2", "igd1", "igd1Ppp"})
    void mapsBothPortsWithAFiniteLeaseOnEveryKindOfRouter(String kind) throws Exception {
        LocalDevice igd = switch (kind) {
            case "igd2" -> FakeIgd.igd2(router);
            case "igd1" -> FakeIgd.igd1(router);
            default -> FakeIgd.igd1Ppp(router);
        };
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(igd);
            Reachability status = f.awaitMapped();

            assertEquals(List.of(pool(3600), peer(3600)), router.added());
            assertEquals(Mode.PORT_MAPPING, status.mode());
            assertEquals(Optional.of(igd.getDetails().getFriendlyName()), status.router());
            assertEquals(Optional.of("203.0.113.7"), status.externalAddress());
            assertEquals(Optional.of(InetSocketAddress.createUnresolved("203.0.113.7", 8311)), status.advertised(8311));
            assertEquals(Optional.of(ManualClock.START.plusSeconds(3600)), status.port(8310).orElseThrow().leaseEnds());
            assertTrue(status.reachable());
            assertEquals(Optional.empty(), status.problem());
            assertEquals(List.of(Duration.ofMinutes(30)), f.scheduler.pending(), "renewal at half the lease");
        }
    }

    @Test
    void renewsEveryMappingAtHalfTheLease() throws Exception {
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.igd2(router));
            f.awaitMapped();

            f.renew();

            assertEquals(List.of(pool(3600), peer(3600), pool(3600), peer(3600)), router.added());
            Reachability renewed = f.mapper.status();
            assertEquals(Optional.of(ManualClock.START.plus(Duration.ofMinutes(90))),
                    renewed.port(8311).orElseThrow().leaseEnds(), "the lease now runs an hour from the renewal");
            assertEquals(List.of(Duration.ofMinutes(30)), f.scheduler.pending(), "and the next renewal is due");
            f.renew();
            assertEquals(6, router.added().size());
        }
    }

    @Test
    void aNewExternalAddressIsToldToTheListenerAtTheNextRound() throws Exception {
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.igd2(router));
            f.awaitMapped();

            router.externalAddress = "198.51.100.77"; // the provider gave the router a new address
            f.renew();

            Reachability moved = f.await("with the new address", r -> r.externalAddress().equals(
                    Optional.of("198.51.100.77")));
            assertEquals(Optional.of(InetSocketAddress.createUnresolved("198.51.100.77", 8310)),
                    moved.advertised(8310));
        }
    }

    @Test
    void fallsBackToAPermanentMappingWhenTheRouterTakesOnlyThose() throws Exception {
        router.onlyPermanentLeases = true;
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.igd1(router));
            Reachability status = f.awaitMapped();

            assertEquals(List.of(pool(3600), pool(0), peer(3600), peer(0)), router.added());
            assertEquals(0, status.port(8310).orElseThrow().leaseSeconds());
            assertEquals(Optional.empty(), status.port(8310).orElseThrow().leaseEnds());
            assertEquals(Optional.empty(), status.problem(), "725 is handled, not a problem");

            f.renew();
            assertEquals(List.of(pool(0), peer(0)), router.added().subList(4, 6), "no finite lease is tried again");
        }
    }

    @Test
    void deletesItsMappingsWhenStopped() throws Exception {
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.igd2(router));
            f.awaitMapped();

            f.mapper.stopping();

            assertEquals(List.of(new Deleted("", 8310, "TCP"), new Deleted("", 8311, "TCP")), router.deleted());
            assertTrue(router.table.isEmpty());
            Reachability stopped = f.mapper.status();
            assertTrue(stopped.ports().stream().noneMatch(PortState::mapped));
            assertEquals(Optional.empty(), stopped.advertised(8310));
            assertEquals(List.of(), f.scheduler.pending(), "the renewal was cancelled");
            f.mapper.stopping(); // again: nothing more happens
            assertEquals(2, router.deleted().size());
        }
    }

    @Test
    void deletesItsMappingsWhenTheRouterLeavesAndMovesToAnotherRouter() throws Exception {
        FakeRouter second = new FakeRouter();
        second.externalAddress = "198.51.100.9";
        try (MapperFixture f = new MapperFixture().start()) {
            LocalDevice first = FakeIgd.igd2(router);
            f.upnp.registry().addDevice(first);
            f.awaitMapped();

            f.upnp.registry().removeDevice(first);
            Reachability gone = f.await("after the router left", r -> r.router().isEmpty());
            assertTrue(gone.problem().orElseThrow().contains("left the network"), gone.problem().orElseThrow());
            assertEquals(2, router.deleted().size());
            assertFalse(gone.reachable());
            assertEquals(List.of(), f.scheduler.pending());

            f.upnp.registry().addDevice(FakeIgd.igd1(second));
            Reachability moved = f.awaitMapped();
            assertEquals(Optional.of("198.51.100.9"), moved.externalAddress());
            assertEquals(List.of(pool(3600), peer(3600)), second.added());
        }
    }

    @Test
    void findsARouterThatWasKnownBeforeItStarted() throws Exception {
        try (MapperFixture f = new MapperFixture()) {
            f.upnp.registry().addDevice(FakeIgd.igd2(router));
            f.start();
            assertTrue(f.awaitMapped().reachable());
        }
    }

    @Test
    void usesOneRouterWhenTwoAreOnTheNetwork() throws Exception {
        FakeRouter second = new FakeRouter();
        try (MapperFixture f = new MapperFixture().start()) {
            f.upnp.registry().addDevice(FakeIgd.igd2(router));
            f.awaitMapped();
            f.upnp.registry().addDevice(FakeIgd.igd2(second));
            f.awaitActions(2);

            assertEquals(2, router.added().size());
            assertEquals(List.of(), second.added(), "the second router is left alone");
        }
    }
}
