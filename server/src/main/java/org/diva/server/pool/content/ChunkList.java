package org.diva.server.pool.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A title cut into fixed chunks, with each chunk's SHA-256: what a reader needs to verify every chunk it is sent,
 * and what the content id is made from.
 *
 * <p><b>Definition.</b> The title's bytes are cut into chunks of {@link #CHUNK_SIZE} = 1 MiB (2^20 bytes): chunk
 * {@code i} is bytes {@code [i * 2^20, min(size, (i + 1) * 2^20))}, so there are {@code ceil(size / 2^20)} chunks
 * and only the last may be shorter (an empty title has none). {@code h_i} = SHA-256 (FIPS 180-4) of chunk
 * {@code i}. The <em>content id</em> is SHA-256 over the 8-byte big-endian unsigned size followed by
 * {@code h_0 ... h_(n-1)}. That byte string is also the list's wire form ({@link #encode()}), so a reader that
 * fetched a list from a neighbour checks it against the id it asked for before trusting any hash in it. The size is
 * in the id so that two titles whose chunk hashes agree but whose lengths differ (impossible with SHA-256 in
 * practice, but cheap to rule out) cannot share an id. The chunk size is fixed, never negotiated: the same bytes
 * in two households must give the same id.
 */
public final class ChunkList {
    public static final int CHUNK_SIZE = 1 << 20;
    public static final int HASH_BYTES = 32;
    /**
     * 2^40 bytes (1 TiB): far beyond any title; a larger size on the wire is hostile, not a film. It bounds a
     * chunk list at {@link #MAX_WIRE_BYTES} (32 MiB).
     */
    public static final long MAX_SIZE = 1L << 40;
    public static final int MAX_WIRE_BYTES = Long.BYTES + (int) (MAX_SIZE / CHUNK_SIZE) * HASH_BYTES;

    private final long size;
    private final byte[] hashes;
    private final ContentId id;

    private ChunkList(long size, byte[] hashes) {
        this.size = size;
        this.hashes = hashes;
        this.id = ContentId.ofBytes(sha256().digest(encode()));
    }

    /** A list from its parts; {@code hashes} holds {@code count(size)} hashes of 32 bytes each, in order. */
    public static ChunkList of(long size, byte[] hashes) {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a title of " + size + " bytes is out of range (0.." + MAX_SIZE + ")");
        }
        long expected = (long) count(size) * HASH_BYTES;
        if (hashes.length != expected) {
            throw new IllegalArgumentException("a title of " + size + " bytes has " + count(size) + " chunk hashes ("
                    + expected + " bytes), not " + hashes.length + " bytes");
        }
        return new ChunkList(size, hashes.clone());
    }

    /**
     * Parses the wire form ({@link #encode()}).
     *
     * @throws IOException saying which field is wrong, for a list that is truncated, too long or claims an absurd size
     */
    public static ChunkList decode(byte[] wire) throws IOException {
        if (wire.length < Long.BYTES) {
            throw new IOException("chunk list of " + wire.length + " bytes is truncated: the size field (bytes 0-7)"
                    + " is incomplete");
        }
        long size = ByteBuffer.wrap(wire).getLong();
        if (size < 0 || size > MAX_SIZE) {
            throw new IOException("chunk list: size field (bytes 0-7) says " + Long.toUnsignedString(size)
                    + " bytes, more than the " + MAX_SIZE + " any title may have");
        }
        long expected = Long.BYTES + (long) count(size) * HASH_BYTES;
        if (wire.length != expected) {
            throw new IOException("chunk list: a title of " + size + " bytes needs " + expected + " bytes of list, "
                    + "this one has " + wire.length + (wire.length < expected ? " (truncated at byte " + wire.length
                    + ")" : " (trailing bytes from " + expected + ")"));
        }
        return new ChunkList(size, Arrays.copyOfRange(wire, Long.BYTES, wire.length));
    }

    /** Hashes a file from start to end (one sequential read; the caller decides which thread pays for it). */
    public static ChunkList hash(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size > MAX_SIZE) {
                throw new IOException(file + " is " + size + " bytes, more than a pool title may have");
            }
            byte[] hashes = new byte[count(size) * HASH_BYTES];
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK_SIZE);
            MessageDigest sha = sha256();
            for (int i = 0; i < count(size); i++) {
                buffer.clear().limit((int) Math.min(CHUNK_SIZE, size - (long) i * CHUNK_SIZE));
                while (buffer.hasRemaining()) {
                    if (in.read(buffer, (long) i * CHUNK_SIZE + buffer.position()) < 0) {
                        throw new IOException(file + " became shorter while it was hashed (at chunk " + i + ")");
                    }
                }
                sha.update(buffer.flip());
                System.arraycopy(sha.digest(), 0, hashes, i * HASH_BYTES, HASH_BYTES);
            }
            return new ChunkList(size, hashes);
        }
    }

    /** How many chunks a title of {@code size} bytes has. */
    public static int count(long size) {
        return (int) ((size + CHUNK_SIZE - 1) / CHUNK_SIZE);
    }

    public ContentId contentId() {
        return id;
    }

    public long size() {
        return size;
    }

    public int count() {
        return count(size);
    }

    public long offset(int chunk) {
        checkIndex(chunk);
        return (long) chunk * CHUNK_SIZE;
    }

    public int length(int chunk) {
        checkIndex(chunk);
        return (int) Math.min(CHUNK_SIZE, size - offset(chunk));
    }

    /** Whether {@code data} is chunk {@code chunk}'s bytes (its length and its SHA-256). */
    public boolean verifies(int chunk, byte[] data, int length) {
        if (length != length(chunk)) {
            return false;
        }
        MessageDigest sha = sha256();
        sha.update(data, 0, length);
        return MessageDigest.isEqual(sha.digest(), Arrays.copyOfRange(hashes, chunk * HASH_BYTES,
                (chunk + 1) * HASH_BYTES));
    }

    /** The hashes alone, 32 bytes each (the database's column). */
    public byte[] hashes() {
        return hashes.clone();
    }

    /** The size (8 bytes, big-endian) followed by the hashes: the bytes the content id is the SHA-256 of. */
    public byte[] encode() {
        return ByteBuffer.allocate(Long.BYTES + hashes.length).putLong(size).put(hashes).array();
    }

    private void checkIndex(int chunk) {
        if (chunk < 0 || chunk >= count()) {
            throw new IndexOutOfBoundsException("chunk " + chunk + " of a title with " + count() + " chunks");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChunkList list && list.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
