package org.diva.transcode.probe;

import static org.diva.transcode.probe.MediaFixtures.audio;
import static org.diva.transcode.probe.MediaFixtures.bytes;
import static org.diva.transcode.probe.MediaFixtures.photo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.audio.AdtsProbe;
import org.diva.transcode.probe.audio.AudioFileProbe;
import org.diva.transcode.probe.photo.PhotoProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file probes wired into MediaProber as the composition root would, end to end on the fixtures. */
class MediaProberWiringTest {
    private final AudioFileProbe audioProbe = new AudioFileProbe();
    private final PhotoProbe photoProbe = new PhotoProbe();
    private final MediaProber prober = new MediaProber(Map.of(), Map.of(
            ContainerFormat.MP3, audioProbe, ContainerFormat.FLAC, audioProbe, ContainerFormat.OGG, audioProbe,
            ContainerFormat.WAV, audioProbe, ContainerFormat.MP4, audioProbe, ContainerFormat.AAC_ADTS, audioProbe,
            ContainerFormat.JPEG, photoProbe, ContainerFormat.PNG, photoProbe, ContainerFormat.HEIF, photoProbe));
    @TempDir
    Path dir;

    @Test
    void eachFixtureIsRecognisedAndProbed() throws Exception {
        record Row(Path file, MediaKind kind, String container, String title) {
        }
        for (Row row : List.of(
                new Row(audio("tone.mp3"), MediaKind.AUDIO, "mp3", "Tone"),
                new Row(audio("tone.flac"), MediaKind.AUDIO, "flac", "Tone"),
                new Row(audio("tone.ogg"), MediaKind.AUDIO, "ogg", "Tone"),
                new Row(audio("tone.opus"), MediaKind.AUDIO, "ogg", "Tone"),
                new Row(audio("tone.wav"), MediaKind.AUDIO, "wav", "Wave Tone"),
                new Row(audio("tone.m4a"), MediaKind.AUDIO, "mp4", "Tone"),
                new Row(audio("tone.aac"), MediaKind.AUDIO, "aac", null),
                new Row(photo("camera.jpg"), MediaKind.PHOTO, "jpeg", "Harbour at dusk"),
                new Row(photo("plain.png"), MediaKind.PHOTO, "png", null),
                new Row(photo("camera.heic"), MediaKind.PHOTO, "heif", "Harbour at dusk"))) {
            MediaInfo info = prober.probe(row.file()).info();
            String what = row.file().getFileName().toString();
            assertEquals(row.kind(), info.kind(), what);
            assertEquals(row.container(), info.container(), what);
            assertEquals(Optional.ofNullable(row.title()), info.title(), what);
        }
    }

    @Test
    void bitrateIsDerivedFromSizeAndDuration() throws Exception {
        assertEquals(OptionalLong.of(13_310 * 8_000L / 1000), prober.probe(audio("tone.flac")).info().bitrate());
    }

    @Test
    void flacNamedMp3IsProbedAsFlac() throws Exception {
        Path mislabelled = Files.copy(audio("tone.flac"), dir.resolve("tone.mp3"));
        Probed probed = prober.probe(mislabelled);
        assertEquals("flac", probed.info().container());
        assertArrayEquals(bytes(audio("cover.jpg")), probed.artwork().orElseThrow().data());
    }

    @Test
    void garbageNamedMp3IsRefusedBeforeAnyProbe() throws Exception {
        Path garbage = Files.write(dir.resolve("song.mp3"), "not a song\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        assertEquals("not a media file DiVA can read: its first bytes match no known format (its name says audio)",
                assertThrows(MediaFormatException.class, () -> prober.probe(garbage)).getMessage());
    }

    @Test
    void m4aTagsAndCoverJoinWhatTheMp4ContainerProbeFound() throws Exception {
        ContainerProbe mp4Tracks = channel -> MediaInfo.empty(MediaKind.AUDIO, "mp4").withDuration(1000);
        MediaProber withMp4Probe = new MediaProber(Map.of(ContainerFormat.MP4, mp4Tracks),
                Map.of(ContainerFormat.MP4, audioProbe));
        Probed probed = withMp4Probe.probe(audio("tone.m4a"));
        assertEquals(Optional.of("Tone"), probed.info().title());
        assertEquals(Optional.of("Classical"), probed.info().tags().orElseThrow().genre());
        assertArrayEquals(bytes(audio("cover.jpg")), probed.artwork().orElseThrow().data());
    }

    @Test
    void adtsProbeAlsoWorksAsAContainerProbe() throws Exception {
        MediaProber channelOnly = new MediaProber(Map.of(ContainerFormat.AAC_ADTS, new AdtsProbe()), Map.of());
        assertEquals(OptionalLong.of(2089), channelOnly.probe(audio("tone.aac")).info().durationMillis());
    }
}
