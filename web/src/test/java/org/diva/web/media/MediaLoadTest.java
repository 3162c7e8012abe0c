package org.diva.web.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.diva.web.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Many readers of one file at once, and readers that hang up mid-body: the server must not leak or stall. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MediaLoadTest {
    private static final int SIZE = 8 * 1024 * 1024;

    @TempDir
    Path dir;
    MediaServer server;
    byte[] sha256;

    @BeforeEach
    void start() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(8).nextBytes(content);
        sha256 = MessageDigest.getInstance("SHA-256").digest(content);
        server = new MediaServer();
        server.add("big", Files.write(dir.resolve("big.mkv"), content), "video/x-matroska");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void hundredConcurrentReadersAllGetTheExactFile() throws Exception {
        int clients = 100;
        CountDownLatch ready = new CountDownLatch(clients);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long directBefore = directMemoryUsed();
        long heapBefore = serverHeapAllocated();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                try {
                    ready.countDown();
                    ready.await();
                    assertArrayEquals(sha256, download(), "SHA-256 of the body");
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "reader-" + i);
            thread.start();
            threads.add(thread);
        }
        long peakDirect = directBefore;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                thread.join(5);
                peakDirect = Math.max(peakDirect, directMemoryUsed());
            }
        }
        long serverHeap = serverHeapAllocated() - heapBefore;
        assertTrue(failures.isEmpty(), () -> failures.size() + " readers failed, first: " + failures.peek());

        // Memory is bounded by streams, not by bytes: each stream holds one read buffer, plus a little per
        // connection, and the file is never copied onto the heap (that would allocate as much as is sent).
        long direct = peakDirect - directBefore;
        long sent = (long) clients * SIZE;
        assertTrue(direct <= clients * (MediaEndpoint.BUFFER_SIZE + 64L * 1024),
                () -> "direct memory grew by " + direct + " bytes for " + clients + " streams");
        assertTrue(serverHeap < sent / 50, () -> "server threads allocated " + serverHeap + " bytes of heap to send "
                + sent);
    }

    @Test
    void clientsHangingUpMidBodyLeakNothing() throws Exception {
        assertArrayEquals(sha256, download());
        abort("bytes=0-");
        abort("bytes=0-99,1000000-");
        long threads = threadCount();
        long descriptors = openFileDescriptors();
        long buffers = directBufferCount();

        for (int i = 0; i < 50; i++) {
            abort(i % 2 == 0 ? "bytes=0-" : "bytes=0-99,1000000-");
        }

        assertArrayEquals(sha256, download(), "a normal request after the aborts");
        awaitAtMost(threads + 10, MediaLoadTest::threadCount, "live threads");
        awaitAtMost(descriptors + 5, MediaLoadTest::openFileDescriptors, "open file descriptors");
        // Read buffers come from Jetty's pool, so a stream that fails returns them for the next one. A buffer not
        // returned is not reused, and stays counted until a GC frees it: a GC during the test can hide such a
        // leak, never invent one. The tolerance covers the JDK's own per-thread temporary direct buffers.
        assertTrue(directBufferCount() <= buffers + 32, "direct buffers: " + buffers + " -> " + directBufferCount());
    }

    private static long directBufferCount() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getCount).sum();
    }

    private static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    /**
     * Heap allocated so far by the server's threads (HttpServer names them http-N). Live threads only: one that
     * ended in between is not counted, which can hide allocation, never invent it.
     */
    private static long serverHeapAllocated() {
        ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("http-"))
                .mapToLong(thread -> bean.getThreadAllocatedBytes(thread.getId()))
                .filter(bytes -> bytes > 0)
                .sum();
    }

    private byte[] download() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("big")).build();
        HttpResponse<InputStream> response = server.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream body = new DigestInputStream(response.body(), digest)) {
            long total = body.transferTo(OutputStream.nullOutputStream());
            assertEquals(SIZE, total);
        }
        return digest.digest();
    }

    /** Asks for the file over a raw socket, reads a little of the body, and hangs up. */
    private void abort(String range) throws Exception {
        try (Socket socket = RawHttp.open(server.port(), "GET", "/media/big", "Range: " + range)) {
            byte[] some = new byte[64 * 1024];
            int read = socket.getInputStream().read(some);
            assertTrue(read > 0 && new String(some, 0, 12, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 206"));
        }
    }

    private static long threadCount() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long openFileDescriptors() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }

    /** Server-side cleanup of a closed connection is asynchronous: wait for it, but not for ever. */
    private static void awaitAtMost(long limit, LongSupplier value, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value.getAsLong() > limit && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(value.getAsLong() <= limit, what + ": " + value.getAsLong() + ", expected at most " + limit);
    }
}
