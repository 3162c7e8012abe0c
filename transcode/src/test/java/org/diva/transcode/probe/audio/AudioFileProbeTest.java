package org.diva.transcode.probe.audio;

import static org.diva.transcode.probe.MediaFixtures.audio;
import static org.diva.transcode.probe.MediaFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTags;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ContainerFormat;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.Probed;
import org.junit.jupiter.api.Test;

/** Each committed fixture, probed, against the values make.sh wrote into it (cross-checked with ffprobe). */
class AudioFileProbeTest {
    private final AudioFileProbe probe = new AudioFileProbe();

    @Test
    void mp3WithId3v24TagsAndFrontCover() throws Exception {
        Probed probed = probe.probe(audio("tone.mp3"), ContainerFormat.MP3);
        MediaInfo info = probed.info();
        assertEquals(MediaKind.AUDIO, info.kind());
        assertEquals("mp3", info.container());
        assertEquals(Optional.of("Tone"), info.title());
        assertEquals(OptionalLong.of(1071), info.durationMillis()); // ffprobe: 1.071020 (Info frame, no gapless trim)
        assertEquals(List.of(track("mp3", 1, 22050, 32_000)), info.audio()); // not the Info frame's 56 kb/s
        assertEquals(Optional.of(new AudioTags(Optional.of("Tone"), Optional.of("DiVA_Test"),
                Optional.of("Various"), Optional.of("Fixtures"), OptionalInt.of(3), OptionalInt.of(1),
                OptionalInt.of(2019), Optional.of("Rock"), true)), info.tags()); // "(17)" is ID3v1's Rock
        assertEquals("image/jpeg", probed.artwork().orElseThrow().mimeType());
        assertArrayEquals(bytes(audio("cover.jpg")), probed.artwork().orElseThrow().data());
    }

    @Test
    void mp3VbrStereoWithId3v23() throws Exception {
        MediaInfo info = probe.probe(audio("stereo-vbr.mp3"), ContainerFormat.MP3).info();
        assertEquals(OptionalLong.of(1045), info.durationMillis()); // ffprobe: 1.044898
        AudioTrack track = info.audio().get(0);
        assertEquals("mp3", track.codec());
        assertEquals(OptionalInt.of(2), track.channels());
        assertEquals(OptionalInt.of(44100), track.sampleRate());
        assertEquals(Optional.of("Stereo VBR"), info.title());
        assertEquals(OptionalInt.empty(), info.tags().orElseThrow().track());
        assertFalse(info.tags().orElseThrow().hasCoverArt());
    }

    @Test
    void flacWithVorbisCommentsAndPicture() throws Exception {
        Probed probed = probe.probe(audio("tone.flac"), ContainerFormat.FLAC);
        MediaInfo info = probed.info();
        assertEquals("flac", info.container());
        assertEquals(OptionalLong.of(1000), info.durationMillis());
        // 3,840 bytes of frames after 9,470 bytes of metadata (cover, padding) for one second
        assertEquals(List.of(track("flac", 1, 8000, 30_720)), info.audio());
        assertEquals(Optional.of(new AudioTags(Optional.of("Tone"), Optional.of("DiVA_Test"),
                Optional.of("Various"), Optional.of("Fixtures"), OptionalInt.of(5), OptionalInt.of(2),
                OptionalInt.of(2019), Optional.of("Jazz"), true)), info.tags());
        assertArrayEquals(bytes(audio("cover.jpg")), probed.artwork().orElseThrow().data());
    }

    @Test
    void oggVorbis() throws Exception {
        Probed probed = probe.probe(audio("tone.ogg"), ContainerFormat.OGG);
        MediaInfo info = probed.info();
        assertEquals("ogg", info.container());
        assertEquals(OptionalLong.of(1000), info.durationMillis());
        assertEquals(List.of(track("vorbis", 2, 22050, 36_000)), info.audio());
        assertEquals(Optional.of(new AudioTags(Optional.of("Tone"), Optional.of("DiVA_Test"),
                Optional.of("Various"), Optional.of("Fixtures"), OptionalInt.of(7), OptionalInt.empty(),
                OptionalInt.of(2020), Optional.of("Ambient"), false)), info.tags());
        assertEquals(Optional.empty(), probed.artwork());
    }

    @Test
    void oggOpusReadByDivaItself() throws Exception {
        MediaInfo info = probe.probe(audio("tone.opus"), ContainerFormat.OGG).info();
        assertEquals("ogg", info.container());
        // ffprobe says 2.0065 s: it does not subtract the 312-sample pre-skip, which RFC 7845 says to drop
        assertEquals(OptionalLong.of(2000), info.durationMillis());
        AudioTrack track = info.audio().get(0);
        assertEquals("opus", track.codec());
        assertEquals(OptionalInt.of(1), track.channels());
        assertEquals(OptionalInt.of(48000), track.sampleRate());
        assertEquals(Optional.of(new AudioTags(Optional.of("Tone"), Optional.of("DiVA_Test"),
                Optional.of("Various"), Optional.of("Fixtures"), OptionalInt.of(9), OptionalInt.empty(),
                OptionalInt.of(2021), Optional.of("Electronic"), false)), info.tags());
        assertEquals(Optional.of("Tone"), info.title());
    }

    @Test
    void wavWithRiffInfoTitle() throws Exception {
        MediaInfo info = probe.probe(audio("tone.wav"), ContainerFormat.WAV).info();
        assertEquals("wav", info.container());
        assertEquals(OptionalLong.of(1000), info.durationMillis());
        assertEquals(List.of(track("pcm", 1, 8000, 64_000)), info.audio());
        assertEquals(Optional.of("Wave Tone"), info.title()); // RIFF INFO pads to even length: trimmed
        assertEquals(Optional.of("DiVA_Test"), info.tags().orElseThrow().artist());
        assertEquals(OptionalInt.empty(), info.tags().orElseThrow().disc());
    }

    @Test
    void m4aAacWithItunesTagsAndCover() throws Exception {
        Probed probed = probe.probe(audio("tone.m4a"), ContainerFormat.MP4);
        MediaInfo info = probed.info();
        assertEquals("mp4", info.container());
        assertEquals(OptionalLong.of(1000), info.durationMillis());
        assertEquals(List.of(new AudioTrack("aac", Optional.of("LC"), OptionalInt.of(1), OptionalInt.of(22050),
                OptionalLong.empty(), Optional.empty())), info.audio());
        assertEquals(Optional.of(new AudioTags(Optional.of("Tone"), Optional.of("DiVA_Test"),
                Optional.of("Various"), Optional.of("Fixtures"), OptionalInt.of(4), OptionalInt.of(1),
                OptionalInt.of(2018), Optional.of("Classical"), true)), info.tags());
        assertEquals("image/jpeg", probed.artwork().orElseThrow().mimeType());
        assertArrayEquals(bytes(audio("cover.jpg")), probed.artwork().orElseThrow().data());
    }

    @Test
    void m4aAlacWithoutTags() throws Exception {
        Probed probed = probe.probe(audio("plain-alac.m4a"), ContainerFormat.MP4);
        assertEquals("alac", probed.info().audio().get(0).codec());
        assertEquals(OptionalInt.of(1), probed.info().audio().get(0).channels());
        assertEquals(OptionalInt.of(8000), probed.info().audio().get(0).sampleRate());
        assertEquals(Optional.empty(), probed.info().tags());
        assertEquals(Optional.empty(), probed.info().title());
        assertEquals(Optional.empty(), probed.artwork());
    }

    @Test
    void rawAacIsReadByTheAdtsProbe() throws Exception {
        MediaInfo info = probe.probe(audio("tone.aac"), ContainerFormat.AAC_ADTS).info();
        assertEquals("aac", info.container());
        assertEquals(OptionalLong.of(2089), info.durationMillis()); // 45 frames of 1,024 samples at 22,050 Hz
    }

    @Test
    void photosAreNotAudio() {
        assertThrows(IllegalArgumentException.class, () -> probe.probe(audio("cover.jpg"), ContainerFormat.JPEG));
    }

    @Test
    void constructionSilencesOnlyJaudiotagger() {
        java.util.logging.Level root = java.util.logging.Logger.getLogger("").getLevel();
        new AudioFileProbe();
        assertEquals(java.util.logging.Level.OFF, java.util.logging.Logger.getLogger("org.jaudiotagger").getLevel());
        assertEquals(root, java.util.logging.Logger.getLogger("").getLevel());
    }

    static AudioTrack track(String codec, int channels, int rate, long bitrate) {
        return new AudioTrack(codec, Optional.empty(), OptionalInt.of(channels), OptionalInt.of(rate),
                OptionalLong.of(bitrate), Optional.empty());
    }
}
