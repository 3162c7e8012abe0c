package org.diva.server.pool.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.diva.server.pool.ServerIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view's states, smoothed round trips and throughput, and which members count as online neighbours. */
class MemberViewTest {
    @TempDir
    Path tmp;

    private Member member(String name, boolean withPeer) throws Exception {
        ServerIdentity identity = ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve(name)));
        return new Member(identity.id(), name, identity.certificate().getEncoded(), Optional.empty(),
                withPeer ? Optional.of(URI.create("https://10.0.0.1:8311")) : Optional.empty(), Instant.EPOCH);
    }

    private static MemberView.Status of(MemberView view, Member m) {
        return view.members().stream().filter(s -> s.id().equals(m.id())).findFirst().orElseThrow();
    }

    @Test
    void statesRoundTripsAndThroughputAreTracked() throws Exception {
        Member self = member("self", true);
        Member x = member("x", true);
        Member y = member("y", true);
        Member z = member("z", false);
        MemberView view = new MemberView(self.id(), HttpClient.newHttpClient());
        view.setMembers(List.of(self, x, y, z));
        view.setInView(Set.of(self.id(), x.id(), z.id()));
        assertEquals(MemberView.State.UP, of(view, self).state());
        assertTrue(view.members().get(0).self(), "this server comes first");
        assertEquals(MemberView.State.UP, of(view, x).state());
        assertEquals(MemberView.State.DOWN, of(view, y).state());
        assertEquals(List.of(x.id()), view.online().stream().map(n -> n.id()).toList(),
                "online: in the view, not self, with a peer address");

        view.pingFailed(x.id(), false);
        assertEquals(MemberView.State.SUSPECTED, of(view, x).state());
        view.pinged(x.id(), 2_000_000);
        view.pinged(x.id(), 4_000_000);
        assertEquals(MemberView.State.UP, of(view, x).state());
        assertEquals(Optional.of(Duration.ofNanos(2_600_000)), of(view, x).roundTrip(), "2 ms, then 4 ms at 0.3");
        view.pingFailed(y.id(), true);
        assertEquals(MemberView.State.REFUSED, of(view, y).state());

        view.recordTransfer(x.id(), 1_000_000, 1_000_000_000L);
        view.recordTransfer(x.id(), 3_000_000, 1_000_000_000L);
        assertEquals(1_600_000, of(view, x).bytesPerSecond().getAsDouble(), 1);
        assertTrue(of(view, y).bytesPerSecond().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> view.recordTransfer(x.id(), 10, 0));
        assertThrows(IllegalArgumentException.class, () -> view.recordTransfer(x.id(), -1, 10));

        view.setMembers(List.of(self, x));
        assertEquals(2, view.members().size());
        assertEquals(Optional.of(Duration.ofNanos(2_600_000)), of(view, x).roundTrip(), "kept for those who stay");
    }
}
