package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-file MP4 output end to end on a real server, for a household's tablet that opens MP4 but not MPEG-TS: the
 * playback decision says MP4, and its URL serves, once made, a complete MP4 with its moov in front of the media
 * (so a player starts without fetching the tail), a Content-Length and byte ranges, which ffmpeg decodes without
 * errors, read straight from the server's URL as a player would. A remux keeps every picture bit for bit; a
 * transcode converts MPEG-2 to H.264. A time seek is refused with the reason; a second viewer gets the stored file.
 */
class WholeFileStreamsTest {
    private static final Path TRANSCODE_MEDIA = Path.of("../transcode/src/test/resources/media").toAbsolutePath();

    @TempDir
    static Path tmp;
    private static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        Ffmpeg.assumeInstalled();
        Path media = Files.createDirectories(tmp.resolve("media"));
        Files.copy(TRANSCODE_MEDIA.resolve("mkv/h264-aac-subs.mkv"), media.resolve("clip.mkv"));
        Files.copy(TRANSCODE_MEDIA.resolve("mpegdemux/mpeg2_bframes_mp2.ts"), media.resolve("dvb.ts"));
        Path profiles = Files.createDirectories(tmp.resolve("data").resolve("profiles"));
        Files.writeString(profiles.resolve("tablet.yaml"), """
                id: mp4-tablet
                name: Tablet
                plays:
                  containers: [mp4]
                  video: [{codec: h264, profiles: [Main, High, Baseline, Constrained Baseline], maxWidth: 1920,
                           maxHeight: 1080}]
                  audio: [{codec: aac}, {codec: mp2}]
                """);
        s = TestServer.start(media, tmp.resolve("data"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (s != null) {
            s.close();
        }
    }

    private static JsonNode playback(String file) throws Exception {
        long id = s.itemByFileName(file).get("id").asLong();
        return s.getJsonAnyStatus("/api/v1/items/" + id + "/playback?profile=mp4-tablet");
    }

    /** The types of the top-level boxes, in file order. */
    static List<String> topLevelBoxes(byte[] file) {
        List<String> types = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(file);
        while (in.remaining() >= 8) {
            long size = in.getInt(in.position()) & 0xffff_ffffL;
            String type = new String(file, in.position() + 4, 4, StandardCharsets.ISO_8859_1);
            if (size == 1) {
                size = in.getLong(in.position() + 8);
            }
            assertTrue(size >= 8 && size <= in.remaining(), "box " + type + " of " + size + " bytes fits");
            types.add(type);
            in.position(in.position() + (int) size);
        }
        assertEquals(0, in.remaining(), "the boxes cover the file");
        return types;
    }

    private static String videoHashes(String input) throws Exception {
        return Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-i", input, "-map", "0:v:0", "-f", "framemd5", "-"))
                .stdout().lines().filter(l -> !l.startsWith("#")).map(l -> l.substring(l.lastIndexOf(',') + 1))
                .reduce("", (a, b) -> a + b.strip() + "\n");
    }

    @Test
    void aMatroskaFileIsRemuxedIntoAnMp4WithItsMoovFirstThatPlaysFromTheUrl() throws Exception {
        JsonNode plan = playback("clip.mkv");
        assertEquals("remux", plan.get("mode").asText(), plan.toString());
        assertEquals("mp4", plan.get("target").get("container").asText(), plan.toString());
        String url = plan.get("url").asText();
        HttpResponse<byte[]> first = s.get(url);
        assertEquals(200, first.statusCode(), new String(first.body(), StandardCharsets.UTF_8));
        assertEquals("video/mp4", first.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(String.valueOf(first.body().length), first.headers().firstValue("Content-Length").orElseThrow(),
                "a whole file is sent with its length");
        List<String> boxes = topLevelBoxes(first.body());
        assertEquals(List.of("ftyp", "moov"), boxes.subList(0, 2), "moov right after ftyp: " + boxes);
        assertTrue(boxes.contains("mdat"), boxes.toString());

        Path saved = Files.write(tmp.resolve("clip.mp4"), first.body());
        assertEquals("", Ffmpeg.decodeErrors(saved));
        JsonNode probe = Ffmpeg.probe(saved);
        assertEquals(2, probe.get("streams").size(), probe.toString());
        assertEquals(videoHashes(tmp.resolve("media/clip.mkv").toString()), videoHashes(saved.toString()),
                "every picture copied bit for bit, in order");
        assertEquals(videoHashes(saved.toString()), videoHashes(s.uri(url).toString()),
                "ffmpeg plays it straight from the server's URL");

        HttpResponse<byte[]> second = s.get(url);
        assertArrayEquals(first.body(), second.body(), "the second viewer gets the stored file");
        HttpResponse<byte[]> part = s.get(url, "Range", "bytes=1000-4999");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-4999/" + first.body().length,
                part.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(first.body(), 1000, 5000), part.body());
    }

    @Test
    void mpeg2IsTranscodedIntoAnMp4OfH264AndATimeSeekIsRefusedWithTheReason() throws Exception {
        JsonNode plan = playback("dvb.ts");
        assertEquals("transcode", plan.get("mode").asText(), plan.toString());
        assertTrue(plan.toString().contains("sent once the whole file is made"), plan.toString());
        String url = plan.get("url").asText();
        HttpResponse<byte[]> whole = s.get(url);
        assertEquals(200, whole.statusCode(), new String(whole.body(), StandardCharsets.UTF_8));
        assertEquals(List.of("ftyp", "moov"), topLevelBoxes(whole.body()).subList(0, 2));
        Path saved = Files.write(tmp.resolve("dvb.mp4"), whole.body());
        assertEquals("", Ffmpeg.decodeErrors(saved));
        JsonNode probe = Ffmpeg.probe(saved, "-count_frames");
        JsonNode video = probe.get("streams").get(0);
        assertEquals("h264", video.get("codec_name").asText(), probe.toString());
        assertEquals(150, video.get("nb_read_frames").asInt(), "every picture of the source");
        JsonNode audio = probe.get("streams").get(1);
        // MPEG-1 audio in MP4 is object type 0x6B whatever its layer; ffprobe names it mp3 until it decodes it
        assertTrue(List.of("mp2", "mp3").contains(audio.get("codec_name").asText()), probe.toString());
        assertEquals(250, audio.get("nb_read_frames").asInt(), "every 24 ms MP2 frame of 6 s");
        assertEquals(6.0, probe.get("format").get("duration").asDouble(), 0.2);

        HttpResponse<byte[]> sought = s.get(url, "TimeSeekRange.dlna.org", "npt=3.0-");
        assertEquals(406, sought.statusCode());
        assertTrue(new String(sought.body(), StandardCharsets.UTF_8).contains("seek by bytes"),
                new String(sought.body(), StandardCharsets.UTF_8));
    }
}
