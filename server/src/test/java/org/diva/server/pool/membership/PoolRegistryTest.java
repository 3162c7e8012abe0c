package org.diva.server.pool.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.diva.server.catalogue.Database;
import org.diva.server.pool.ServerIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry in H2: the pool and its members survive reopening the database, an invite is redeemed once, only
 * with its secret and before it expires (each refusal says why), a removed member stays removed until re-invited.
 */
class PoolRegistryTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path tmp;

    private static Member member(ServerIdentity identity, String name) throws Exception {
        return new Member(identity.id(), name, identity.certificate().getEncoded(),
                Optional.of(HostPort.parse("127.0.0.1:8310")), Optional.of(URI.create("https://127.0.0.1:8311")),
                NOW);
    }

    @Test
    void thePoolAndItsMembersSurviveReopening() throws Exception {
        ServerIdentity self = ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve("id")));
        try (Database db = Database.open(tmp)) {
            PoolRegistry registry = new PoolRegistry(db.dataSource());
            assertTrue(registry.pool().isEmpty());
            registry.enter("Elm Street", NOW, List.of(member(self, "Alder")));
        }
        try (Database db = Database.open(tmp)) {
            PoolRegistry registry = new PoolRegistry(db.dataSource());
            assertEquals("Elm Street", registry.pool().orElseThrow().name());
            assertEquals(List.of(self.id()), registry.members().stream().map(Member::id).toList());
            assertEquals(HostPort.parse("127.0.0.1:8310"), registry.members().get(0).poolAddress().orElseThrow());
            registry.forget(Optional.of("removed from the pool 'Elm Street' by Birch"), NOW);
            assertTrue(registry.pool().isEmpty());
            assertTrue(registry.members().isEmpty());
            assertEquals(Optional.of("removed from the pool 'Elm Street' by Birch"), registry.notice());
        }
    }

    @Test
    void anInviteIsRedeemedOnceWithItsSecretBeforeItExpires() throws Exception {
        ServerIdentity self = ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve("self")));
        ServerIdentity joiner = ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve("joiner")));
        ServerIdentity other = ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve("other")));
        try (Database db = Database.open(tmp)) {
            PoolRegistry registry = new PoolRegistry(db.dataSource());
            registry.enter("Elm Street", NOW, List.of(member(self, "Alder")));
            byte[] secret = "sixteen bytes!!!".getBytes();
            registry.addInvite("00112233aabbccdd", Pool.sha256(secret), NOW.plus(Duration.ofHours(24)));
            assertTrue(registry.isOpenInvite("00112233aabbccdd", NOW));
            assertFalse(registry.isOpenInvite("00112233aabbccdd", NOW.plus(Duration.ofDays(2))));
            assertFalse(registry.isOpenInvite("ffffffffffffffff", NOW));

            refused(registry, "ffffffffffffffff", secret, joiner, NOW, "no invite");
            refused(registry, "00112233aabbccdd", "wrong sixteen b!".getBytes(), joiner, NOW, "secret is wrong");
            refused(registry, "00112233aabbccdd", secret, joiner, NOW.plus(Duration.ofDays(2)), "expired");
            assertEquals(1, registry.members().size(), "a refused joiner is not added");

            registry.redeem("00112233aabbccdd", Pool.sha256(secret), member(joiner, "Birch"), NOW);
            assertEquals(2, registry.members().size());
            assertFalse(registry.isOpenInvite("00112233aabbccdd", NOW));
            refused(registry, "00112233aabbccdd", secret, other, NOW, "used already");

            assertTrue(registry.markRemoved(joiner.id()));
            assertFalse(registry.markRemoved(joiner.id()));
            assertEquals(Set.of(joiner.id()), registry.removed());
            assertFalse(registry.put(member(joiner, "Birch"), false), "a removed member stays removed");
            assertEquals(1, registry.members().size());
            assertTrue(registry.put(member(joiner, "Birch"), true), "unless invited again");
            assertEquals(2, registry.members().size());
        }
    }

    private static void refused(PoolRegistry registry, String id, byte[] secret, ServerIdentity joiner, Instant at,
                                String reason) {
        InviteRefusedException e = assertThrows(InviteRefusedException.class,
                () -> registry.redeem(id, Pool.sha256(secret), member(joiner, "Birch"), at));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aMemberRecordMustPairItsIdWithItsCertificate() throws Exception {
        ServerIdentity a = ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve("a")));
        ServerIdentity b = ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve("b")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Member(a.id(), "A",
                b.certificate().getEncoded(), Optional.empty(), Optional.empty(), NOW));
        assertTrue(e.getMessage().contains("hashes to"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("nohost"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("a b:12"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("host:70000"));
        assertEquals(new HostPort("::1", 8310), HostPort.parse("[::1]:8310"));
        assertThrows(IllegalArgumentException.class, () -> Member.cleanName("bad\u0000name"));
        assertThrows(IllegalArgumentException.class, () -> Member.cleanName("x".repeat(101)));
    }
}
