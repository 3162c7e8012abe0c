package org.diva.transcode.mux.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes a two-mdat MP4 out of an ffmpeg one with a single mdat and moov at the end (ffmpeg cannot write such a file
 * unfragmented, DiVA's own muxer will): the media data is cut at a chunk boundary into two mdat boxes, optionally
 * with the moov between them, and the chunk offsets after the cut are patched in place. Written apart from
 * {@link MoovTree} on purpose, so a bug there cannot hide in a fixture made with it; ffmpeg judges the result.
 */
final class SplitMdat {
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");

    private SplitMdat() {
    }

    /** {@code source} laid out ftyp, free, mdat, moov (what ffmpeg writes by default). */
    static byte[] split(byte[] source, boolean moovBetween) {
        ByteBuffer in = ByteBuffer.wrap(source);
        int mdatAt = find(in, "mdat");
        int moovAt = find(in, "moov");
        if (moovAt < mdatAt || in.getInt(mdatAt) + mdatAt != moovAt || in.getInt(moovAt) + moovAt != source.length) {
            throw new IllegalArgumentException("expected ... mdat, moov at the end");
        }
        byte[] moov = java.util.Arrays.copyOfRange(source, moovAt, source.length);
        List<Long> offsets = new ArrayList<>();
        walk(ByteBuffer.wrap(moov), 0, moov.length, offsets, 0, 0);
        long cut = offsets.stream().sorted().toList().get(offsets.size() / 2);
        long shift = 8 + (moovBetween ? moov.length : 0);
        walk(ByteBuffer.wrap(moov), 0, moov.length, new ArrayList<>(), cut, shift);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(source, 0, mdatAt);
        box(out, "mdat", source, mdatAt + 8, (int) cut);
        if (moovBetween) {
            out.writeBytes(moov);
        }
        box(out, "mdat", source, (int) cut, moovAt);
        if (!moovBetween) {
            out.writeBytes(moov);
        }
        return out.toByteArray();
    }

    private static void box(ByteArrayOutputStream out, String type, byte[] source, int from, int to) {
        out.writeBytes(ByteBuffer.allocate(8).putInt(8 + to - from).put(type.getBytes(StandardCharsets.US_ASCII))
                .array());
        out.write(source, from, to - from);
    }

    private static int find(ByteBuffer file, String type) {
        for (int at = 0; at + 8 <= file.limit(); at += file.getInt(at)) {
            if (type(file, at).equals(type)) {
                return at;
            }
        }
        throw new IllegalArgumentException("no " + type);
    }

    /** Collects the chunk offsets; adds {@code shift} in place to those at or after {@code cut} (when shift > 0). */
    private static void walk(ByteBuffer moov, int from, int to, List<Long> offsets, long cut, long shift) {
        for (int at = from; at + 8 <= to; at += moov.getInt(at)) {
            String type = type(moov, at);
            if (CONTAINERS.contains(type)) {
                walk(moov, at + 8, at + moov.getInt(at), offsets, cut, shift);
            } else if (type.equals("stco")) {
                int count = moov.getInt(at + 12);
                for (int i = 0; i < count; i++) {
                    int p = at + 16 + 4 * i;
                    long o = moov.getInt(p) & 0xffff_ffffL;
                    offsets.add(o);
                    if (shift > 0 && o >= cut) {
                        moov.putInt(p, (int) (o + shift));
                    }
                }
            }
        }
    }

    private static String type(ByteBuffer b, int at) {
        byte[] code = new byte[4];
        b.get(at + 4, code);
        return new String(code, StandardCharsets.ISO_8859_1);
    }
}
