package org.diva.transcode.probe.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Builds tags byte by byte, for the cases no encoder writes: empty frames, odd encodings, oversized pictures. */
final class TagBytes {
    static final int LATIN_1 = 0;
    static final int UTF_16 = 1;
    static final int UTF_8 = 3;

    private final ByteArrayOutputStream frames = new ByteArrayOutputStream();

    /** An ID3v2.4 frame with exactly these payload bytes (none for a zero-length frame). */
    TagBytes frame(String id, byte[] payload) {
        frames.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        frames.writeBytes(syncsafe(payload.length));
        frames.writeBytes(new byte[2]);
        frames.writeBytes(payload);
        return this;
    }

    /** An ID3v2.4 text frame: encoding byte, then the text (UTF-16 with a byte order mark). */
    TagBytes text(String id, int encoding, String value) {
        byte[] text = switch (encoding) {
            case LATIN_1 -> value.getBytes(StandardCharsets.ISO_8859_1);
            case UTF_16 -> value.getBytes(StandardCharsets.UTF_16); // big-endian with BOM
            default -> value.getBytes(StandardCharsets.UTF_8);
        };
        byte[] payload = new byte[text.length + 1];
        payload[0] = (byte) encoding;
        System.arraycopy(text, 0, payload, 1, text.length);
        return frame(id, payload);
    }

    /** An APIC front cover. */
    TagBytes picture(String mime, byte[] image) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(LATIN_1);
        p.writeBytes(mime.getBytes(StandardCharsets.ISO_8859_1));
        p.write(0);
        p.write(3); // front cover
        p.write(0); // empty description
        p.writeBytes(image);
        return frame("APIC", p.toByteArray());
    }

    /** The ID3v2.4 tag followed by {@code audio}. */
    byte[] id3v24Before(byte[] audio) {
        byte[] body = frames.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0});
        out.writeBytes(syncsafe(body.length));
        out.writeBytes(body);
        out.writeBytes(audio);
        return out.toByteArray();
    }

    /** The MPEG audio of an MP3 file: everything after its ID3v2 tag. */
    static byte[] withoutId3v2(byte[] mp3) {
        int size = 0;
        for (int i = 6; i < 10; i++) {
            size = (size << 7) | (mp3[i] & 0x7F);
        }
        return Arrays.copyOfRange(mp3, 10 + size, mp3.length);
    }

    /** A FLAC file whose metadata is STREAMINFO, then these Vorbis comments, then its audio frames. */
    static byte[] flacWithComments(byte[] flac, List<String> comments) {
        ByteBuffer in = ByteBuffer.wrap(flac);
        in.position(4); // "fLaC"
        byte[] streamInfo = null;
        boolean last = false;
        while (!last) {
            int header = in.getInt();
            last = (header >>> 31) != 0;
            int type = (header >>> 24) & 0x7F;
            byte[] block = new byte[header & 0xFFFFFF];
            in.get(block);
            if (type == 0) {
                streamInfo = block;
            }
        }
        ByteArrayOutputStream vc = new ByteArrayOutputStream();
        writeLe(vc, "DiVA test".length());
        vc.writeBytes("DiVA test".getBytes(StandardCharsets.UTF_8));
        writeLe(vc, comments.size());
        for (String comment : comments) {
            byte[] c = comment.getBytes(StandardCharsets.UTF_8);
            writeLe(vc, c.length);
            vc.writeBytes(c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'f', 'L', 'a', 'C'});
        out.writeBytes(ByteBuffer.allocate(4).putInt(streamInfo.length).array()); // type 0, not last
        out.writeBytes(streamInfo);
        out.writeBytes(ByteBuffer.allocate(4).putInt(0x84 << 24 | vc.size()).array()); // type 4, last
        out.writeBytes(vc.toByteArray());
        out.writeBytes(Arrays.copyOfRange(flac, in.position(), flac.length));
        return out.toByteArray();
    }

    private static byte[] syncsafe(int n) {
        return new byte[] {(byte) (n >> 21 & 0x7F), (byte) (n >> 14 & 0x7F), (byte) (n >> 7 & 0x7F), (byte) (n & 0x7F)};
    }

    private static void writeLe(ByteArrayOutputStream out, int n) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(n).array());
    }
}
