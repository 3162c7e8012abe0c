package org.diva.transcode.demux.matroska;

import java.io.ByteArrayOutputStream;

import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.probe.matroska.EbmlBytes;

/** Writes small Matroska files for tests, independently of the reader under test. */
final class TestMkv {
    static final int SEGMENT = 0x18538067;
    static final int CLUSTER = 0x1F43B675;

    private TestMkv() {
    }

    static byte[] concat(byte[]... parts) {
        return Fixtures.concat(parts);
    }

    static byte[] id(int id) {
        return EbmlBytes.id(id);
    }

    static byte[] size(long size) {
        return EbmlBytes.size(size);
    }

    static byte[] element(int id, byte[]... children) {
        return EbmlBytes.element(id, children);
    }

    static byte[] uint(int id, long value) {
        return EbmlBytes.uint(id, value);
    }

    static byte[] string(int id, String value) {
        return EbmlBytes.string(id, value);
    }

    static byte[] float64(int id, double value) {
        return EbmlBytes.float64(id, value);
    }

    /** An element whose size is the reserved "unknown" value (one byte 0xFF). */
    static byte[] unknownSize(int id, byte[]... children) {
        return concat(id(id), new byte[] {(byte) 0xFF}, concat(children));
    }

    static byte[] binary(int id, byte[] value) {
        return element(id, value);
    }

    /** EBML header (DocType matroska, version 4) and a Segment of known size holding {@code children}. */
    static byte[] file(byte[]... children) {
        byte[] header = element(0x1A45DFA3, uint(0x4286, 1), uint(0x42F7, 1), uint(0x42F2, 4), uint(0x42F3, 8),
                string(0x4282, "matroska"), uint(0x4287, 4), uint(0x4285, 2));
        return concat(header, element(SEGMENT, children));
    }

    /** A Block/SimpleBlock body: track 1..126, relative time, flags, then the (lace header and) frames. */
    static byte[] block(int track, int relative, int flags, byte[]... rest) {
        return concat(new byte[] {(byte) (0x80 | track), (byte) (relative >> 8), (byte) relative, (byte) flags},
                concat(rest));
    }

    /** A frame of {@code length} bytes whose content tells it apart. */
    static byte[] frame(int seed, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed * 31 + i);
        }
        return out;
    }

    /**
     * A copy of a real file with its Segment and every Cluster rewritten to unknown size, as a live WebM writer
     * leaves them. Reads headers with its own decoding, not the reader under test.
     */
    static byte[] withUnknownSizes(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] ebml = header(file, 0);
        out.write(file, 0, ebml[2] + ebml[1]);
        int segment = ebml[2] + ebml[1];
        int[] seg = header(file, segment);
        out.writeBytes(unknownSize(SEGMENT));
        int position = seg[2];
        while (position < seg[2] + seg[1]) {
            int[] h = header(file, position);
            int end = h[2] + h[1];
            if (h[0] == CLUSTER) {
                out.writeBytes(unknownSize(CLUSTER));
                out.write(file, h[2], h[1]);
            } else if (h[0] != 0x1C53BB6B && h[0] != 0x114D9B74) {
                out.write(file, position, end - position); // Cues and SeekHead would point to the old offsets
            }
            position = end;
        }
        return out.toByteArray();
    }

    /** {id, size, dataOffset}. */
    static int[] header(byte[] d, int p) {
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
