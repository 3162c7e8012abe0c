package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.diva.transcode.mux.mp4.Mp4Faststart;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct play of an MP4 stored with its movie header last, through a real server: /media/{id} sends it with the
 * header first (the bytes Mp4Faststart.write makes), in ranges too, and ffprobe reads it over HTTP; files already
 * laid out so, and files that cannot be laid out, are sent as they are.
 */
class FaststartServingTest {
    private static final Path MOOV_END = Path.of("../transcode/src/test/resources/media/mp4/h264_high_aac_moov_end.mp4")
            .toAbsolutePath();

    @TempDir
    static Path dir;
    static TestServer server;
    static byte[] faststart;
    static byte[] damaged;

    @BeforeAll
    static void start() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.copy(MOOV_END, media.resolve("moov_end.mp4"));
        Files.copy(TestServer.FIXTURES.resolve("clip.mp4"), media.resolve("clip.mp4"));
        // A chunk offset pointing into the moov itself: the probe takes it, faststart cannot move it.
        damaged = Files.readAllBytes(MOOV_END);
        int stco = indexOf(damaged, "stco") - 4;
        ByteBuffer.wrap(damaged).putInt(stco + 16, 9414 + 20);
        Files.write(media.resolve("damaged.mp4"), damaged);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FileChannel in = FileChannel.open(MOOV_END)) {
            Mp4Faststart.write(in, Channels.newChannel(out));
        }
        faststart = out.toByteArray();
        server = TestServer.start(media, dir.resolve("data"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void moovLastIsSentWithTheMoovFirst() throws Exception {
        HttpResponse<byte[]> response = server.get(path("moov_end.mp4"));

        assertEquals(200, response.statusCode());
        assertArrayEquals(faststart, response.body());
        assertEquals(List.of("ftyp", "moov"), firstBoxes(response.body()));
        assertEquals(String.valueOf(faststart.length), response.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(response.headers().firstValue("ETag").orElseThrow().endsWith("-fs\""));
        HttpResponse<byte[]> head = server.head(path("moov_end.mp4"));
        assertEquals(response.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
        assertEquals(response.headers().firstValue("Content-Length"), head.headers().firstValue("Content-Length"));
    }

    @Test
    void rangesAreSlicesOfTheFaststartBytes() throws Exception {
        String path = path("moov_end.mp4");
        for (long[] range : new long[][] {{0, 7}, {0, 31}, {30, 40}, {100, 2151}, {2150, 2170}, {5000, 11533}}) {
            HttpResponse<byte[]> response = server.get(path, "Range", "bytes=" + range[0] + "-" + range[1]);
            assertEquals(206, response.statusCode());
            assertEquals("bytes " + range[0] + "-" + range[1] + "/" + faststart.length,
                    response.headers().firstValue("Content-Range").orElseThrow());
            assertArrayEquals(Arrays.copyOfRange(faststart, (int) range[0], (int) range[1] + 1), response.body(),
                    "bytes " + range[0] + "-" + range[1]);
        }
        HttpResponse<byte[]> tail = server.get(path, "Range", "bytes=-100");
        assertArrayEquals(Arrays.copyOfRange(faststart, faststart.length - 100, faststart.length), tail.body());
        HttpResponse<byte[]> several = server.get(path, "Range", "bytes=0-9,3000-3009");
        String body = new String(several.body(), StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("Content-Range: bytes 3000-3009/" + faststart.length), body);
        assertTrue(body.contains(new String(faststart, 3000, 10, StandardCharsets.ISO_8859_1)), "second part");
    }

    @Test
    void ffprobeReadsItOverHttp() throws Exception {
        Ffmpeg.assumeInstalled();
        String url = server.uri(path("moov_end.mp4")).toString();
        Ffmpeg.Result probe = Ffmpeg.run(List.of("ffprobe", "-v", "error", "-of", "json", "-show_streams", url));
        assertEquals(0, probe.exit(), probe.stderr());
        assertEquals("", probe.stderr().strip());
        JsonNode streams = new ObjectMapper().readTree(probe.stdout()).get("streams");
        assertEquals(2, streams.size());
        Ffmpeg.Result decode = Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-xerror", "-i", url, "-f", "null", "-"));
        assertEquals(0, decode.exit(), decode.stderr());
        assertEquals("", decode.stderr().strip());
    }

    @Test
    void faststartFileIsSentAsItIs() throws Exception {
        HttpResponse<byte[]> response = server.get(path("clip.mp4"));

        assertEquals(200, response.statusCode());
        assertArrayEquals(Files.readAllBytes(TestServer.FIXTURES.resolve("clip.mp4")), response.body());
        assertFalse(response.headers().firstValue("ETag").orElseThrow().contains("-fs"));
    }

    @Test
    void fileThatCannotBeLaidOutIsSentAsItIs() throws Exception {
        HttpResponse<byte[]> response = server.get(path("damaged.mp4"));

        assertEquals(200, response.statusCode());
        assertArrayEquals(damaged, response.body());
        assertFalse(response.headers().firstValue("ETag").orElseThrow().contains("-fs"));
    }

    private static String path(String fileName) throws IOException, InterruptedException {
        return "/media/" + server.itemByFileName(fileName).get("id").asLong();
    }

    private static List<String> firstBoxes(byte[] file) {
        int second = ByteBuffer.wrap(file).getInt(0);
        return List.of(new String(file, 4, 4, StandardCharsets.ISO_8859_1),
                new String(file, second + 4, 4, StandardCharsets.ISO_8859_1));
    }

    private static int indexOf(byte[] bytes, String type) {
        byte[] code = type.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 4, code, 0, 4)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }
}
