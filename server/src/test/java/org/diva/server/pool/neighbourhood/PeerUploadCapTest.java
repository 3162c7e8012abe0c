package org.diva.server.pool.neighbourhood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.pool.content.ContentId;
import org.diva.server.pool.serve.UploadLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member cannot read a household's bytes faster than its upload cap by any peer route: the catalogue has no
 * byte route of its own (an item's bytes go by content id, through the limiter), and two reads at once share the
 * cap rather than each getting it.
 */
class PeerUploadCapTest {
    /** Small enough that the test takes two seconds, large enough that loopback without the cap takes far less. */
    private static final long CAP = 512 * 1024;
    private static final int SIZE = 512 * 1024;

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
    void anItemsBytesAreOnlyServedByContentIdUnderTheCap() throws Exception {
        TestHousehold a = track(new TestHousehold("Alice", dir.resolve("a")));
        TestHousehold b = track(new TestHousehold("Bob", dir.resolve("b"), CAP));
        TestHousehold.trustEachOther(List.of(a, b));
        a.servePeers();
        b.servePeers();
        HttpClient client = a.client();
        URI bob = b.asNeighbour().peerBase();

        for (String file : List.of("plain.mp4", "clip.mkv", "tone.mp3", "top tone.flac")) {
            CatalogueItem item = b.item(file);
            HttpResponse<byte[]> direct = client.send(HttpRequest.newBuilder(bob.resolve("/peer/v1/items/"
                    + item.id() + "/content")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(404, direct.statusCode(), file + ": the catalogue serves no bytes of its own");
            assertTrue(direct.body().length < 1024, "only an error, not the title: " + direct.body().length);
            String answer = client.send(HttpRequest.newBuilder(bob.resolve("/peer/v1/items/" + item.id()
                    + "/content-id")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(answer.contains(b.ids.chunksOf(item.path()).contentId().hex()), file + ": " + answer);
        }

        byte[] title = new byte[SIZE];
        new Random(5).nextBytes(title);
        Path big = Files.write(b.shared.resolve("big.bin"), title);
        ContentId id = b.ids.chunksOf(big).contentId();
        HttpRequest whole = HttpRequest.newBuilder(bob.resolve("/peer/v1/content/" + id.hex()))
                .timeout(Duration.ofSeconds(30)).build();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<byte[]>>> reads = List.of(
                client.sendAsync(whole, HttpResponse.BodyHandlers.ofByteArray()),
                client.sendAsync(whole, HttpResponse.BodyHandlers.ofByteArray()));
        long total = 0;
        for (CompletableFuture<HttpResponse<byte[]>> read : reads) {
            HttpResponse<byte[]> response = read.join();
            assertEquals(200, response.statusCode());
            assertArrayEquals(title, response.body());
            total += response.body().length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the bucket starts full (a quarter second of the cap, at least a slice): those bytes come at once
        double burst = Math.max(UploadLimiter.SLICE, CAP / 4.0);
        double least = (total - burst) / CAP;
        assertTrue(seconds >= 0.8 * least, total + " bytes in " + seconds + " s: faster than the cap of " + CAP
                + " B/s allows (at least " + least + " s)");
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }
}
