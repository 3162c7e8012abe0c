package org.diva.server.pool.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.BitSet;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content store keeps verified chunks within its budget, least recently used out first, across restarts. */
class ContentStoreTest {
    private static final int MIB = ChunkList.CHUNK_SIZE;

    @TempDir
    Path tmp;

    @Test
    void theBudgetEvictsTheLeastRecentlyUsedChunk() throws Exception {
        byte[] bytes = bytes(4 * MIB);
        ChunkList list = ChunkList.hash(Files.write(tmp.resolve("t"), bytes));
        ContentId id = list.contentId();
        ContentStore store = ContentStore.open(tmp.resolve("cache"), 3L * MIB, Clock.systemUTC());
        store.putList(list);
        for (int i = 0; i < 3; i++) {
            store.put(id, i, chunk(bytes, i), MIB);
        }
        assertTrue(store.read(id, 0).isPresent(), "chunk 0 is now the most recently used");
        store.put(id, 3, chunk(bytes, 3), MIB);
        BitSet expected = new BitSet();
        expected.set(0);
        expected.set(2, 4);
        assertEquals(expected, store.held(id), "chunk 1 was the least recently used");
        assertEquals(3L * MIB, store.used());
        assertEquals(Optional.empty(), store.read(id, 1));
        assertArrayEquals(chunk(bytes, 3), store.read(id, 3).orElseThrow());
    }

    @Test
    void chunksSurviveARestartAndUnfinishedWritesAreDropped() throws Exception {
        byte[] bytes = bytes(2 * MIB);
        ChunkList list = ChunkList.hash(Files.write(tmp.resolve("t"), bytes));
        ContentId id = list.contentId();
        ContentStore store = ContentStore.open(tmp.resolve("cache"), 10L * MIB, Clock.systemUTC());
        store.putList(list);
        store.put(id, 1, chunk(bytes, 1), MIB);
        Path torn = tmp.resolve("cache").resolve(id.hex()).resolve("0.chunk.17.tmp");
        Files.write(torn, new byte[1000]);
        ContentStore reopened = ContentStore.open(tmp.resolve("cache"), 10L * MIB, Clock.systemUTC());
        assertEquals(Optional.of(list), reopened.list(id));
        assertEquals(BitSet.valueOf(new long[] {2}), reopened.held(id));
        assertArrayEquals(chunk(bytes, 1), reopened.read(id, 1).orElseThrow());
        assertFalse(Files.exists(torn), "a write cut short by a crash is dropped on open");
        assertEquals(MIB, reopened.used());
        ContentStore smaller = ContentStore.open(tmp.resolve("cache"), MIB / 2, Clock.systemUTC());
        assertEquals(0, smaller.used(), "a smaller budget after a restart evicts down to it");
    }

    @Test
    void aChunkListThatDoesNotMatchItsFolderIsIgnored() throws Exception {
        ChunkList list = ChunkList.hash(Files.write(tmp.resolve("t"), bytes(100)));
        ContentId other = ChunkList.hash(Files.write(tmp.resolve("u"), bytes(101))).contentId();
        ContentStore store = ContentStore.open(tmp.resolve("cache"), MIB, Clock.systemUTC());
        Files.createDirectories(tmp.resolve("cache").resolve(other.hex()));
        Files.write(tmp.resolve("cache").resolve(other.hex()).resolve("list"), list.encode());
        assertEquals(Optional.empty(), store.list(other));
    }

    private static byte[] chunk(byte[] bytes, int i) {
        return java.util.Arrays.copyOfRange(bytes, i * MIB, (i + 1) * MIB);
    }

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }
}
