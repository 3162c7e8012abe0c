package org.diva.server.pool.neighbourhood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.PoolTls;
import org.diva.server.pool.PoolTrust;
import org.diva.server.pool.ServerIdentity;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may ask a household's peer API, and what a hostile neighbour's answers can do to the asking household: a
 * stranger is refused at the handshake, a member removed since its handshake gets 403 on the same connection, and
 * oversized, malformed or lying answers cost that neighbour its place in the results, nothing more.
 */
class PeerAccessTest {
    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void strangersAreRefusedAtTheHandshakeAndRemovedMembersOnTheNextRequest() throws Exception {
        TestHousehold b = new TestHousehold("Bob", dir.resolve("b"));
        open.add(b);
        ServerIdentity alice = ServerIdentity.loadOrCreate(Files.createDirectories(dir.resolve("a")));
        PoolTrust aliceTrust = new PoolTrust();
        aliceTrust.setMembers(List.of(alice.id(), b.id()));
        b.trust.setMembers(List.of(alice.id(), b.id()));
        b.servePeers();
        HttpClient member = HttpClient.newBuilder().sslContext(new PoolTls(alice, aliceTrust).context()).build();
        HttpRequest list = HttpRequest.newBuilder(b.asNeighbour().peerBase().resolve("/peer/v1/items")).build();
        assertEquals(200, member.send(list, HttpResponse.BodyHandlers.ofString()).statusCode());

        ServerIdentity stranger = ServerIdentity.loadOrCreate(Files.createDirectories(dir.resolve("s")));
        PoolTrust strangerTrust = new PoolTrust();
        strangerTrust.setMembers(List.of(b.id()));
        HttpClient outsider = HttpClient.newBuilder().sslContext(new PoolTls(stranger, strangerTrust).context())
                .build();
        assertThrows(IOException.class, () -> outsider.send(list, HttpResponse.BodyHandlers.ofString()));

        b.trust.removeMember(alice.id()); // the open, already verified connection is kept alive by the client
        HttpResponse<String> after = member.send(list, HttpResponse.BodyHandlers.ofString());
        assertEquals(403, after.statusCode(), after.body());
    }

    @Test
    void aHostileNeighbourLosesItsPlaceInTheResultsAndNothingElse() throws Exception {
        TestHousehold a = new TestHousehold("Alice", dir.resolve("a"));
        TestHousehold b = new TestHousehold("Bob", dir.resolve("b"));
        open.add(a);
        open.add(b);
        Map<String, Function<String, byte[]>> hostile = Map.of(
                "Huge", path -> ("{\"entries\":[" + " ".repeat(9 << 20) + "]}").getBytes(StandardCharsets.UTF_8),
                "Garbage", path -> "<html>hello</html>".getBytes(StandardCharsets.UTF_8),
                "Liar", path -> ("{\"entries\":[{\"type\":\"item\",\"id\":\"../../etc/passwd\",\"name\":\"x\","
                        + "\"item\":{\"id\":\"../../etc/passwd\",\"title\":\"x\",\"kind\":\"video\",\"fileName\":\"x\","
                        + "\"folder\":\"aaaaaaaaaaaa\",\"size\":1,\"modified\":0}}],\"total\":1,\"offset\":0,"
                        + "\"limit\":10}").getBytes(StandardCharsets.UTF_8),
                "Negative", path -> ("{\"entries\":[],\"total\":-5,\"offset\":0,\"limit\":10}")
                        .getBytes(StandardCharsets.UTF_8));
        List<TestHousehold> members = new ArrayList<>(List.of(a, b));
        List<Neighbours.Neighbour> online = new ArrayList<>();
        List<ServerIdentity> hostileIds = new ArrayList<>();
        for (String name : hostile.keySet()) {
            hostileIds.add(ServerIdentity.loadOrCreate(Files.createDirectories(dir.resolve(name))));
        }
        List<org.diva.server.pool.ServerId> ids = new ArrayList<>(members.stream().map(TestHousehold::id).toList());
        hostileIds.forEach(h -> ids.add(h.id()));
        a.trust.setMembers(ids);
        b.trust.setMembers(ids);
        b.servePeers();
        online.add(b.asNeighbour());
        int i = 0;
        for (var entry : hostile.entrySet()) {
            ServerIdentity identity = hostileIds.get(i++);
            PoolTrust trust = new PoolTrust();
            trust.setMembers(ids);
            PeerTestServer server = new PeerTestServer(new PoolTls(identity, trust), answering(entry.getValue()));
            open.add(server);
            online.add(new Neighbours.Neighbour(identity.id(), entry.getKey(), server.base()));
        }
        FixedNeighbours neighbours = new FixedNeighbours(a.id(), a.client());
        neighbours.online.addAll(online);
        NeighbourhoodCatalogue catalogue = new NeighbourhoodCatalogue(neighbours, Duration.ofSeconds(3));

        NeighbourhoodCatalogue.Found found = catalogue.search("plain", 10);
        assertEquals(1, found.items().size(), "Bob's answer is kept: " + found);
        assertEquals("Bob", found.items().get(0).household());
        assertEquals(hostile.keySet(), found.missing().stream().map(NeighbourhoodCatalogue.Missing::name)
                .collect(java.util.stream.Collectors.toSet()));
        for (NeighbourhoodCatalogue.Missing missing : found.missing()) {
            String expected = switch (missing.name()) {
                case "Huge" -> "larger than";
                case "Liar" -> "item id must be 1 to 18 digits";
                case "Negative" -> "no negative total";
                default -> "not a valid PeerPageJson";
            };
            assertTrue(missing.reason().contains(expected), missing.name() + ": " + missing.reason());
        }
    }

    private static Handler answering(Function<String, byte[]> body) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "application/json");
                response.write(true, ByteBuffer.wrap(body.apply(Request.getPathInContext(request))), callback);
                return true;
            }
        };
    }
}
