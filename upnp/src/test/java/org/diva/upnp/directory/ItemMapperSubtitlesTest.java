package org.diva.upnp.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.diva.upnp.didl.Caption;
import org.diva.upnp.didl.DidlItem;
import org.diva.upnp.didl.DidlResource;
import org.diva.upnp.library.ItemBuilder;
import org.diva.upnp.library.MediaItem;
import org.junit.jupiter.api.Test;

/**
 * Subtitles offered in DIDL: the files beside a video first, then its embedded text tracks as SubRip, numbered on
 * after the files; bitmap tracks are not offered.
 */
class ItemMapperSubtitlesTest {
    private static final String BASE = "http://10.0.0.2:8300";

    @Test
    void embeddedTextTracksFollowTheFilesAndBitmapTracksAreLeftOut() {
        MediaItem item = ItemBuilder.video(7, "Film").subtitleFile("srt", "en").subtitleFile("ass", "fr")
                .subtitle("pgs", "eng").subtitle("ass", "fre").subtitle("dvdsub", "ger").subtitle("mov_text", null)
                .build();
        DidlItem didl = ItemMapper.toDidl(item, "0", BASE);
        List<String> subtitleResources = didl.resources().stream().map(DidlResource::url)
                .filter(u -> u.contains("/subtitles/")).toList();
        assertEquals(List.of(BASE + "/media/7/subtitles/0", BASE + "/media/7/subtitles/1",
                BASE + "/media/7/subtitles/2", BASE + "/media/7/subtitles/3"), subtitleResources);
        assertEquals(List.of("http-get:*:text/srt:*", "http-get:*:text/x-ssa:*", "http-get:*:text/srt:*",
                "http-get:*:text/srt:*"), didl.resources().stream().filter(r -> r.url().contains("/subtitles/"))
                .map(DidlResource::protocolInfo).toList());
        assertEquals(List.of(new Caption(BASE + "/media/7/subtitles/0", "srt"),
                new Caption(BASE + "/media/7/subtitles/2", "srt"), new Caption(BASE + "/media/7/subtitles/3", "srt")),
                didl.captions());
    }

    @Test
    void onlyBitmapTracksOfferNothing() {
        MediaItem item = ItemBuilder.video(8, "Disc rip").subtitle("pgs", "eng").subtitle("dvbsub", "fre").build();
        DidlItem didl = ItemMapper.toDidl(item, "0", BASE);
        assertEquals(List.of(), didl.captions());
        assertEquals(1, didl.resources().size(), "only the video itself");
    }
}
