package org.diva.server.pool.membership;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.diva.config.PoolSettings;
import org.diva.server.catalogue.Database;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.ServerIdentity;

/** One pool member in this JVM: its own data directory, H2, identity, peer server and channel on loopback. */
final class TestMember implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final String name;
    final Path dir;
    final Database database;
    final ServerIdentity identity;
    final ScheduledExecutorService scheduler;
    final Pool pool;

    private TestMember(String name, Path dir, Clock clock, PoolSettings settings) throws Exception {
        this.name = name;
        this.dir = dir;
        this.database = Database.open(dir);
        this.identity = ServerIdentity.loadOrCreate(dir);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pool-" + name);
            t.setDaemon(true);
            return t;
        });
        this.pool = new Pool(settings, name, LOOPBACK, database.dataSource(), identity, clock, scheduler);
    }

    static PoolSettings settings() {
        return new PoolSettings(0, List.of(), PoolSettings.DEFAULT_UPLOAD_BYTES_PER_SECOND, 0, Optional.empty(),
                OptionalInt.empty(), false);
    }

    /** Starts a member whose data is kept in {@code dir} (made if new). */
    static TestMember start(String name, Path dir) throws Exception {
        return start(name, dir, Clock.systemUTC());
    }

    static TestMember start(String name, Path dir, Clock clock) throws Exception {
        return start(name, dir, clock, settings());
    }

    static TestMember start(String name, Path dir, Clock clock, PoolSettings settings) throws Exception {
        Files.createDirectories(dir);
        TestMember member = new TestMember(name, dir, clock, settings);
        try {
            member.pool.start();
        } catch (Exception e) {
            member.close();
            throw e;
        }
        return member;
    }

    ServerId id() {
        return identity.id();
    }

    PoolStatus status() {
        try {
            return pool.status();
        } catch (java.sql.SQLException e) {
            throw new AssertionError("the registry cannot be read", e);
        }
    }

    /** The state this member sees {@code other} in, if it knows it. */
    Optional<MemberView.State> stateOf(ServerId other) {
        return pool.view().members().stream().filter(s -> s.id().equals(other)).map(MemberView.Status::state)
                .findFirst();
    }

    boolean seesUp(TestMember... others) {
        for (TestMember o : others) {
            if (stateOf(o.id()).orElse(MemberView.State.DOWN) != MemberView.State.UP) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        try {
            pool.close();
        } finally {
            scheduler.shutdownNow();
            database.close();
        }
    }

    /** Waits until {@code condition} holds, checking every 10 ms; returns the time it took. */
    static Duration await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
