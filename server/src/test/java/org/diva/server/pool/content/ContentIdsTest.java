package org.diva.server.pool.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.diva.server.catalogue.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Content ids: the definition (checked against a direct computation), equal for equal bytes in two households,
 * kept across restarts, recomputed when the file changes, hashed in the background; hostile chunk lists refused.
 */
class ContentIdsTest {
    private static final int MIB = ChunkList.CHUNK_SIZE;

    @TempDir
    Path tmp;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, MIB - 1, MIB, MIB + 1, 3 * MIB + 12345})
    void theIdIsSha256OfTheSizeAndTheChunkHashes(int size) throws Exception {
        byte[] bytes = bytes(size, size);
        Path file = Files.write(tmp.resolve("f" + size), bytes);
        ChunkList list = ChunkList.hash(file);
        MessageDigest outer = MessageDigest.getInstance("SHA-256");
        outer.update(ByteBuffer.allocate(8).putLong(size).array());
        int chunks = 0;
        for (int at = 0; at < size; at += MIB) {
            outer.update(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(bytes, at,
                    Math.min(size, at + MIB))));
            chunks++;
        }
        assertEquals(ContentId.ofBytes(outer.digest()), list.contentId());
        assertEquals(chunks, list.count());
        assertEquals(list, ChunkList.decode(list.encode()));
        if (chunks > 0) {
            int last = chunks - 1;
            byte[] lastChunk = Arrays.copyOfRange(bytes, last * MIB, size);
            assertTrue(list.verifies(last, lastChunk, lastChunk.length));
            lastChunk[0] ^= 1;
            assertTrue(!list.verifies(last, lastChunk, lastChunk.length), "a changed byte fails verification");
        }
    }

    @Test
    void theSameBytesInTwoHouseholdsHaveTheSameIdKeptAcrossRestarts() throws Exception {
        byte[] bytes = bytes(2 * MIB + 77, 5);
        Path mine = Files.write(Files.createDirectories(tmp.resolve("a/films")).resolve("Film.mkv"), bytes);
        Path theirs = Files.write(Files.createDirectories(tmp.resolve("b/other")).resolve("copy.mkv"), bytes);
        ContentId id;
        try (Database a = Database.open(tmp.resolve("a")); Database b = Database.open(tmp.resolve("b"))) {
            ContentIds idsA = new ContentIds(a.dataSource(), background);
            ContentIds idsB = new ContentIds(b.dataSource(), background);
            assertEquals(Optional.empty(), idsA.known(mine), "nothing hashed before it is asked");
            id = idsA.chunksOf(mine).contentId();
            assertEquals(id, idsB.chunksOf(theirs).contentId());
            assertEquals(Optional.of(mine.toAbsolutePath()), idsA.fileWith(id));
        }
        try (Database again = Database.open(tmp.resolve("a"))) {
            ContentIds ids = new ContentIds(again.dataSource(), background);
            assertEquals(Optional.of(id), ids.known(mine), "stored, not recomputed, after a restart");
            assertArrayEquals(ChunkList.hash(mine).hashes(), ids.chunkList(id).orElseThrow().hashes());
        }
    }

    @Test
    void aChangedFileIsHashedAgainAndItsOldIdNoLongerPointsToIt() throws Exception {
        Path file = Files.write(tmp.resolve("title.bin"), bytes(MIB + 10, 1));
        try (Database db = Database.open(tmp.resolve("db"))) {
            ContentIds ids = new ContentIds(db.dataSource(), background);
            ContentId before = ids.chunksOf(file).contentId();
            Files.write(file, bytes(MIB + 10, 2));
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
            assertEquals(Optional.empty(), ids.known(file));
            assertEquals(Optional.empty(), ids.fileWith(before), "the old content is no longer here");
            ContentId after = ids.chunksOf(file).contentId();
            assertNotEquals(before, after);
            assertEquals(Optional.of(file.toAbsolutePath()), ids.fileWith(after));
        }
    }

    @Test
    void theBackgroundHasherHashesSharedFoldersOnItsOwnThread() throws Exception {
        Path share = Files.createDirectories(tmp.resolve("share/sub"));
        Path one = Files.write(share.resolve("one.mp4"), bytes(1000, 1));
        Path two = Files.write(share.getParent().resolve("two.mkv"), bytes(MIB * 2, 2));
        try (Database db = Database.open(tmp.resolve("db"))) {
            ContentIds ids = new ContentIds(db.dataSource(), background);
            assertEquals(2, ids.hashInBackground(List.of(tmp.resolve("share"))).get(30, TimeUnit.SECONDS));
            assertEquals(Optional.of(ChunkList.hash(one).contentId()), ids.known(one));
            assertEquals(Optional.of(ChunkList.hash(two).contentId()), ids.known(two));
            assertEquals(0, ids.hashInBackground(List.of(tmp.resolve("share"))).get(30, TimeUnit.SECONDS),
                    "hashed once");
        }
    }

    @Test
    void hostileChunkListsAreRefusedSayingWhere() {
        IOException truncated = assertThrows(IOException.class, () -> ChunkList.decode(new byte[5]));
        assertTrue(truncated.getMessage().contains("bytes 0-7"), truncated.getMessage());
        byte[] absurd = ByteBuffer.allocate(8).putLong(Long.MAX_VALUE).array();
        IOException huge = assertThrows(IOException.class, () -> ChunkList.decode(absurd));
        assertTrue(huge.getMessage().contains("size field"), huge.getMessage());
        byte[] short1 = ByteBuffer.allocate(8 + 31).putLong(5).array();
        IOException cut = assertThrows(IOException.class, () -> ChunkList.decode(short1));
        assertTrue(cut.getMessage().contains("truncated at byte 39"), cut.getMessage());
        byte[] longer = ByteBuffer.allocate(8 + 64).putLong(5).array();
        IOException trailing = assertThrows(IOException.class, () -> ChunkList.decode(longer));
        assertTrue(trailing.getMessage().contains("trailing bytes from 40"), trailing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ContentId("XYZ"));
        assertThrows(IllegalArgumentException.class, () -> new ContentId("G".repeat(64)));
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
