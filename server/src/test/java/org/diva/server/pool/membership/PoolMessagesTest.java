package org.diva.server.pool.membership;

import static org.diva.server.pool.membership.TestMember.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.diva.server.pool.ServerIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pool messages: the codec refuses what is not one; a live member drops malformed and forged messages. */
class PoolMessagesTest {
    @TempDir
    Path tmp;

    @Test
    void theCodecReadsItsOwnMessagesAndRefusesAnythingElse() {
        PoolMessages codec = new PoolMessages();
        byte[] info = codec.encode(new PoolMessage.MemberInfo("Alder", Optional.of("127.0.0.1:1"), Optional.empty()));
        PoolMessage back = codec.decode(info, 0, info.length);
        assertEquals(new PoolMessage.MemberInfo("Alder", Optional.of("127.0.0.1:1"), Optional.empty()), back);
        for (String bad : List.of("", "null", "[]", "{}", "{\"type\":\"launch-missiles\"}", "{\"type\":\"ack\"}",
                "{\"type\":\"ack\",\"ack\":\"x\"}", "\u0000\u0001garbage")) {
            byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> codec.decode(bytes, 0, bytes.length), bad);
            assertTrue(e.getMessage().contains("pool message"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> codec.decode(new byte[0], 0, PoolMessages.MAX_BYTES + 1));
    }

    @Test
    void aMemberDropsMalformedAndForgedMessagesAndKeepsWorking() throws Exception {
        try (TestMember a = TestMember.start("Alder", tmp.resolve("a"));
             TestMember b = TestMember.start("Birch", tmp.resolve("b"))) {
            a.pool.create("Elm Street");
            b.pool.join(a.pool.invite(Duration.ofHours(1)));
            await(Duration.ofSeconds(2), "up", () -> a.seesUp(b) && b.seesUp(a));
            PoolChannel channel = b.pool.membership().channel;
            PoolMessages codec = new PoolMessages();
            ServerIdentity stranger = ServerIdentity.loadOrCreate(Files.createDirectories(tmp.resolve("s")));
            String certificate = Base64.getEncoder().encodeToString(stranger.certificate().getEncoded());

            channel.send(null, "not json at all".getBytes(StandardCharsets.UTF_8));
            channel.send(null, "{\"type\":\"member-removed\",\"id\":\"NOT-AN-ID\",\"ack\":1}".getBytes());
            // a certificate that does not hash to the id it is given for
            channel.send(null, codec.encode(new PoolMessage.MemberAdded(new MemberJson(a.id().toString(), "Evil",
                    certificate, Optional.empty(), Optional.empty()), 2)));
            channel.send(null, codec.encode(new PoolMessage.MemberInfo("Birch", Optional.of("host name:x"),
                    Optional.empty())));
            channel.send(null, codec.encode(new PoolMessage.Roster(null, List.of("garbage"))));
            // then a good one: once it is applied, everything before it was handled (one sender, in order)
            channel.send(null, codec.encode(new PoolMessage.MemberInfo("Birch renamed", Optional.empty(),
                    Optional.empty())));
            await(Duration.ofSeconds(2), "A applied the good message", () -> a.pool.view().members().stream()
                    .anyMatch(s -> s.name().equals("Birch renamed")));

            PoolStatus status = a.status();
            assertEquals(Optional.of("Elm Street"), status.pool());
            assertEquals(2, status.members().size());
            assertTrue(status.members().stream().noneMatch(s -> s.name().equals("Evil")));
            assertTrue(a.seesUp(b) && b.seesUp(a));
            assertInstanceOf(HostPort.class, status.members().stream().filter(s -> s.id().equals(b.id()))
                    .findFirst().orElseThrow().poolAddress().orElseThrow(), "the bad address was not stored");
        }
    }
}
