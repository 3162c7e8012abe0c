package org.diva.transcode.probe.matroska;

import static org.diva.transcode.probe.Fixtures.concat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes EBML for tests (independently of the reader under test): elements with minimal or forced sizes, and the
 * raw top-level elements of a real file's Segment, so tests can rearrange or damage real headers.
 */
public final class EbmlBytes {
    static final long UNKNOWN = -1;

    private EbmlBytes() {
    }

    public static byte[] id(int id) {
        int length = id >= 0x1000000 || id < 0 ? 4 : id >= 0x10000 ? 3 : id >= 0x100 ? 2 : 1;
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (id >>> (8 * (length - 1 - i)));
        }
        return out;
    }

    /** A size as an 8-byte vint; {@link #UNKNOWN} writes the reserved all-ones value. */
    static byte[] size8(long size) {
        long value = size == UNKNOWN ? 0x00FFFFFFFFFFFFFFL : size;
        return ByteBuffer.allocate(8).putLong(value | 0x0100000000000000L).array();
    }

    /** A size as the shortest vint. */
    public static byte[] size(long size) {
        for (int length = 1; length <= 8; length++) {
            if (size < (1L << (7 * length)) - 1) {
                byte[] out = new byte[length];
                long value = size | (1L << (7 * length));
                for (int i = 0; i < length; i++) {
                    out[i] = (byte) (value >>> (8 * (length - 1 - i)));
                }
                return out;
            }
        }
        throw new IllegalArgumentException("size " + size);
    }

    public static byte[] element(int id, byte[]... children) {
        byte[] data = concat(children);
        return concat(id(id), size(data.length), data);
    }

    /** An element whose header states {@code claimedSize} (8-byte form) whatever its data. */
    static byte[] elementClaiming(int id, long claimedSize, byte[]... children) {
        return concat(id(id), size8(claimedSize), concat(children));
    }

    public static byte[] uint(int id, long value) {
        return element(id, ByteBuffer.allocate(8).putLong(value).array());
    }

    public static byte[] string(int id, String value) {
        return element(id, value.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] float64(int id, double value) {
        return element(id, ByteBuffer.allocate(8).putDouble(value).array());
    }

    static byte[] ebmlHeader(String docType) {
        return element(MatroskaIds.EBML, string(MatroskaIds.DOC_TYPE, docType));
    }

    /** A Matroska file: EBML header and a Segment of known size holding {@code children}. */
    static byte[] matroska(byte[]... children) {
        return concat(ebmlHeader("matroska"), element(MatroskaIds.SEGMENT, children));
    }

    static byte[] videoEntry(String codecId, int width, int height) {
        return element(MatroskaIds.TRACK_ENTRY, uint(MatroskaIds.TRACK_TYPE, 1), string(MatroskaIds.CODEC_ID, codecId),
                element(MatroskaIds.VIDEO, uint(MatroskaIds.PIXEL_WIDTH, width),
                        uint(MatroskaIds.PIXEL_HEIGHT, height)));
    }

    static byte[] info(double durationMillis) {
        return element(MatroskaIds.INFO, uint(MatroskaIds.TIMESTAMP_SCALE, 1_000_000),
                float64(MatroskaIds.DURATION, durationMillis));
    }

    /** Where a real file's Segment data starts (after its header), found by a walk independent of the probe. */
    static int segmentDataOffset(byte[] file) {
        int[] header = readHeader(file, 0);
        int segment = header[2] + header[1];
        return readHeader(file, segment)[2];
    }

    /** The first element of each ID among a real file's Segment children, as raw bytes with their headers. */
    static Map<Integer, byte[]> topLevel(byte[] file) {
        Map<Integer, byte[]> elements = new LinkedHashMap<>();
        int position = segmentDataOffset(file);
        while (position < file.length) {
            int[] h = readHeader(file, position);
            int end = h[2] + h[1];
            elements.putIfAbsent(h[0], java.util.Arrays.copyOfRange(file, position, end));
            position = end;
        }
        return elements;
    }

    /** Where an element of a real file lies. */
    record Located(int offset, int dataOffset, int size) {
        int end() {
            return dataOffset + size;
        }
    }

    /**
     * The element reached by following {@code path} from the start of the file, taking at each step the
     * {@code n}-th child with that ID (0 = first; give IDs and indexes in pairs).
     */
    static Located locate(byte[] file, int... idIndexPairs) {
        int from = 0;
        int to = file.length;
        Located found = null;
        for (int step = 0; step < idIndexPairs.length; step += 2) {
            found = null;
            int seen = 0;
            for (int p = from; p < to && found == null; ) {
                int[] h = readHeader(file, p);
                if (h[0] == idIndexPairs[step] && seen++ == idIndexPairs[step + 1]) {
                    found = new Located(p, h[2], h[1]);
                }
                p = h[2] + h[1];
            }
            if (found == null) {
                throw new IllegalStateException("fixture has no element 0x" + Integer.toHexString(idIndexPairs[step]));
            }
            from = found.dataOffset();
            to = found.end();
        }
        return found;
    }

    /** {id, size, dataOffset} of the element header at {@code p}; sizes here are always known and small. */
    private static int[] readHeader(byte[] d, int p) {
        int idLength = Integer.numberOfLeadingZeros(d[p] & 0xff) - 23;
        int id = 0;
        for (int i = 0; i < idLength; i++) {
            id = id << 8 | (d[p + i] & 0xff);
        }
        int s = p + idLength;
        int sizeLength = Integer.numberOfLeadingZeros(d[s] & 0xff) - 23;
        long size = d[s] & (0xff >> sizeLength);
        for (int i = 1; i < sizeLength; i++) {
            size = size << 8 | (d[s + i] & 0xff);
        }
        return new int[] {id, (int) size, s + sizeLength};
    }
}
