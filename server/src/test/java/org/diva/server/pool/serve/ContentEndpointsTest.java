package org.diva.server.pool.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLException;
import org.diva.server.pool.content.ChunkList;
import org.diva.server.pool.content.ContentId;
import org.diva.server.pool.swarm.TestHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer content endpoints on a real HTTPS server with mutual TLS: ranges of a held title, its chunk list, 404 and
 * 416 for what is not held, a partial holder's chunk set, 403 for a removed member on an open connection, and a
 * stranger refused at the handshake.
 */
class ContentEndpointsTest {
    @TempDir
    Path tmp;
    private TestHolder holder;
    private TestHolder member;
    private byte[] title;
    private ContentId id;

    @BeforeEach
    void start() throws Exception {
        holder = TestHolder.start("holder", tmp.resolve("holder"), 100_000_000);
        member = TestHolder.start("member", tmp.resolve("member"), 100_000_000);
        TestHolder.trustEachOther(List.of(holder, member));
        title = new byte[2 * ChunkList.CHUNK_SIZE + 5000];
        new Random(7).nextBytes(title);
        Path file = tmp.resolve("title.bin");
        Files.write(file, title);
        id = holder.ids().chunksOf(file).contentId();
    }

    @AfterEach
    void stop() throws Exception {
        holder.close();
        member.close();
    }

    @Test
    void servesRangesAndTheWholeOfAHeldTitle() throws Exception {
        HttpClient client = member.client();
        HttpResponse<byte[]> range = client.send(get(id, "bytes=1048570-1048585"), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertEquals("bytes 1048570-1048585/" + title.length, range.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(title, 1048570, 1048586), range.body());
        HttpResponse<byte[]> whole = client.send(get(id, null), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode());
        assertArrayEquals(title, whole.body());
        HttpResponse<Void> head = client.send(HttpRequest.newBuilder(content(id)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(title.length), head.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(head.headers().firstValue(ContentEndpoints.CHUNKS_HEADER).isEmpty(), "a whole file: all held");
    }

    @Test
    void theChunkListMatchesTheIdAndUnheldContentIs404Or416() throws Exception {
        HttpClient client = member.client();
        HttpResponse<byte[]> chunks = client.send(HttpRequest.newBuilder(URI.create(content(id) + "/chunks")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, chunks.statusCode());
        assertEquals(id, ChunkList.decode(chunks.body()).contentId());
        assertEquals(404, client.send(get(new ContentId("0".repeat(64)), null),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(400, client.send(get(null, null), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(416, client.send(get(id, "bytes=" + title.length + "-"),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void aPartialHolderSaysWhichChunksItHasAndRefusesTheOthers() throws Exception {
        ChunkList list = holder.ids().chunkList(id).orElseThrow();
        member.store().putList(list);
        member.store().put(id, 1, Arrays.copyOfRange(title, ChunkList.CHUNK_SIZE, 2 * ChunkList.CHUNK_SIZE),
                ChunkList.CHUNK_SIZE);
        HttpClient client = holder.client();
        URI base = member.base();
        HttpResponse<Void> head = client.send(HttpRequest.newBuilder(URI.create(base + "/peer/v1/content/" + id))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        BitSet held = BitSet.valueOf(Base64.getDecoder().decode(
                head.headers().firstValue(ContentEndpoints.CHUNKS_HEADER).orElseThrow()));
        assertEquals(BitSet.valueOf(new long[] {2}), held);
        HttpResponse<byte[]> second = client.send(HttpRequest.newBuilder(URI.create(base + "/peer/v1/content/" + id))
                .header("Range", "bytes=" + (ChunkList.CHUNK_SIZE + 10) + "-" + (ChunkList.CHUNK_SIZE + 19)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, second.statusCode());
        assertArrayEquals(Arrays.copyOfRange(title, ChunkList.CHUNK_SIZE + 10, ChunkList.CHUNK_SIZE + 20),
                second.body());
        assertEquals(416, client.send(HttpRequest.newBuilder(URI.create(base + "/peer/v1/content/" + id))
                .header("Range", "bytes=0-10").build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void aStrangerIsRefusedAtTheHandshakeAndARemovedMemberGetsNothing() throws Exception {
        try (TestHolder stranger = TestHolder.start("stranger", tmp.resolve("stranger"), 1_000_000)) {
            stranger.trust().setMembers(List.of(stranger.id(), holder.id()));
            IOException refused = assertThrows(IOException.class, () -> stranger.client().send(get(id, null),
                    HttpResponse.BodyHandlers.ofByteArray()));
            assertTrue(refused instanceof SSLException || refused.getCause() instanceof SSLException
                    || String.valueOf(refused.getMessage()).contains("closed"), refused.toString());
        }
        HttpClient client = member.client();
        assertEquals(206, client.send(get(id, "bytes=0-0"), HttpResponse.BodyHandlers.discarding()).statusCode());
        holder.trust().removeMember(member.id());
        HttpResponse<String> after = client.send(get(id, "bytes=0-0"), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, after.statusCode(), "checked again per request on the still-open connection");
        assertFalse(after.body().contains("\u0000"));
    }

    private HttpRequest get(ContentId content, String range) {
        HttpRequest.Builder b = HttpRequest.newBuilder(content == null
                ? URI.create(holder.base() + "/peer/v1/content/not-an-id") : content(content));
        if (range != null) {
            b.header("Range", range);
        }
        return b.build();
    }

    private URI content(ContentId content) {
        return URI.create(holder.base() + "/peer/v1/content/" + content.hex());
    }
}
