package org.diva.server.subtitles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.ItemStatus;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.subtitle.SubtitleTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tracks are served, the cache's key and bound, and the size limit. */
class EmbeddedSubtitlesCacheTest {
    private static final Path MKV = Path.of("../transcode/src/test/resources/media/mkv/h264-aac-subs.mkv")
            .toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private static CatalogueItem item(long id, Path file, long modified) throws IOException {
        MediaInfo info = MediaInfo.empty(MediaKind.VIDEO, "matroska").withTracks(List.of(), List.of(), List.of(
                SubtitleTrack.embedded("pgs", Optional.of("eng"), Optional.empty()),
                SubtitleTrack.embedded("srt", Optional.of("eng"), Optional.empty()),
                SubtitleTrack.embedded("dvdsub", Optional.empty(), Optional.empty()),
                SubtitleTrack.embedded("ass", Optional.of("fre"), Optional.empty())));
        return new CatalogueItem(id, file.getParent(), file, "", file.getFileName().toString(), MediaKind.VIDEO,
                Files.size(file), modified, "", ItemStatus.OK, Optional.empty(), "Film", Optional.of(info), false,
                Instant.EPOCH, Instant.EPOCH, 1);
    }

    @Test
    void onlyTextTracksAreServedInTrackOrder() throws IOException {
        CatalogueItem film = item(1, MKV, 1);
        assertEquals(List.of("srt", "ass"), EmbeddedSubtitles.textTracks(film).stream()
                .map(SubtitleTrack::format).toList());
        EmbeddedSubtitles subtitles = EmbeddedSubtitles.withDefaults();
        String srt = new String(subtitles.srt(film, 0).orElseThrow(), StandardCharsets.UTF_8);
        // The block says 23 ms: ffmpeg delayed every stream of the fixture by the H.264 reorder delay when muxing.
        assertEquals("1\r\n00:00:00,023 --> 00:00:00,823\r\nHello\r\n\r\n", srt);
        assertEquals(Optional.empty(), subtitles.srt(film, 2));
        assertEquals(Optional.empty(), subtitles.srt(film, -1));
    }

    @Test
    void documentsAreCachedByFileVersionAndBounded() throws IOException {
        EmbeddedSubtitles subtitles = new EmbeddedSubtitles(1 << 20, 2);
        CatalogueItem film = item(1, MKV, 1);
        byte[] first = subtitles.srt(film, 0).orElseThrow();
        assertSame(first, subtitles.srt(film, 0).orElseThrow(), "from the cache");
        assertNotSame(first, subtitles.srt(item(1, MKV, 2), 0).orElseThrow(), "a changed file is read again");
        subtitles.srt(film, 1);
        subtitles.srt(item(2, MKV, 1), 0);
        assertEquals(2, subtitles.cached());
    }

    @Test
    void aTrackOverTheLimitIsRefused() throws IOException {
        EmbeddedSubtitles subtitles = new EmbeddedSubtitles(10, 2);
        assertThrows(SubtitleTooLargeException.class, () -> subtitles.srt(item(1, MKV, 1), 0));
        assertEquals(0, subtitles.cached());
    }
}
