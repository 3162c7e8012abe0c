package org.diva.upnp.igd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.diva.config.PoolSettings;
import org.diva.upnp.igd.Reachability.Mode;
import org.junit.jupiter.api.Test;

/** From the pool settings to what is forwarded, and the household's own forwarding reported instead of mapping. */
class MappingPlanTest {
    private static PoolSettings settings(Optional<String> host, OptionalInt port, boolean mapping) {
        return new PoolSettings(8310, List.<Path>of(), 250_000, 0, host, port, mapping);
    }

    @Test
    void thePoolForwardsItsTwoPortsAsBound() {
        MappingPlan plan = MappingPlan.forPool(PoolSettings.defaults(), 8310, 8311);

        assertEquals(List.of(new PortRequest("pool", 8310, 8310), new PortRequest("peer", 8311, 8311)),
                plan.ports());
        assertEquals(Duration.ofHours(1), plan.lease());
        assertTrue(plan.portMapping());
    }

    @Test
    void aHandChosenExternalPortMovesBothExternalPorts() {
        MappingPlan plan = MappingPlan.forPool(settings(Optional.empty(), OptionalInt.of(40000), true), 8310, 8311);

        assertEquals(List.of(new PortRequest("pool", 8310, 40000), new PortRequest("peer", 8311, 40001)),
                plan.ports());
    }

    @Test
    void portsForwardedByHandAreReportedAndNoRouterIsAsked() throws Exception {
        MappingPlan plan = MappingPlan.forPool(settings(Optional.of("home.example.net"), OptionalInt.of(40000),
                false), 8310, 8311);
        FakeRouter router = new FakeRouter();
        try (MapperFixture f = new MapperFixture(plan)) {
            f.upnp.registry().addDevice(FakeIgd.igd2(router));
            f.start();
            Reachability status = f.await("the first", r -> true);

            assertEquals(Mode.MANUAL, status.mode());
            assertEquals(Optional.of(InetSocketAddress.createUnresolved("home.example.net", 40001)),
                    status.advertised(8311));
            assertTrue(status.reachable());
            assertEquals(List.of(), f.mapper.remoteServiceTypes(), "the stack need not even describe routers");
            assertEquals(List.of(), router.added(), "started() looked at no router");
        }
    }

    @Test
    void noMappingAndNoHostSaysOnlyTheLocalNetworkCanConnect() throws Exception {
        try (MapperFixture f = new MapperFixture(MappingPlan.forPool(settings(Optional.empty(), OptionalInt.empty(),
                false), 8310, 8311)).start()) {
            Reachability status = f.await("the first", r -> true);

            assertEquals(Mode.OFF, status.mode());
            assertEquals(Optional.empty(), status.advertised(8310));
            assertTrue(status.problem().orElseThrow().contains("--external-host"), status.problem().orElseThrow());
        }
    }

    @Test
    void aConfiguredExternalHostOverridesTheRoutersAddress() throws Exception {
        MappingPlan plan = MappingPlan.forPool(settings(Optional.of("home.example.net"), OptionalInt.empty(), true),
                8310, 8311);
        try (MapperFixture f = new MapperFixture(plan).start()) {
            f.upnp.registry().addDevice(FakeIgd.igd2(new FakeRouter()));
            Reachability status = f.await("mapped", r -> r.ports().stream().allMatch(PortState::mapped));

            assertEquals(Mode.PORT_MAPPING, status.mode());
            assertEquals(Optional.of("home.example.net"), status.externalAddress());
        }
    }

    @Test
    void nonsenseIsRefusedWithTheReason() {
        var zero = assertThrows(IllegalArgumentException.class, () -> new PortRequest("pool", 0, 0));
        assertTrue(zero.getMessage().contains("bound"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PortRequest("pool", 8310, 65_536));
        assertThrows(IllegalArgumentException.class, () -> new PortRequest(" ", 8310, 8310));
        PortRequest a = new PortRequest("pool", 8310, 9000);
        PortRequest b = new PortRequest("peer", 8311, 9000);
        var twice = assertThrows(IllegalArgumentException.class,
                () -> new MappingPlan(List.of(a, b), Duration.ofHours(1), true, Optional.empty()));
        assertTrue(twice.getMessage().contains("same external port"), twice.getMessage());
        for (Duration lease : List.of(Duration.ZERO, Duration.ofMillis(2500), Duration.ofDays(8))) {
            assertThrows(IllegalArgumentException.class,
                    () -> new MappingPlan(List.of(a), lease, true, Optional.empty()), lease.toString());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new MappingPlan(List.of(), Duration.ofHours(1), true, Optional.empty()));
        // A peer port far from the pool port (both chosen freely, in tests) cannot follow a hand-chosen one.
        assertThrows(IllegalArgumentException.class, () -> MappingPlan.forPool(settings(Optional.empty(),
                OptionalInt.of(65_000), true), 40000, 50000));
    }
}
