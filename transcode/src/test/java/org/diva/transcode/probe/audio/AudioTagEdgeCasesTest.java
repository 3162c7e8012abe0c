package org.diva.transcode.probe.audio;

import static org.diva.transcode.probe.MediaFixtures.audio;
import static org.diva.transcode.probe.MediaFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.diva.transcode.probe.AudioTags;
import org.diva.transcode.probe.ContainerFormat;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.Probed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags no encoder writes but real libraries contain: empty frames, markup characters, scripts, huge covers. */
class AudioTagEdgeCasesTest {
    private static final String MARKUP = "Tom & Jerry's <Greatest> \"Hits\"";
    private static final String SCRIPTS = "Björk — Sigur Rós 日本語 🎵";

    private final AudioFileProbe probe = new AudioFileProbe();
    @TempDir
    Path dir;

    @Test
    void id3ZeroLengthAndEmptyFramesReadAsAbsent() throws Exception {
        Path mp3 = mp3With(new TagBytes()
                .frame("TIT2", new byte[0])
                .frame("TPE1", new byte[] {TagBytes.UTF_8})
                .text("TALB", TagBytes.LATIN_1, "")
                .text("TRCK", TagBytes.LATIN_1, "")
                .text("TPE2", TagBytes.LATIN_1, "Present"));
        MediaInfo info = probe.probe(mp3, ContainerFormat.MP3).info();
        AudioTags tags = info.tags().orElseThrow();
        assertEquals(Optional.empty(), tags.title());
        assertEquals(Optional.empty(), tags.artist());
        assertEquals(Optional.empty(), tags.album());
        assertEquals(OptionalInt.empty(), tags.track());
        assertEquals(Optional.of("Present"), tags.albumArtist());
        assertEquals(Optional.empty(), info.title());
        assertEquals("mp3", info.audio().get(0).codec());
    }

    @Test
    void id3MarkupAndScriptsArePreservedExactlyInEveryEncoding() throws Exception {
        Path mp3 = mp3With(new TagBytes()
                .text("TIT2", TagBytes.UTF_8, MARKUP)
                .text("TPE1", TagBytes.UTF_16, SCRIPTS)
                .text("TALB", TagBytes.LATIN_1, "Café & <Crème>")
                .text("TCON", TagBytes.UTF_8, "(4)Eurodisco")
                .text("TDRC", TagBytes.LATIN_1, "2019-05-01T10:00"));
        MediaInfo info = probe.probe(mp3, ContainerFormat.MP3).info();
        AudioTags tags = info.tags().orElseThrow();
        assertEquals(Optional.of(MARKUP), info.title());
        assertEquals(Optional.of(SCRIPTS), tags.artist());
        assertEquals(Optional.of("Café & <Crème>"), tags.album());
        assertEquals(Optional.of("Eurodisco"), tags.genre());
        assertEquals(OptionalInt.of(2019), tags.year());
    }

    @Test
    void vorbisCommentMarkupScriptsAndEmptyValues() throws Exception {
        Path flac = Files.write(dir.resolve("comments.flac"), TagBytes.flacWithComments(bytes(audio("tone.flac")),
                List.of("TITLE=" + MARKUP, "ARTIST=" + SCRIPTS, "ALBUM=", "TRACKNUMBER=03/12", "DATE=2019-05-01",
                        "GENRE=17")));
        MediaInfo info = probe.probe(flac, ContainerFormat.FLAC).info();
        AudioTags tags = info.tags().orElseThrow();
        assertEquals(Optional.of(MARKUP), info.title());
        assertEquals(Optional.of(SCRIPTS), tags.artist());
        assertEquals(Optional.empty(), tags.album());
        assertEquals(OptionalInt.of(3), tags.track());
        assertEquals(OptionalInt.of(2019), tags.year());
        assertEquals(Optional.of("Rock"), tags.genre());
        assertFalse(tags.hasCoverArt());
    }

    @Test
    void flacWithAnEmptyCommentListHasNoTags() throws Exception {
        Path flac = Files.write(dir.resolve("bare.flac"), TagBytes.flacWithComments(bytes(audio("tone.flac")),
                List.of()));
        Probed probed = probe.probe(flac, ContainerFormat.FLAC);
        assertEquals(Optional.empty(), probed.info().tags());
        assertEquals(1000, probed.info().durationMillis().orElseThrow());
    }

    @Test
    void coverOverTheLimitIsDroppedAndNotAnnounced() throws Exception {
        byte[] huge = Arrays.copyOf(bytes(audio("cover.jpg")), CoverArt.MAX_BYTES + 1);
        Path mp3 = mp3With(new TagBytes().text("TIT2", TagBytes.LATIN_1, "Big").picture("image/jpeg", huge));
        Probed probed = probe.probe(mp3, ContainerFormat.MP3);
        assertEquals(Optional.empty(), probed.artwork());
        assertFalse(probed.info().tags().orElseThrow().hasCoverArt());
        assertEquals(Optional.of("Big"), probed.info().title());
    }

    @Test
    void coverAtTheLimitIsKeptWithTheTypeItsBytesShow() throws Exception {
        byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, CoverArt.MAX_BYTES);
        Path mp3 = mp3With(new TagBytes().picture("image/jpeg", png)); // taggers often declare every cover JPEG
        Probed probed = probe.probe(mp3, ContainerFormat.MP3);
        assertEquals("image/png", probed.artwork().orElseThrow().mimeType());
        assertArrayEquals(png, probed.artwork().orElseThrow().data());
        assertTrue(probed.info().tags().orElseThrow().hasCoverArt());
    }

    private Path mp3With(TagBytes tag) throws Exception {
        byte[] audioFrames = TagBytes.withoutId3v2(bytes(audio("tone.mp3")));
        return Files.write(dir.resolve("tagged.mp3"), tag.id3v24Before(audioFrames));
    }
}
