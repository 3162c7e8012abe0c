package org.diva.server.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's identity is made once and kept (the same ServerId after a restart, the key readable by its user only);
 * ServerIds survive their text form; the trust accepts members' certificates only, on both sides.
 */
class IdentityAndTrustTest {
    @TempDir
    Path tmp;

    @Test
    void theIdentityIsMadeOnceAndKeptAcrossRestarts() throws IOException {
        ServerIdentity first = ServerIdentity.loadOrCreate(tmp);
        ServerIdentity again = ServerIdentity.loadOrCreate(tmp);
        assertEquals(first.id(), again.id());
        assertEquals(first.certificate(), again.certificate());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                tmp.resolve(ServerIdentity.FILE_NAME))));
        assertNotEquals(first.id(), ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve("other"))).id(),
                "another data directory is another server");
    }

    @Test
    void aDamagedIdentityFileIsReportedNotReplaced() throws IOException {
        Files.write(tmp.resolve(ServerIdentity.FILE_NAME), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> ServerIdentity.loadOrCreate(tmp));
        assertTrue(e.getMessage().contains("cannot be read") && e.getMessage().contains("move it away"),
                e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(tmp.resolve(ServerIdentity.FILE_NAME)));
    }

    @Test
    void serverIdsRoundTripThroughTheirTextAndRefuseTypos() {
        ServerId id = ServerIdentity.create().id();
        String text = id.toString();
        assertEquals(id, ServerId.parse(text));
        assertEquals(id, ServerId.parse(text.toLowerCase().replace("-", " ")));
        assertEquals(text.replace("-", "").substring(0, 7), id.shortForm());
        assertEquals(ServerId.BYTES, id.bytes().length);
        assertThrows(IllegalArgumentException.class, () -> ServerId.parse(text.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> ServerId.parse("1" + text.substring(1)));
        String lastWrong = text.substring(0, text.length() - 1) + (text.endsWith("A") ? "B" : "A");
        if (!lastWrong.equals(text)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                ServerId parsed = ServerId.parse(lastWrong);
                assertNotEquals(id, parsed);
                throw new IllegalArgumentException("parsed as another id");
            });
            assertTrue(e.getMessage().contains("mistyped") || e.getMessage().contains("another id"));
        }
    }

    @Test
    void theTrustAcceptsMembersOnlyAndAJoinerOnlyWithAnOpenInviteAsServer() throws Exception {
        X509Certificate member = ServerIdentity.create().certificate();
        X509Certificate stranger = ServerIdentity.create().certificate();
        PoolTrust trust = new PoolTrust();
        trust.setMembers(java.util.List.of(ServerId.of(member)));
        trust.checkClientTrusted(new X509Certificate[] {member}, "EC");
        trust.checkServerTrusted(new X509Certificate[] {member}, "EC");
        CertificateException refused = assertThrows(CertificateException.class,
                () -> trust.checkClientTrusted(new X509Certificate[] {stranger}, "EC"));
        assertTrue(refused.getMessage().contains(ServerId.of(stranger).shortForm()), refused.getMessage());
        assertThrows(CertificateException.class, () -> trust.checkServerTrusted(new X509Certificate[0], "EC"));
        trust.removeMember(ServerId.of(member));
        assertThrows(CertificateException.class, () -> trust.checkClientTrusted(new X509Certificate[] {member}, "EC"));
        assertEquals("inv-abc.join.invalid", PoolTrust.joinServerName("abc"));
    }
}
