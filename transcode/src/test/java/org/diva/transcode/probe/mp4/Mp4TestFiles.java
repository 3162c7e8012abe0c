package org.diva.transcode.probe.mp4;

import static org.diva.transcode.probe.Fixtures.concat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.probe.MediaInfo;

/**
 * The MP4 fixtures (made by media/mp4/make.sh) and the tools tests use to damage copies of them: find a box by its
 * path, patch fields, build boxes.
 */
final class Mp4TestFiles {
    private Mp4TestFiles() {
    }

    static Path fixture(String name) {
        return Fixtures.media("mp4/" + name);
    }

    static byte[] bytes(String name) {
        return Fixtures.bytes("mp4/" + name);
    }

    static MediaInfo probe(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return new Mp4Probe().probe(channel);
        }
    }

    static MediaInfo probe(String fixture) throws IOException {
        return probe(fixture(fixture));
    }

    /** Writes the bytes to a file in {@code dir} and probes it. */
    static MediaInfo probe(byte[] file, Path dir) throws IOException {
        Path path = Files.createTempFile(dir, "probe", ".mp4");
        Files.write(path, file);
        return probe(path);
    }

    /**
     * The offset of the box at a path of types, following the real headers from the top level: "moov/trak/mdia";
     * "trak#2" is the second trak of its parent.
     */
    static int offset(byte[] file, String path) {
        int start = 0;
        int end = file.length;
        int found = -1;
        for (String step : path.split("/")) {
            String[] typeAndIndex = step.split("#");
            int wanted = typeAndIndex.length > 1 ? Integer.parseInt(typeAndIndex[1]) : 1;
            found = -1;
            for (int at = start, seen = 0; at + 8 <= end; at += size(file, at)) {
                if (type(file, at).equals(typeAndIndex[0]) && ++seen == wanted) {
                    found = at;
                    break;
                }
            }
            if (found < 0) {
                throw new IllegalArgumentException("no " + path + " (stopped at " + step + ")");
            }
            start = found + 8 + (typeAndIndex[0].equals("meta") ? 4 : 0);
            end = found + size(file, found);
        }
        return found;
    }

    /** The offset of the first box of this type found by scanning from {@code from} (for boxes in sample entries). */
    static int scan(byte[] file, String type, int from) {
        byte[] code = type.getBytes(StandardCharsets.ISO_8859_1);
        for (int at = from + 4; at + 4 <= file.length; at++) {
            if (Arrays.equals(file, at, at + 4, code, 0, 4)) {
                return at - 4;
            }
        }
        throw new IllegalArgumentException("no " + type + " after byte " + from);
    }

    static int size(byte[] file, int at) {
        return ByteBuffer.wrap(file).getInt(at);
    }

    static String type(byte[] file, int at) {
        return new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
    }

    static void putInt(byte[] file, int at, long value) {
        ByteBuffer.wrap(file).putInt(at, (int) value);
    }

    static void putType(byte[] file, int at, String type) {
        System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, file, at + 4, 4);
    }

    /** A box with a 32-bit size around the given payloads. */
    static byte[] box(String type, byte[]... payloads) {
        byte[] body = concat(payloads);
        ByteBuffer box = ByteBuffer.allocate(8 + body.length);
        box.putInt(8 + body.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body);
        return box.array();
    }

    static byte[] slice(byte[] file, int from, int length) {
        return Arrays.copyOfRange(file, from, from + length);
    }

    /** The whole box at this path, header included. */
    static byte[] boxAt(byte[] file, String path) {
        int at = offset(file, path);
        return slice(file, at, size(file, at));
    }
}
