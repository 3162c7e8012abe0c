package org.diva.server.pool.membership;

import static org.diva.server.pool.membership.TestMember.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.diva.config.PoolSettings;
import org.diva.server.pool.ServerId;
import org.diva.upnp.igd.PortRequest;
import org.diva.upnp.igd.PortState;
import org.diva.upnp.igd.Reachability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router's external address reaches the pool: a member behind a (fake, loopback) router that UPnP IGD mapped
 * advertises the router's address and forwarded ports, the other members' registries and views switch to it, the
 * member stays in the pool, a newcomer joins through the forwarded ports, and a lost mapping switches back.
 */
class PoolExternalAddressTest {
    /** The router's "external" address: another loopback address, so nothing reaches it but through the router. */
    private static final String EXTERNAL = "127.0.0.2";

    @TempDir
    Path tmp;
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private TestMember member(String name) throws Exception {
        TestMember m = TestMember.start(name, tmp.resolve(name));
        started.add(m);
        return m;
    }

    private static Reachability mapped(TestMember m, int poolExternal, int peerExternal, boolean mapped) {
        Instant now = Instant.now();
        return new Reachability(Reachability.Mode.PORT_MAPPING, Optional.of("Fake router"), Optional.of(EXTERNAL),
                List.of(state(new PortRequest("pool", m.pool.poolPort(), poolExternal), mapped, now),
                        state(new PortRequest("peer", m.pool.peerPort(), peerExternal), mapped, now)),
                mapped ? Optional.empty() : Optional.of("the router dropped the mapping"));
    }

    private static PortState state(PortRequest port, boolean mapped, Instant now) {
        return mapped ? new PortState(port, true, 3600, Optional.of(now.plusSeconds(3600)), Optional.empty())
                : new PortState(port, false, 0, Optional.empty(), Optional.of("lost"));
    }

    private static Optional<Member> registered(TestMember in, ServerId who) {
        try {
            return new PoolRegistry(in.database.dataSource()).members().stream().filter(x -> x.id().equals(who))
                    .findFirst();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<MemberView.Status> seen(TestMember in, ServerId who) {
        return in.pool.view().members().stream().filter(s -> s.id().equals(who)).findFirst();
    }

    private static void advertise(TestMember m, Reachability r) throws Exception {
        m.pool.reachabilityChanged(r).orElseThrow().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theRoutersExternalAddressIsAdvertisedToThePoolAndANewcomerJoinsThroughIt() throws Exception {
        TestMember a = member("Alder");
        TestMember b = member("Birch");
        a.pool.create("Elm Street");
        b.pool.join(a.pool.invite(Duration.ofHours(1)));
        await(Duration.ofSeconds(3), "A and B see each other up", () -> a.seesUp(b) && b.seesUp(a));
        HostPort lanPool = a.pool.advertisedPoolAddress();
        assertEquals(Optional.of(lanPool), registered(b, a.id()).flatMap(Member::poolAddress));

        FakeRouter router = new FakeRouter(InetAddress.getByName(EXTERNAL));
        started.add(router);
        FakeRouter.Forward poolForward = router.forward(TestMember.LOOPBACK, a.pool.poolPort());
        FakeRouter.Forward peerForward = router.forward(TestMember.LOOPBACK, a.pool.peerPort());
        advertise(a, mapped(a, poolForward.externalPort(), peerForward.externalPort(), true));

        HostPort externalPool = new HostPort(EXTERNAL, poolForward.externalPort());
        URI externalPeer = URI.create("https://" + EXTERNAL + ":" + peerForward.externalPort());
        assertEquals(externalPool, a.pool.advertisedPoolAddress());
        await(Duration.ofSeconds(5), "B's registry and view hold A's external addresses", () ->
                registered(b, a.id()).flatMap(Member::poolAddress).equals(Optional.of(externalPool))
                && registered(b, a.id()).flatMap(Member::peerAddress).equals(Optional.of(externalPeer))
                && seen(b, a.id()).flatMap(MemberView.Status::peerAddress).equals(Optional.of(externalPeer)));
        await(Duration.ofSeconds(5), "A, on its new channel, and B see each other up again",
                () -> a.pool.inPool() && a.seesUp(b) && b.seesUp(a));
        assertEquals(Optional.of(externalPool), registered(a, a.id()).flatMap(Member::poolAddress),
                "A remembers its own new address for the next start");
        PoolChannel reopened = a.pool.membership().channel;
        assertEquals(Optional.of(externalPool.toString()), reopened.physicalAddress(),
                "JGroups announces the router's address (external_addr/port set before connect)");

        // a newcomer redeems A's invite at the router's address and dials A's pool port through the router
        TestMember c = member("Cedar");
        c.pool.join(a.pool.invite(Duration.ofHours(1)));
        await(Duration.ofSeconds(5), "all three see each other up",
                () -> a.seesUp(b, c) && b.seesUp(a, c) && c.seesUp(a, b));
        assertTrue(peerForward.connections().get() > 0, "the join went through the router's peer port");
        assertTrue(poolForward.connections().get() > 0, "C dialled A's pool port through the router");
        System.out.printf("MEASURED connections through the fake router: pool %d, peer %d%n",
                poolForward.connections().get(), peerForward.connections().get());
        assertEquals(Optional.of(externalPool), registered(c, a.id()).flatMap(Member::poolAddress));
        await(Duration.ofSeconds(5), "C reaches A's peer API through the router",
                () -> c.pool.neighbours().online().stream().anyMatch(n -> n.peerBase().equals(externalPeer)));

        // the router drops the mapping: A advertises its LAN address again, and everyone still sees everyone
        advertise(a, mapped(a, poolForward.externalPort(), peerForward.externalPort(), false));
        assertEquals(lanPool, a.pool.advertisedPoolAddress());
        assertEquals(Optional.of(lanPool.toString()), a.pool.membership().channel.physicalAddress());
        await(Duration.ofSeconds(5), "B and C hold A's LAN address again", () ->
                registered(b, a.id()).flatMap(Member::poolAddress).equals(Optional.of(lanPool))
                && registered(c, a.id()).flatMap(Member::poolAddress).equals(Optional.of(lanPool)));
        await(Duration.ofSeconds(5), "all three up after the switch back",
                () -> a.seesUp(b, c) && b.seesUp(a, c) && c.seesUp(a, b));
    }

    @Test
    void aHouseholdsExternalHostWinsOverTheRouter() throws Exception {
        PoolSettings byHand = new PoolSettings(0, List.of(), PoolSettings.DEFAULT_UPLOAD_BYTES_PER_SECOND, 0,
                Optional.of("127.0.0.1"), OptionalInt.empty(), true);
        TestMember a = TestMember.start("Alder", tmp.resolve("Alder"), Clock.systemUTC(), byHand);
        started.add(a);
        a.pool.create("Elm Street");
        HostPort before = a.pool.advertisedPoolAddress();
        assertEquals(Optional.empty(), a.pool.reachabilityChanged(mapped(a, 40_000, 40_001, true)));
        assertEquals(before, a.pool.advertisedPoolAddress());
    }

    @Test
    void aReportThatChangesNothingKeepsTheChannel() throws Exception {
        TestMember a = member("Alder");
        a.pool.create("Elm Street");
        PoolChannel before = a.pool.membership().channel;
        advertise(a, mapped(a, 40_000, 40_001, false)); // nothing mapped: the LAN address it has already
        assertTrue(before == a.pool.membership().channel, "the channel was reopened for nothing");
        assertEquals(new HostPort("127.0.0.1", a.pool.poolPort()), a.pool.advertisedPoolAddress());
    }
}
