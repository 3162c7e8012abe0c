package org.diva.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded text subtitle tracks of a video are served as SubRip at /media/{id}/subtitles/{n}, numbered after
 * the subtitle files beside it, with the cues ffmpeg finds in the same tracks.
 */
class EmbeddedSubtitlesTest {
    @TempDir
    Path tmp;

    @Test
    void embedded_tracks_are_served_as_srt_after_the_files_beside_the_video() throws Exception {
        Ffmpeg.assumeInstalled();
        Path media = tmp.resolve("media");
        Files.createDirectories(media);
        Path film = SrtCues.copySubtitledMkv(media, "film.mkv");
        Files.writeString(media.resolve("film.en.srt"), "1\n00:00:00,000 --> 00:00:00,500\nBeside\n");
        try (TestServer s = TestServer.start(media, tmp.resolve("data"))) {
            long id = s.itemByFileName("film.mkv").get("id").asLong();
            HttpResponse<byte[]> file = s.get("/media/" + id + "/subtitles/0");
            assertEquals(200, file.statusCode());
            assertArrayEquals(Files.readAllBytes(media.resolve("film.en.srt")), file.body(), "the file comes first");

            HttpResponse<byte[]> srt = s.get("/media/" + id + "/subtitles/1");
            assertEquals(200, srt.statusCode());
            assertEquals("text/srt; charset=utf-8", srt.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(SrtCues.ffmpeg(film, 0), SrtCues.of(new String(srt.body(), StandardCharsets.UTF_8)));

            HttpResponse<byte[]> ass = s.get("/media/" + id + "/subtitles/2");
            assertEquals(200, ass.statusCode());
            assertEquals(SrtCues.ffmpeg(film, 1), SrtCues.of(new String(ass.body(), StandardCharsets.UTF_8)));
            assertFalse(new String(ass.body(), StandardCharsets.UTF_8).contains("Default"), "no ASS fields left");

            HttpResponse<byte[]> head = s.head("/media/" + id + "/subtitles/1");
            assertEquals(200, head.statusCode());
            assertEquals(Long.toString(srt.body().length), head.headers().firstValue("Content-Length").orElseThrow());
            assertEquals(0, head.body().length);

            assertEquals(404, s.get("/media/" + id + "/subtitles/3").statusCode(), "only two embedded text tracks");
            assertEquals(404, s.get("/media/" + id + "/subtitles/99999999999").statusCode());
            assertTrue(s.get("/media/" + id + "/subtitles/1").statusCode() == 200, "served again from the cache");
        }
    }
}
