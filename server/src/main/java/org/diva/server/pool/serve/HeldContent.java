package org.diva.server.pool.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.Optional;
import org.diva.server.pool.content.ChunkList;
import org.diva.server.pool.content.ContentId;
import org.diva.server.pool.content.ContentIds;
import org.diva.server.pool.content.ContentStore;

/**
 * What this server holds of a content id: a whole local file, or the chunks its content store has. A reader is
 * opened per request and closed after it.
 */
sealed interface HeldContent {
    ChunkList list();

    /** Whether every chunk of {@code [first, last]} (byte positions, inclusive) is held. */
    boolean holds(long first, long last);

    /** The held chunks, or empty when all are. */
    Optional<BitSet> chunks();

    /** Fills {@code into} from byte {@code position}; only for held positions. */
    void read(long position, ByteBuffer into) throws IOException;

    static Optional<HeldContent> find(ContentId id, ContentIds ids, ContentStore store) {
        Optional<Path> file = ids.fileWith(id);
        if (file.isPresent()) {
            Optional<ChunkList> list = ids.chunkList(id);
            if (list.isPresent()) {
                return Optional.of(new LocalFile(list.get(), file.get()));
            }
        }
        return store.list(id).<HeldContent>map(list -> new Stored(list, store, store.held(id)))
                .filter(stored -> stored.chunks().map(held -> !held.isEmpty()).orElse(true));
    }

    record LocalFile(ChunkList list, Path path) implements HeldContent {
        @Override
        public boolean holds(long first, long last) {
            return true;
        }

        @Override
        public Optional<BitSet> chunks() {
            return Optional.empty();
        }

        @Override
        public void read(long position, ByteBuffer into) throws IOException {
            try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
                while (into.hasRemaining()) {
                    if (in.read(into, position + into.position()) < 0) {
                        throw new IOException(path + " is shorter than its content id says; it changed on disk");
                    }
                }
            }
        }
    }

    record Stored(ChunkList list, ContentStore store, BitSet held) implements HeldContent {
        @Override
        public boolean holds(long first, long last) {
            int from = (int) (first / ChunkList.CHUNK_SIZE);
            int to = (int) (last / ChunkList.CHUNK_SIZE);
            return held.nextClearBit(from) > to;
        }

        @Override
        public Optional<BitSet> chunks() {
            return held.cardinality() == list.count() ? Optional.empty() : Optional.of(held);
        }

        @Override
        public void read(long position, ByteBuffer into) throws IOException {
            while (into.hasRemaining()) {
                long at = position + into.position();
                int chunk = (int) (at / ChunkList.CHUNK_SIZE);
                byte[] data = store.read(list.contentId(), chunk).orElseThrow(() -> new IOException(
                        "chunk " + chunk + " of " + list.contentId().shortForm() + " was evicted while it was sent"));
                int from = (int) (at - list.offset(chunk));
                into.put(data, from, Math.min(into.remaining(), data.length - from));
            }
        }
    }
}
