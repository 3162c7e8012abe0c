package org.diva.server;

import static org.diva.upnp.device.LabFixture.CDS;
import static org.diva.upnp.device.LabFixture.browse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diva.transcode.testing.Ffmpeg;
import org.diva.upnp.device.LabFixture;
import org.diva.upnp.lab.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TV browsing a Matroska film with two embedded text subtitle tracks (SubRip and ASS) and a subtitle file beside
 * it is offered all three, the file first, each as a text/srt res and a Samsung sec:CaptionInfoEx; fetching an
 * embedded one from the URL in the DIDL gives the cues ffmpeg extracts from that track.
 */
class EmbeddedSubtitlesOnLabTest {
    @TempDir
    Path tmp;

    @Test
    void a_tv_is_offered_the_embedded_subtitles_and_fetches_them_as_srt() throws Exception {
        Ffmpeg.assumeInstalled();
        Path media = tmp.resolve("media");
        TestServer.copyFixtures(media);
        Path film = SrtCues.copySubtitledMkv(media, "film.mkv");
        Files.writeString(media.resolve("film.en.srt"), "1\n00:00:00,000 --> 00:00:00,500\nBeside\n");
        try (LabFixture f = LabFixture.open();
             TestServer s = TestServer.start(media, tmp.resolve("data"), "--upnp", "on", "--interface",
                     f.lab.deviceInterface())) {
            String uuid = Files.readString(tmp.resolve("data").resolve("upnp-device-uuid")).strip();
            f.discover(uuid); // the TV's control point must have found the server before it can browse
            long id = s.itemByFileName("film.mkv").get("id").asLong();
            Map<String, String> videos = f.invoke(uuid, CDS, "Browse", browse("video/all", "BrowseDirectChildren"));
            String result = videos.get("Result");
            int start = result.indexOf("<item id=\"item/" + id + "\"");
            assertTrue(start >= 0, result);
            String item = result.substring(start, result.indexOf("</item>", start));

            List<String> srtResources = all(Pattern.compile(
                    "<res protocolInfo=\"http-get:\\*:text/srt:\\*\">(http://[^<]+)</res>"), item);
            List<String> captions = all(Pattern.compile(
                    "<sec:CaptionInfoEx sec:type=\"srt\">(http://[^<]+)</sec:CaptionInfoEx>"), item);
            String base = "http://" + f.lab.deviceAddress().getHostAddress() + ":" + s.server.port() + "/media/" + id;
            assertEquals(List.of(base + "/subtitles/0", base + "/subtitles/1", base + "/subtitles/2"), srtResources,
                    item);
            assertEquals(srtResources, captions, "every SubRip is also offered the Samsung way");

            for (int track = 0; track < 2; track++) {
                String[] fetched = f.tv.send("fetch", srtResources.get(track + 1));
                assertEquals("200", fetched[1]);
                String srt = new String(Wire.bytes(fetched[3]), StandardCharsets.UTF_8);
                assertEquals(SrtCues.ffmpeg(film, track), SrtCues.of(srt), "embedded track " + track);
            }
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        for (Matcher m = pattern.matcher(text); m.find(); ) {
            found.add(m.group(1));
        }
        return found;
    }
}
