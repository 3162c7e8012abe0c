package org.diva.upnp.igd;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A mapper on an offline jUPnP stack, with a manual clock and scheduler and every status it published. Router
 * requests run on jUPnP's registry-listener thread (the executor is direct), so tests wait for statuses.
 */
final class MapperFixture implements AutoCloseable {
    static final String LAN = "192.168.1.20";
    static final PortRequest POOL = new PortRequest("pool", 8310, 8310);
    static final PortRequest PEER = new PortRequest("peer", 8311, 8311);
    static final MappingPlan PLAN = new MappingPlan(List.of(POOL, PEER), MappingPlan.DEFAULT_LEASE, true,
            Optional.empty());

    final OfflineUpnp upnp;
    final ManualScheduler scheduler = new ManualScheduler();
    final ManualClock clock = new ManualClock();
    final BlockingQueue<Reachability> statuses = new LinkedBlockingQueue<>();
    final List<Reachability> seen = new ArrayList<>();
    /** One permit per router task the mapper handed to its executor and that has finished. */
    final Semaphore actionsDone = new Semaphore(0);
    final IgdPortMapper mapper;

    MapperFixture() throws Exception {
        this(PLAN);
    }

    MapperFixture(MappingPlan plan) throws Exception {
        this(plan, new OfflineUpnp(), fixed(InetAddress.getByName(LAN)));
    }

    private static LanAddress fixed(InetAddress lan) {
        return router -> Optional.of(lan);
    }

    MapperFixture(MappingPlan plan, OfflineUpnp upnp, LanAddress lanAddress) {
        this.upnp = upnp;
        mapper = new IgdPortMapper(plan, scheduler, task -> {
            try {
                task.run();
            } finally {
                actionsDone.release();
            }
        }, clock, lanAddress, statuses::add);
    }

    MapperFixture start() {
        mapper.started(upnp.upnp, null);
        return this;
    }

    /** The first status published from now on that matches, within 10 s. */
    Reachability await(String what, Predicate<Reachability> matches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Reachability next = statuses.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                fail("no status " + what + " within 10 s; saw " + seen + ", now " + mapper.status());
            }
            seen.add(next);
            if (matches.test(next)) {
                return next;
            }
        }
    }

    Reachability awaitMapped() throws InterruptedException {
        return await("with both ports mapped and the external address",
                r -> r.ports().stream().allMatch(PortState::mapped) && r.externalAddress().isPresent());
    }

    /** Waits until {@code count} router tasks have finished since the last wait. */
    void awaitActions(int count) throws InterruptedException {
        if (!actionsDone.tryAcquire(count, 10, TimeUnit.SECONDS)) {
            fail("the mapper did not handle " + count + " devices within 10 s");
        }
    }

    /** Runs the pending renewal after moving the clock to it. */
    void renew() {
        clock.advance(Duration.ofMinutes(30));
        scheduler.runNext();
    }

    @Override
    public void close() throws InterruptedException {
        mapper.stopping();
        upnp.close();
    }
}
