package org.diva.server.pool.serve;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.diva.server.pool.content.ContentId;
import org.diva.server.pool.swarm.TestHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload cap holds for all readers together and is shared fairly: two neighbours reading at once, one with
 * three requests open and one with one, each get about half. Loose bounds: the machine is shared and noisy.
 */
class UploadLimiterTest {
    private static final long CAP = 2_000_000;
    private static final long SECONDS = 3;

    @TempDir
    Path tmp;

    @Test
    void theCapIsSharedFairlyBetweenTwoReadersWhateverTheirRequestCounts() throws Exception {
        try (TestHolder holder = TestHolder.start("holder", tmp.resolve("holder"), CAP);
             TestHolder greedy = TestHolder.start("greedy", tmp.resolve("greedy"), CAP);
             TestHolder modest = TestHolder.start("modest", tmp.resolve("modest"), CAP)) {
            TestHolder.trustEachOther(List.of(holder, greedy, modest));
            byte[] title = new byte[32 << 20];
            new Random(1).nextBytes(title);
            Path file = Files.write(tmp.resolve("big.bin"), title);
            ContentId id = holder.ids().chunksOf(file).contentId();
            URI uri = URI.create(holder.base() + "/peer/v1/content/" + id.hex());
            AtomicLong greedyBytes = new AtomicLong();
            AtomicLong modestBytes = new AtomicLong();
            long end = System.nanoTime() + SECONDS * 1_000_000_000L;
            CountDownLatch done = new CountDownLatch(4);
            HttpClient greedyClient = greedy.client();
            for (int i = 0; i < 3; i++) {
                reader(greedyClient, uri, greedyBytes, end, done);
            }
            reader(modest.client(), uri, modestBytes, end, done);
            done.await();
            double total = greedyBytes.get() + modestBytes.get();
            double share = modestBytes.get() / total;
            assertTrue(total <= CAP * (SECONDS + 1.0), "cap exceeded: " + total + " bytes in " + SECONDS + " s");
            assertTrue(total >= CAP * SECONDS * 0.5, "far below the cap: " + total + " bytes in " + SECONDS + " s");
            assertTrue(share > 0.3 && share < 0.7, "modest got " + share + " of " + total);
        }
    }

    @Test
    void aSliceLargerThanTheLimiterHandsOutIsRefused() {
        UploadLimiter limiter = new UploadLimiter(1000, System::nanoTime);
        assertThrows(IllegalArgumentException.class, () -> limiter.acquire("x", UploadLimiter.SLICE + 1));
        assertThrows(IllegalArgumentException.class, () -> new UploadLimiter(0, System::nanoTime));
    }

    private static void reader(HttpClient client, URI uri, AtomicLong bytes, long end, CountDownLatch done) {
        Thread thread = new Thread(() -> {
            try (InputStream in = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body()) {
                byte[] buffer = new byte[16384];
                int n;
                while (System.nanoTime() < end && (n = in.read(buffer)) > 0) {
                    bytes.addAndGet(n);
                }
            } catch (Exception e) {
                // counted as far as it got
            } finally {
                done.countDown();
            }
        });
        thread.setDaemon(true);
        thread.start();
    }
}
