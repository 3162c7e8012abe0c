package org.diva.server.pool.swarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.content.ChunkList;
import org.diva.server.pool.content.ContentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads through the swarm from real holders (Jetty HTTPS with mutual TLS on loopback, H2, content stores): the
 * bytes are the title's bytes, with seeks, from one to three holders, when a holder dies mid-stream, when one
 * serves corrupt bytes, and a second time from the content store alone, which then serves a third server.
 */
class SwarmReaderTest {
    private static final int SIZE = 5 * ChunkList.CHUNK_SIZE + 524_288 + 123;
    private static final long FAST = 200_000_000;

    @TempDir
    Path tmp;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        timer.shutdownNow();
    }

    @Test
    void readsTheSameBytesWithSeeksFromOneTwoAndThreeHolders() throws Exception {
        byte[] title = title(1);
        List<TestHolder> holders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            holders.add(holder("h" + i, FAST, title));
        }
        for (int k = 1; k <= 3; k++) {
            TestHolder reader = holder("reader" + k, FAST, null);
            List<TestHolder> pool = new ArrayList<>(holders.subList(0, k));
            pool.add(reader);
            TestHolder.trustEachOther(pool);
            ContentId id = holders.get(0).ids.chunksOf(file(holders.get(0))).contentId();
            try (SwarmChannel channel = readers(reader, holders.subList(0, k)).openSwarm(id)) {
                assertEquals(title.length, channel.size());
                assertArrayEquals(title, readAll(channel, 8191 + k), "k=" + k);
                int[] seeks = {3 * ChunkList.CHUNK_SIZE + 17, 5, SIZE - 1000, ChunkList.CHUNK_SIZE - 3};
                for (int at : seeks) {
                    channel.position(at);
                    byte[] got = readN(channel, Math.min(70_000, title.length - at));
                    assertArrayEquals(Arrays.copyOfRange(title, at, at + got.length), got, "seek to " + at);
                }
                channel.position(title.length);
                assertEquals(-1, channel.read(ByteBuffer.allocate(10)));
                for (TestHolder h : holders.subList(0, k)) {
                    assertTrue(channel.stats().bytesFrom().get(h.id()) > 0,
                            "every holder is a source with k=" + k + ": " + channel.stats());
                }
            }
        }
    }

    @Test
    void everyVerifiedChunkIsLoggedWithItsHolderBytesAndTime() throws Exception {
        byte[] title = title(7);
        TestHolder one = holder("one", FAST, title);
        TestHolder two = holder("two", FAST, title);
        TestHolder reader = holder("reader", FAST, null);
        TestHolder.trustEachOther(List.of(one, two, reader));
        ContentId id = one.ids.chunksOf(file(one)).contentId();
        Map<ServerId, List<long[]>> logged = new ConcurrentHashMap<>();
        TransferLog log = (holder, bytes, nanos) -> logged.computeIfAbsent(holder,
                h -> Collections.synchronizedList(new ArrayList<>())).add(new long[] {bytes, nanos});
        SwarmReaders readers = new SwarmReaders(new FixedNeighbours(reader, List.of(one, two)), reader.store,
                reader.ids, timer, System::nanoTime, SwarmSettings.defaults(), log);
        try (SwarmChannel channel = readers.openSwarm(id)) {
            assertArrayEquals(title, readAll(channel, 65536));
        }
        assertEquals(Set.of(one.id(), two.id()), logged.keySet(), "both holders sent chunks");
        ChunkList list = one.ids.chunksOf(file(one));
        Set<Long> lengths = new HashSet<>();
        for (int i = 0; i < list.count(); i++) {
            lengths.add((long) list.length(i));
        }
        long total = 0;
        for (List<long[]> transfers : logged.values()) {
            for (long[] t : transfers) {
                assertTrue(lengths.contains(t[0]), "a whole chunk, not " + t[0] + " bytes");
                assertTrue(t[1] > 0, "a positive time");
                total += t[0];
            }
        }
        assertTrue(total >= title.length, "every chunk was logged once at least: " + total + " of " + title.length);
    }

    @Test
    void aHolderThatDiesMidStreamDoesNotStopTheRead() throws Exception {
        byte[] title = title(2);
        TestHolder doomed = holder("doomed", 2_000_000, title);
        TestHolder survivor = holder("survivor", 2_000_000, title);
        TestHolder reader = holder("reader", FAST, null);
        TestHolder.trustEachOther(List.of(doomed, survivor, reader));
        ContentId id = survivor.ids.chunksOf(file(survivor)).contentId();
        try (SwarmChannel channel = readers(reader, List.of(doomed, survivor)).openSwarm(id)) {
            byte[] head = readN(channel, ChunkList.CHUNK_SIZE + 10);
            assertTrue(channel.stats().bytesFrom().get(doomed.id()) > 0, "the doomed holder was a source");
            doomed.stopServing();
            byte[] rest = readAll(channel, 65536);
            byte[] all = new byte[head.length + rest.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(rest, 0, all, head.length, rest.length);
            assertArrayEquals(title, all);
        }
    }

    @Test
    void aHolderThatGoesSilentLosesItsChunksToTheOthers() throws Exception {
        byte[] title = title(5);
        TestHolder silent = holder("silent", 2_000_000, title);
        TestHolder alive = holder("alive", 2_000_000, title);
        TestHolder reader = holder("reader", FAST, null);
        TestHolder.trustEachOther(List.of(silent, alive, reader));
        ContentId id = alive.ids.chunksOf(file(alive)).contentId();
        try (SwarmChannel channel = readers(reader, List.of(silent, alive)).openSwarm(id)) {
            byte[] head = readN(channel, 10);
            silent.freeze();
            long frozenAt = System.nanoTime();
            byte[] rest = readAll(channel, 65536);
            double seconds = (System.nanoTime() - frozenAt) / 1e9;
            byte[] all = new byte[head.length + rest.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(rest, 0, all, head.length, rest.length);
            assertArrayEquals(title, all);
            // 5.5 MiB from one holder at 2 MB/s is about 3 s; waiting out the read timeout (30 s) would be a failure
            assertTrue(seconds < 20, "the read waited on the silent holder: " + seconds + " s");
        }
    }

    @Test
    void aHolderServingCorruptBytesCannotCorruptTheStreamAndIsDropped() throws Exception {
        byte[] title = title(3);
        TestHolder honest = holder("honest", 2_000_000, title);
        TestHolder liar = holder("liar", FAST, title);
        TestHolder reader = holder("reader", FAST, null);
        TestHolder.trustEachOther(List.of(honest, liar, reader));
        ContentId id = honest.ids.chunksOf(file(honest)).contentId();
        assertEquals(id, liar.ids.chunksOf(file(liar)).contentId());
        corruptInPlace(file(liar));
        SwarmSettings oneStrikeLess = new SwarmSettings(16, 2, Duration.ofSeconds(1), Duration.ofSeconds(30), 2,
                Duration.ofMillis(100));
        SwarmReaders readers = new SwarmReaders(new FixedNeighbours(reader, List.of(liar, honest)), reader.store,
                reader.ids, timer, System::nanoTime, oneStrikeLess);
        try (SwarmChannel channel = readers.openSwarm(id)) {
            assertArrayEquals(title, readAll(channel, 100_000));
            SwarmStats stats = channel.stats();
            assertTrue(stats.badChunksFrom().get(liar.id()) >= 2, "counted against the liar: " + stats);
            assertEquals(Set.of(liar.id()), stats.dropped(), "the liar (faster, so asked first) is dropped");
            assertEquals(0, stats.badChunksFrom().get(honest.id()), stats.toString());
        }
        assertTrue(Files.readAllBytes(tmp.resolve("reader").resolve("pool-cache").resolve(id.hex())
                .resolve("0.chunk")).length == ChunkList.CHUNK_SIZE, "verified chunks are in the store");
    }

    @Test
    void aSecondReadIsServedFromTheStoreAndTheReaderBecomesAHolder() throws Exception {
        byte[] title = title(4);
        TestHolder origin = holder("origin", FAST, title);
        TestHolder reader = holder("reader", FAST, null);
        TestHolder third = holder("third", FAST, null);
        TestHolder.trustEachOther(List.of(origin, reader, third));
        ContentId id = origin.ids.chunksOf(file(origin)).contentId();
        try (SeekableByteChannel channel = readers(reader, List.of(origin)).open(id)) {
            assertArrayEquals(title, readAll(channel, 1 << 16));
        }
        origin.stopServing();
        try (SwarmChannel again = readers(reader, List.of(origin)).openSwarm(id)) {
            assertArrayEquals(title, readAll(again, 1 << 16), "the second play is local");
            assertEquals(0L, again.stats().bytesFrom().getOrDefault(origin.id(), 0L));
        }
        try (SwarmChannel fromReader = readers(third, List.of(origin, reader)).openSwarm(id)) {
            assertArrayEquals(title, readAll(fromReader, 1 << 16), "the reader's store serves the pool");
            assertTrue(fromReader.stats().bytesFrom().get(reader.id()) > 0);
        }
    }

    @Test
    void contentNobodyHoldsIsNoSuchFile() throws Exception {
        TestHolder empty = holder("empty", FAST, null);
        TestHolder reader = holder("reader", FAST, null);
        TestHolder.trustEachOther(List.of(empty, reader));
        ContentId nobody = new ContentId("ab".repeat(32));
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> readers(reader, List.of(empty)).open(nobody));
        assertTrue(e.getMessage().contains("no neighbour online holds it"), e.getMessage());
    }

    private SwarmReaders readers(TestHolder reader, List<TestHolder> holders) {
        return new SwarmReaders(new FixedNeighbours(reader, holders), reader.store, reader.ids, timer,
                System::nanoTime, SwarmSettings.defaults());
    }

    private TestHolder holder(String name, long rate, byte[] title) throws Exception {
        TestHolder h = TestHolder.start(name, tmp.resolve(name), rate);
        open.add(h);
        if (title != null) {
            Files.createDirectories(tmp.resolve(name).resolve("share"));
            Files.write(file(h), title);
            h.ids.chunksOf(file(h));
        }
        return h;
    }

    private Path file(TestHolder h) {
        return tmp.resolve(h.toString()).resolve("share").resolve("title.bin");
    }

    /** Rewrites every 1000th byte but keeps size and time: the holder still believes its stored content id. */
    static void corruptInPlace(Path file) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i += 1000) {
            bytes[i] ^= 0x5a;
        }
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, time);
    }

    static byte[] title(long seed) {
        byte[] bytes = new byte[SIZE];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] readAll(SeekableByteChannel channel, int bufferSize) throws IOException {
        return readN(channel, (int) (channel.size() - channel.position()), bufferSize);
    }

    static byte[] readN(SeekableByteChannel channel, int n) throws IOException {
        return readN(channel, n, 8192);
    }

    private static byte[] readN(SeekableByteChannel channel, int n, int bufferSize) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(n);
        ByteBuffer buffer = ByteBuffer.allocate(bufferSize);
        while (out.hasRemaining()) {
            buffer.clear().limit(Math.min(bufferSize, out.remaining()));
            int r = channel.read(buffer);
            if (r < 0) {
                break;
            }
            out.put(buffer.flip());
        }
        return Arrays.copyOf(out.array(), out.position());
    }
}
