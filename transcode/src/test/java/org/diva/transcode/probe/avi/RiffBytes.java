package org.diva.transcode.probe.avi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.diva.transcode.probe.Fixtures;

/** Writes RIFF chunks and the AVI header structures for tests, independently of the reader under test. */
final class RiffBytes {
    private RiffBytes() {
    }

    static byte[] chunk(String id, byte[] data) {
        byte[] padded = Fixtures.concat(data, new byte[data.length & 1]);
        return Fixtures.concat(ascii(id), le32(data.length), padded);
    }

    static byte[] list(String type, byte[]... children) {
        byte[] data = Fixtures.concat(ascii(type), Fixtures.concat(children));
        return Fixtures.concat(ascii("LIST"), le32(data.length), data);
    }

    static byte[] riff(String type, byte[]... children) {
        byte[] data = Fixtures.concat(ascii(type), Fixtures.concat(children));
        return Fixtures.concat(ascii("RIFF"), le32(data.length), data);
    }

    /** A 56-byte avih. */
    static byte[] avih(long microsPerFrame, long totalFrames, int width, int height) {
        return chunk("avih", ints(56, 0, microsPerFrame, 16, totalFrames, 32, width, 36, height));
    }

    /** A 56-byte strh. */
    static byte[] strh(String type, String handler, long scale, long rate, long length) {
        byte[] data = ints(56, 20, scale, 24, rate, 32, length);
        System.arraycopy(ascii(type), 0, data, 0, 4);
        System.arraycopy(ascii(handler), 0, data, 4, 4);
        return chunk("strh", data);
    }

    /** A 40-byte BITMAPINFOHEADER in a strf chunk. */
    static byte[] bitmapInfo(int width, int height, String compression) {
        byte[] data = ints(40, 0, 40, 4, width, 8, height);
        System.arraycopy(ascii(compression), 0, data, 16, 4);
        return chunk("strf", data);
    }

    /** An 18-byte WAVEFORMATEX in a strf chunk. */
    static byte[] waveFormat(int tag, int channels, int sampleRate, int avgBytesPerSecond) {
        ByteBuffer b = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) tag).putShort(2, (short) channels).putInt(4, sampleRate).putInt(8, avgBytesPerSecond)
                .putShort(14, (short) 16);
        return chunk("strf", b.array());
    }

    /** A chunk of a real file: where it starts, its ID, its list type for RIFF and LIST (else ""), its size field. */
    record Located(int offset, String id, String listType, long size) {
    }

    /** Every chunk of a real file in file order, lists walked into except movi. */
    static java.util.List<Located> chunks(byte[] file) {
        java.util.List<Located> out = new java.util.ArrayList<>();
        walk(file, 0, file.length, out);
        return out;
    }

    /** The first chunk whose ID or list type is {@code name}. */
    static Located find(byte[] file, String name) {
        return chunks(file).stream().filter(c -> c.id().equals(name) || c.listType().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("fixture has no chunk " + name));
    }

    private static void walk(byte[] file, int from, int to, java.util.List<Located> out) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = from; p + 8 <= to; ) {
            String id = new String(file, p, 4, StandardCharsets.ISO_8859_1);
            long size = b.getInt(p + 4) & 0xffffffffL;
            boolean list = id.equals("RIFF") || id.equals("LIST");
            String type = list ? new String(file, p + 8, 4, StandardCharsets.ISO_8859_1) : "";
            out.add(new Located(p, id, type, size));
            if (list && !type.equals("movi")) {
                walk(file, p + 12, (int) Math.min(to, p + 8 + size), out);
            }
            p += 8 + (int) size + (int) (size & 1);
        }
    }

    static byte[] le32(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code length} zero bytes with little-endian 32-bit values at the given (offset, value) pairs. */
    private static byte[] ints(int length, long... offsetValuePairs) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < offsetValuePairs.length; i += 2) {
            b.putInt((int) offsetValuePairs[i], (int) offsetValuePairs[i + 1]);
        }
        return b.array();
    }
}
