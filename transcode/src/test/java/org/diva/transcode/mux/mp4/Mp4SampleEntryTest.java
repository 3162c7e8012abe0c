package org.diva.transcode.mux.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec configuration boxes Mp4Muxer writes are byte for byte those ffmpeg's own MP4 muxer writes for the same
 * source ({@code ffmpeg -c copy}): the decoder configuration is fixed by the stream, so there is one right answer.
 */
class Mp4SampleEntryTest {
    private static final Path MEDIA = Path.of("src/test/resources/media");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
        "ts/h264_ac3_51.ts, mpegts, dac3",
        "ts/h264_ac3_51.ts, mpegts, avcC",
        "ts/h264_aac_2tracks.ts, mpegts, avcC",
        "mkv/h264-aac-subs.mkv, matroska, avcC",
    })
    void configurationBoxEqualsFfmpegs(String name, String container, String box) throws IOException {
        Ffmpeg.assumeInstalled();
        Path source = MEDIA.resolve(name);
        Path ours = Mp4Remux.remux(source, container, dir.resolve("ours.mp4"));
        Path theirs = dir.resolve("ffmpeg.mp4");
        Ffmpeg.ffmpeg("-i", source.toString(), "-map", "0:v:0", "-map", "0:a:0", "-c", "copy", theirs.toString());
        assertArrayEquals(box(theirs, box), box(ours, box));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ts/h264_aac_2tracks.ts, mpegts", "mp4mux/h264_mp3.ts, mpegts", "mp4mux/h264_mp2.ts, mpegts"})
    void esdsCarriesFfmpegsObjectTypeAndConfiguration(String name, String container) throws IOException {
        Ffmpeg.assumeInstalled();
        Path source = MEDIA.resolve(name);
        Path ours = Mp4Remux.remux(source, container, dir.resolve("ours.mp4"));
        Path theirs = dir.resolve("ffmpeg.mp4");
        Ffmpeg.ffmpeg("-i", source.toString(), "-map", "0:v:0", "-map", "0:a:0", "-c", "copy", theirs.toString());
        assertArrayEquals(decoderConfig(theirs), decoderConfig(ours));
    }

    /** The bytes of the first box of this type, header included. */
    private static byte[] box(Path file, String type) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, type.getBytes(StandardCharsets.ISO_8859_1)) - 4;
        assertTrue(at >= 0, "no " + type + " in " + file);
        int size = ByteBuffer.wrap(bytes, at, 4).getInt();
        return Arrays.copyOfRange(bytes, at, at + size);
    }

    /**
     * The esds's ObjectTypeIndication, stream type and DecoderSpecificInfo; buffer size and bitrates are left out
     * (ffmpeg measures them, DiVA writes 0 for "unknown", as the first bytes of a growing file cannot know them).
     */
    private static byte[] decoderConfig(Path file) throws IOException {
        byte[] esds = box(file, "esds");
        int config = 12;
        while (esds[config] != 4) { // DecoderConfigDescriptor tag, after the ES_Descriptor's header and fields
            config++;
        }
        int body = config + 1;
        while ((esds[body] & 0x80) != 0) {
            body++;
        }
        body++;
        byte[] head = Arrays.copyOfRange(esds, body, body + 2);
        int specific = body + 13;
        if (esds[specific] != 5) {
            return head;
        }
        int length = specific + 1;
        int size = 0;
        while ((esds[length] & 0x80) != 0) {
            size = size << 7 | (esds[length++] & 0x7f);
        }
        size = size << 7 | esds[length++];
        byte[] info = Arrays.copyOfRange(esds, length, length + size);
        ByteBuffer both = ByteBuffer.allocate(head.length + info.length).put(head).put(info);
        return both.array();
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
