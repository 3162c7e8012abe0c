package org.diva.server.pool.membership;

import static org.diva.server.pool.membership.TestMember.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.diva.server.pool.ServerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member in its own JVM is killed (-9) or frozen (SIGSTOP): the survivors' view drops a crashed member within
 * about a second and a silent one within about eight; a frozen member that thaws merges back.
 */
class PoolFailureDetectionTest {
    @TempDir
    Path tmp;
    private TestMember a;
    private TestMember b;
    private PoolMemberProcess child;

    @AfterEach
    void closeAll() throws Exception {
        if (child != null) {
            child.close();
        }
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private ServerId startPoolWithChild() throws Exception {
        a = TestMember.start("Alder", tmp.resolve("a"));
        b = TestMember.start("Birch", tmp.resolve("b"));
        a.pool.create("Elm Street");
        b.pool.join(a.pool.invite(Duration.ofHours(1)));
        child = PoolMemberProcess.start(tmp.resolve("c"), "Cedar", a.pool.invite(Duration.ofHours(1)));
        child.awaitReady(Duration.ofSeconds(30));
        ServerId c = a.status().members().stream().filter(s -> s.name().equals("Cedar")).findFirst()
                .orElseThrow().id();
        await(Duration.ofSeconds(3), "A and B see the child up",
                () -> a.stateOf(c).equals(Optional.of(MemberView.State.UP))
                        && b.stateOf(c).equals(Optional.of(MemberView.State.UP)));
        return c;
    }

    private boolean bothSeeDown(ServerId c) {
        return a.stateOf(c).equals(Optional.of(MemberView.State.DOWN))
                && b.stateOf(c).equals(Optional.of(MemberView.State.DOWN));
    }

    @Test
    void aCrashedMemberLeavesTheViewOnItsClosedConnectionNotAfterTheHeartbeatTimeout() throws Exception {
        ServerId c = startPoolWithChild();
        long t0 = System.nanoTime();
        child.process.destroyForcibly(); // SIGKILL from this JVM: no kill command to start in between
        Duration noticed = await(Duration.ofSeconds(3), "the crashed member is down for A and B",
                () -> bothSeeDown(c));
        System.out.printf("MEASURED crash (kill -9) noticed by A and B after %d ms%n", noticed.toMillis());
        // ~0.6-1 s measured (printed above); the bound only tells the closed connection's suspicion from FD_ALL3's
        // ~8 s timeout, with room for a loaded machine (1.7 s seen at load 14): speed is not judged by a unit test
        assertTrue(noticed.compareTo(Duration.ofSeconds(4)) < 0, "took " + noticed);
        assertTrue(a.seesUp(b) && b.seesUp(a));
        assertEquals(1, a.pool.neighbours().online().size());
    }

    @Test
    void aSilentMemberLeavesTheViewWithinAboutEightSecondsAndMergesBackWhenItWakes() throws Exception {
        ServerId c = startPoolWithChild();
        child.signal("STOP");
        Duration noticed = await(Duration.ofSeconds(15), "the silent member is down for A and B",
                () -> bothSeeDown(c));
        System.out.printf("MEASURED silent (SIGSTOP) member out of the view after %d ms%n", noticed.toMillis());
        assertTrue(noticed.compareTo(Duration.ofSeconds(6)) > 0 && noticed.compareTo(Duration.ofSeconds(14)) < 0,
                "FD_ALL3's 7 s without heartbeats, then VERIFY_SUSPECT2: took " + noticed);
        child.signal("CONT");
        Duration merged = await(Duration.ofSeconds(12), "the member is back after SIGCONT",
                () -> a.stateOf(c).equals(Optional.of(MemberView.State.UP))
                        && b.stateOf(c).equals(Optional.of(MemberView.State.UP)));
        System.out.printf("MEASURED merge after SIGCONT: %d ms%n", merged.toMillis());
    }
}
