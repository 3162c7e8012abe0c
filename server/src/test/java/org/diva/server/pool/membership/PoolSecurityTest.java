package org.diva.server.pool.membership;

import static org.diva.server.pool.membership.TestMember.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.diva.server.pool.PoolTls;
import org.diva.server.pool.PoolTrust;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.ServerIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who gets in: a stranger is refused at the TLS handshake on the pool port and on the peer port; a joiner's invite
 * opens only {@code /peer/v1/join}; a removed member is dropped by everyone, learns it, and is refused afterwards
 * even when its client tries to resume an earlier TLS session; an invite works once and not after it expires.
 */
class PoolSecurityTest {
    @TempDir
    Path tmp;
    private final List<TestMember> started = new ArrayList<>();

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

    /** A TLS context with {@code identity}'s key that trusts (as a client) the given servers. */
    private static SSLContext context(ServerIdentity identity, Collection<ServerId> trusted) {
        PoolTrust trust = new PoolTrust();
        trust.setMembers(trusted);
        return new PoolTls(identity, trust).context();
    }

    private static int poolPort(TestMember m) {
        return m.pool.membership().advertised.pool().port();
    }

    private static URI peer(TestMember m, String path) {
        return URI.create("https://127.0.0.1:" + m.pool.peerPort() + path);
    }

    /**
     * Opens a TLS connection to a pool port and reads: a member is let in and then waits for JGroups' header (the
     * read times out); anyone else is refused with a TLS alert, an SSLException.
     */
    private static IOException poolHandshake(SSLContext context, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(700);
            socket.startHandshake();
            int read = socket.getInputStream().read();
            return new IOException("read " + read);
        } catch (IOException e) {
            return e;
        }
    }

    /** Refused: an alert, a reset or a close; a member's connection is held open instead (a read time-out). */
    private static void assertRefused(IOException outcome) {
        assertTrue(!(outcome instanceof SocketTimeoutException), "the pool port let it in: " + outcome);
    }

    private static int get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aStrangerIsRefusedAtTheHandshakeOnThePoolPortAndThePeerPort() throws Exception {
        TestMember a = member("Alder");
        TestMember b = member("Birch");
        a.pool.create("Elm Street");
        b.pool.join(a.pool.invite(Duration.ofHours(1)));
        ServerIdentity stranger = ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve("stranger")));

        SSLContext strangerTls = context(stranger, List.of(a.id()));
        assertRefused(poolHandshake(strangerTls, poolPort(a)));
        HttpClient strangerClient = HttpClient.newBuilder().sslContext(strangerTls).build();
        assertThrows(IOException.class, () -> get(strangerClient, peer(a, "/peer/v1/info")));
        assertThrows(IOException.class, () -> get(strangerClient, peer(a, "/peer/v1/join")));

        // the same probes with a member's key get in: the refusals above are about the certificate
        SSLContext memberTls = context(b.identity, List.of(a.id()));
        assertInstanceOf(SocketTimeoutException.class, poolHandshake(memberTls, poolPort(a)));
        assertEquals(200, get(HttpClient.newBuilder().sslContext(memberTls).build(), peer(a, "/peer/v1/info")));
        assertTrue(a.seesUp(b) && a.stateOf(stranger.id()).isEmpty());
    }

    @Test
    void anOpenInvitesServerNameLetsAJoinerReachTheJoinPathOnly() throws Exception {
        TestMember a = member("Alder");
        a.pool.create("Elm Street");
        InviteCode code = InviteCode.parse(a.pool.invite(Duration.ofHours(1)));
        ServerIdentity joiner = ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve("joiner")));
        SSLParameters sni = new SSLParameters();
        sni.setServerNames(List.of(new SNIHostName(PoolTrust.joinServerName(code.inviteId()))));
        HttpClient client = HttpClient.newBuilder().sslContext(context(joiner, List.of(a.id())))
                .sslParameters(sni).build();
        assertEquals(403, get(client, peer(a, "/peer/v1/info")));
        HttpResponse<String> join = client.send(HttpRequest.newBuilder(peer(a, "/peer/v1/join"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"invite\":\"" + code.inviteId()
                        + "\",\"secret\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"name\":\"Mallory\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, join.statusCode());
        assertTrue(join.body().contains("secret is wrong"), join.body());
        assertEquals(1, a.status().members().size());

        SSLParameters wrong = new SSLParameters();
        wrong.setServerNames(List.of(new SNIHostName(PoolTrust.joinServerName("0123456789abcdef"))));
        HttpClient guesser = HttpClient.newBuilder().sslContext(context(joiner, List.of(a.id())))
                .sslParameters(wrong).build();
        assertThrows(IOException.class, () -> get(guesser, peer(a, "/peer/v1/join")));
    }

    @Test
    void aRemovedMemberIsDroppedLearnsItAndIsRefusedEvenOnAResumedSession() throws Exception {
        TestMember a = member("Alder");
        TestMember b = member("Birch");
        TestMember c = member("Cedar");
        a.pool.create("Elm Street");
        b.pool.join(a.pool.invite(Duration.ofHours(1)));
        c.pool.join(a.pool.invite(Duration.ofHours(1)));
        await(Duration.ofSeconds(2), "all up", () -> a.seesUp(b, c) && b.seesUp(a, c) && c.seesUp(a, b));

        // C's key in a client whose TLS sessions with A are cached on both sides
        SSLContext cTls = context(c.identity, List.of(a.id(), b.id()));
        HttpClient cClient = HttpClient.newBuilder().sslContext(cTls).build();
        assertEquals(200, get(cClient, peer(a, "/peer/v1/info")));
        assertInstanceOf(SocketTimeoutException.class, poolHandshake(cTls, poolPort(a)));

        long t0 = System.nanoTime();
        a.pool.remove(c.id());
        long removeMs = (System.nanoTime() - t0) / 1_000_000;
        Duration dropped = await(Duration.ofMillis(1500), "A and B no longer count C",
                () -> a.stateOf(c.id()).isEmpty() && b.stateOf(c.id()).isEmpty()
                        && a.pool.membership().othersInView(java.util.Set.of()).equals(java.util.Set.of(b.id())));
        Duration learnt = await(Duration.ofSeconds(2), "C knows it was removed",
                () -> c.status().pool().isEmpty());
        System.out.printf("MEASURED removal: remove() returned after %d ms (all members applied it), then out of"
                + " A's view in %d ms; C knew it was removed %d ms after remove() began%n", removeMs,
                dropped.toMillis(), Duration.ofNanos(System.nanoTime() - t0).toMillis());
        assertTrue(c.status().notice().orElse("").contains("removed from the pool 'Elm Street' by Alder"),
                c.status().notice().toString());

        assertThrows(IOException.class, () -> get(cClient, peer(a, "/peer/v1/info")),
                "the cached session must not be resumed");
        assertRefused(poolHandshake(cTls, poolPort(a)));
        assertRefused(poolHandshake(cTls, poolPort(b)));
        assertThrows(IOException.class, () -> get(HttpClient.newBuilder().sslContext(cTls).build(),
                peer(b, "/peer/v1/info")));
        assertTrue(learnt.toMillis() >= 0);
        assertTrue(a.seesUp(b) && b.seesUp(a), "the others stay");
        assertThrows(java.util.NoSuchElementException.class, () -> a.pool.remove(c.id()));
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class, () -> a.pool.remove(a.id()));
        assertTrue(self.getMessage().contains("leave"), self.getMessage());
    }

    @Test
    void aMemberRemovedWhileAwayIsRefusedWhenItComesBackAndSaysSo() throws Exception {
        TestMember a = member("Alder");
        TestMember b = member("Birch");
        a.pool.create("Elm Street");
        b.pool.join(a.pool.invite(Duration.ofHours(1)));
        await(Duration.ofSeconds(2), "up", () -> a.seesUp(b) && b.seesUp(a));
        Path bDir = b.dir;
        ServerId bId = b.id();
        started.remove(b);
        b.close();
        a.pool.remove(bId);

        TestMember back = TestMember.start("Birch", bDir);
        started.add(back);
        assertEquals(Optional.of("Elm Street"), back.status().pool(), "it still believes it is a member");
        await(Duration.ofSeconds(5), "B sees A refusing it",
                () -> back.stateOf(a.id()).equals(Optional.of(MemberView.State.REFUSED)));
        assertTrue(back.status().notice().orElse("").contains("probably removed"), back.status().toString());
        assertTrue(a.stateOf(bId).isEmpty());
        assertEquals(List.of(a.id()), List.copyOf(a.pool.membership().channel.members().keySet()));
    }

    @Test
    void anInviteWorksOnceAndNotAfterItExpires() throws Exception {
        TestMember a = member("Alder");
        TestMember b = member("Birch");
        TestMember d = member("Dogwood");
        a.pool.create("Elm Street");
        String code = a.pool.invite(Duration.ofHours(1));
        b.pool.join(code);
        InviteRefusedException twice = assertThrows(InviteRefusedException.class, () -> d.pool.join(code));
        assertTrue(twice.getMessage().contains("used already"), twice.getMessage());
        assertTrue(d.status().pool().isEmpty());

        TestMember late = TestMember.start("Late", tmp.resolve("late"),
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(2)));
        started.add(late);
        InviteRefusedException expired = assertThrows(InviteRefusedException.class,
                () -> late.pool.join(a.pool.invite(Duration.ofHours(1))));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());

        IllegalStateException member = assertThrows(IllegalStateException.class,
                () -> b.pool.join(a.pool.invite(Duration.ofHours(1))));
        assertTrue(member.getMessage().contains("already"), member.getMessage());
        assertEquals(Optional.of("Elm Street"), d.pool.join(a.pool.invite(Duration.ofHours(1))).pool());
    }
}
