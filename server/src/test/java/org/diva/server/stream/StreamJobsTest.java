package org.diva.server.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.diva.web.json.ApiException;
import org.diva.web.live.LiveStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Productions shared by readers, stored, sought in by time, cancelled when unread, bounded in number and size. */
class StreamJobsTest {
    private static final int CHUNK = 1000;
    private static final int CHUNKS = 10;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private StreamJobs jobs;

    /** Writes CHUNKS chunks, each one second of "video" opening with a keyframe, as the test releases them. */
    private static final class Chunks implements StreamSpec.Producer {
        final Semaphore released = new Semaphore(0);
        final AtomicInteger runs = new AtomicInteger();
        final List<Long> starts = new CopyOnWriteArrayList<>();
        final CountDownLatch interrupted = new CountDownLatch(1);
        /** The production from the start waits here before this chunk until {@link #resumeHead} is released. */
        volatile int holdHeadAt = -1;
        final Semaphore resumeHead = new Semaphore(0);
        volatile boolean fail;

        @Override
        public void produce(long startTicks, java.nio.channels.WritableByteChannel out,
                            StreamSpec.KeyframeSink keyframes) throws IOException {
            runs.incrementAndGet();
            starts.add(startTicks);
            for (int i = (int) (startTicks / 90_000); i < CHUNKS; i++) {
                try {
                    if (startTicks == 0 && i == holdHeadAt) {
                        resumeHead.acquire();
                    }
                    released.acquire();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw new java.io.InterruptedIOException("cancelled");
                }
                if (fail) {
                    throw new IOException("the source is damaged at byte 1234");
                }
                keyframes.keyframe(i * 90_000L, -1);
                out.write(ByteBuffer.wrap(chunk(i)));
            }
        }
    }

    static byte[] chunk(int i) {
        byte[] bytes = new byte[CHUNK];
        java.util.Arrays.fill(bytes, (byte) i);
        return bytes;
    }

    static byte[] expected(int from) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = from; i < CHUNKS; i++) {
            all.writeBytes(chunk(i));
        }
        return all.toByteArray();
    }

    private StreamJobs jobs(long budget, int max, Duration idle) throws IOException {
        jobs = new StreamJobs(dir, budget, max, idle, Executors.newCachedThreadPool(),
                Executors.newSingleThreadScheduledExecutor(), Clock.systemUTC());
        return jobs;
    }

    @AfterEach
    void close() {
        if (jobs != null) {
            jobs.close();
        }
    }

    private static StreamSpec spec(String key, Chunks producer) {
        return new StreamSpec(key, "video/mp2t", Optional.of("DLNA.ORG_OP=10"), OptionalLong.of(CHUNKS * 90_000L),
                OptionalLong.empty(), producer);
    }

    static byte[] readAll(LiveStream stream) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long position = stream.startOffset();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (true) {
            long available = stream.awaitBeyond(position, WAIT);
            if (available <= position) {
                assertTrue(stream.completeSize().isPresent(), "stalled at " + position);
                return out.toByteArray();
            }
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), available - position));
            int n = stream.read(buffer, position);
            out.write(buffer.array(), 0, n);
            position += n;
        }
    }

    @Test
    void twoReadersShareOneProductionAndTheSecondPlayIsStored() throws Exception {
        jobs(1 << 20, 2, WAIT);
        Chunks producer = new Chunks();
        try (LiveStream first = jobs.open(spec("film|v1|sd", producer), OptionalLong.empty());
             LiveStream second = jobs.open(spec("film|v1|sd", producer), OptionalLong.empty())) {
            producer.released.release(CHUNKS);
            assertArrayEquals(expected(0), readAll(first));
            assertArrayEquals(expected(0), readAll(second));
        }
        assertEquals(1, producer.runs.get());
        try (LiveStream again = jobs.open(spec("film|v1|sd", producer), OptionalLong.empty())) {
            assertEquals(OptionalLong.of(CHUNK * CHUNKS), again.completeSize());
            assertArrayEquals(expected(0), readAll(again));
        }
        assertEquals(1, producer.runs.get(), "a stored stream costs nothing");
    }

    @Test
    void storedStreamsSurviveARestartAndPartsOfACrashAreDeleted() throws Exception {
        jobs(1 << 20, 2, WAIT);
        Chunks producer = new Chunks();
        producer.released.release(CHUNKS);
        try (LiveStream stream = jobs.open(spec("film|v1|sd", producer), OptionalLong.empty())) {
            readAll(stream);
        }
        jobs.close();
        Files.writeString(dir.resolve("0123abcd-1.part"), "left by kill -9");
        jobs(1 << 20, 2, WAIT);
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".part")));
        }
        Chunks unused = new Chunks();
        try (LiveStream stream = jobs.open(spec("film|v1|sd", unused), OptionalLong.of(5 * 90_000L))) {
            assertEquals(5 * CHUNK, stream.startOffset());
            assertEquals(Optional.of("npt=5.000-10.000/10.000"), stream.timeSeekAnswer());
            assertArrayEquals(expected(5), readAll(stream));
        }
        assertEquals(0, unused.runs.get());
    }

    @Test
    void aTimeSeekBeyondWhatExistsProducesFromThatTime() throws Exception {
        jobs(1 << 20, 3, WAIT);
        Chunks producer = new Chunks();
        // The head stops after three chunks, so the seek to 7.5 s is always beyond what exists.
        producer.holdHeadAt = 3;
        try (LiveStream head = jobs.open(spec("film|v1|sd", producer), OptionalLong.empty())) {
            producer.released.release(2);
            head.awaitBeyond(CHUNK, WAIT);
            producer.released.release(100);
            try (LiveStream sought = jobs.open(spec("film|v1|sd", producer), OptionalLong.of(7 * 90_000L + 45_000))) {
                assertEquals(List.of(0L, 7 * 90_000L + 45_000), producer.starts);
                assertEquals(0, sought.startOffset());
                assertArrayEquals(expected(7), readAll(sought));
                assertEquals(Optional.of("npt=7.000-10.000/10.000"), sought.timeSeekAnswer());
            }
        }
    }

    @Test
    void aProductionNobodyReadsIsCancelledAndItsPartDeleted() throws Exception {
        jobs(1 << 20, 2, Duration.ofMillis(50));
        Chunks producer = new Chunks();
        LiveStream stream = jobs.open(spec("film|v1|sd", producer), OptionalLong.empty());
        producer.released.release(1);
        stream.awaitBeyond(0, WAIT);
        stream.close();
        assertTrue(producer.interrupted.await(10, TimeUnit.SECONDS), "the producer was not stopped");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jobs.producing() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, jobs.producing());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void moreProductionsThanTheLimitAreRefusedWith503() throws Exception {
        jobs(1 << 20, 1, WAIT);
        Chunks producer = new Chunks();
        try (LiveStream stream = jobs.open(spec("a", producer), OptionalLong.empty())) {
            ApiException busy = assertThrows(ApiException.class,
                    () -> jobs.open(spec("b", producer), OptionalLong.empty()));
            assertEquals(503, busy.status());
            producer.released.release(CHUNKS);
            readAll(stream);
        }
    }

    @Test
    void aFailedProductionReachesItsReaderWithTheReason() throws Exception {
        jobs(1 << 20, 1, WAIT);
        Chunks producer = new Chunks();
        try (LiveStream stream = jobs.open(spec("a", producer), OptionalLong.empty())) {
            producer.released.release(2);
            stream.awaitBeyond(CHUNK, WAIT);
            producer.fail = true;
            producer.released.release(1);
            IOException failure = assertThrows(IOException.class, () -> readAll(stream));
            assertTrue(failure.getMessage().contains("damaged at byte 1234"), failure.getMessage());
        }
    }

    @Test
    void theStoreKeepsToItsBudgetDroppingTheLeastRecentlyUsed() throws Exception {
        jobs(2 * CHUNK * CHUNKS + 1, 1, WAIT);
        for (String key : List.of("a", "b", "c")) {
            Chunks producer = new Chunks();
            producer.released.release(CHUNKS);
            try (LiveStream stream = jobs.open(spec(key, producer), OptionalLong.empty())) {
                readAll(stream);
            }
        }
        assertTrue(jobs.storedBytes() <= 2L * CHUNK * CHUNKS, "stored " + jobs.storedBytes());
        Chunks again = new Chunks();
        again.released.release(CHUNKS);
        try (LiveStream stream = jobs.open(spec("a", again), OptionalLong.empty())) {
            readAll(stream);
        }
        assertEquals(1, again.runs.get(), "the oldest stream should have been dropped");
    }
}
