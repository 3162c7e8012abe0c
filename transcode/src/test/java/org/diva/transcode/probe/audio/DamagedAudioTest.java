package org.diva.transcode.probe.audio;

import static org.diva.transcode.probe.MediaFixtures.audio;
import static org.diva.transcode.probe.MediaFixtures.bytes;
import static org.diva.transcode.probe.MediaFixtures.truncated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.diva.transcode.probe.ContainerFormat;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and mislabelled files: each fails with a reason a household can read, or is read as what it is. */
class DamagedAudioTest {
    private final AudioFileProbe probe = new AudioFileProbe();
    @TempDir
    Path dir;

    @Test
    void mp3CutInsideItsId3Tag() throws Exception {
        Path cut = truncated(audio("tone.mp3"), 500, dir, "cut.mp3");
        assertEquals("truncated MP3: its ID3 tag needs 1,226 bytes but the file ends at byte 500",
                reason(cut, ContainerFormat.MP3));
    }

    @Test
    void mp3CutInsideItsAudioStillProbesFromItsHeaders() throws Exception {
        Path cut = truncated(audio("tone.mp3"), 2000, dir, "cut.mp3");
        MediaInfo info = probe.probe(cut, ContainerFormat.MP3).info();
        assertEquals(Optional.of("Tone"), info.title());
        assertEquals(1071, info.durationMillis().orElseThrow()); // the Info frame still counts every frame
    }

    @Test
    void garbageNamedMp3() throws Exception {
        Path garbage = Files.write(dir.resolve("song.mp3"),
                "this is a shopping list, not a song\n".repeat(40).getBytes(StandardCharsets.US_ASCII));
        assertEquals("truncated or damaged MP3: no valid audio frame found", reason(garbage, ContainerFormat.MP3));
    }

    @Test
    void id3TagFollowedByNothingThatPlays() throws Exception {
        Path silent = Files.write(dir.resolve("empty.mp3"), new TagBytes().text("TIT2", TagBytes.LATIN_1, "Lost")
                .id3v24Before(new byte[4096]));
        assertEquals("truncated or damaged MP3: no valid audio frame found", reason(silent, ContainerFormat.MP3));
    }

    @Test
    void tinyFile() throws Exception {
        Path tiny = truncated(audio("tone.flac"), 60, dir, "tiny.flac");
        assertEquals("too short to be FLAC audio", reason(tiny, ContainerFormat.FLAC));
    }

    @Test
    void flacCutInsideItsMetadataBlocks() throws Exception {
        Path cut = truncated(audio("tone.flac"), 1500, dir, "cut.flac"); // inside the padding after the picture
        assertEquals("truncated FLAC: its audio should start at byte 9,470 but the file ends at byte 1,500",
                reason(cut, ContainerFormat.FLAC));
    }

    @Test
    void flacCutInsideThePicture() throws Exception {
        Path cut = truncated(audio("tone.flac"), 500, dir, "cut.flac");
        assertEquals("truncated FLAC: the file ends inside its headers", reason(cut, ContainerFormat.FLAC));
    }

    @Test
    void flacNamedMp3IsReadAsFlac() throws Exception {
        Path mislabelled = Files.copy(audio("tone.flac"), dir.resolve("tone.mp3"));
        MediaInfo info = probe.probe(mislabelled, ContainerFormat.FLAC).info();
        assertEquals("flac", info.container());
        assertEquals(Optional.of("Jazz"), info.tags().orElseThrow().genre());
    }

    @Test
    void mp3ReadAsFlacSaysItIsNotFlac() throws Exception {
        String reason = reason(audio("tone.mp3"), ContainerFormat.FLAC);
        assertEquals("damaged FLAC: tone.mp3 Flac Header not found, not a flac file", reason);
    }

    @Test
    void vorbisCutBeforeItsAudio() throws Exception {
        Path cut = truncated(audio("tone.ogg"), 2000, dir, "cut.ogg");
        assertEquals("truncated Ogg Vorbis: no audio after the headers (the file ends at byte 2,000)",
                reason(cut, ContainerFormat.OGG));
    }

    @Test
    void opusCutInsideItsHeaders() throws Exception {
        Path cut = truncated(audio("tone.opus"), 100, dir, "cut.opus");
        assertEquals("truncated file: Ogg page at byte 75 needs 193 bytes but the file ends at byte 100",
                reason(cut, ContainerFormat.OGG));
    }

    @Test
    void opusCutInsideItsAudioKeepsWhatIsThere() throws Exception {
        Path cut = truncated(audio("tone.opus"), 2500, dir, "cut.opus");
        long millis = probe.probe(cut, ContainerFormat.OGG).info().durationMillis().orElseThrow();
        assertTrue(millis > 500 && millis < 2000, millis + " ms");
    }

    @Test
    void oggThatIsNotVorbisOrOpus() throws Exception {
        byte[] ogg = bytes(audio("tone.opus"));
        System.arraycopy("Speex   ".getBytes(StandardCharsets.US_ASCII), 0, ogg, 28, 8); // first packet's magic
        Path speex = Files.write(dir.resolve("speech.ogg"), ogg);
        assertEquals("Ogg holding Speex is not audio DiVA can read", reason(speex, ContainerFormat.OGG));
    }

    @Test
    void m4aCutBeforeItsMetadata() throws Exception {
        Path cut = truncated(audio("tone.m4a"), 3000, dir, "cut.m4a");
        assertTrue(reason(cut, ContainerFormat.MP4).startsWith("damaged MP4: "));
    }

    private String reason(Path file, ContainerFormat format) {
        return assertThrows(MediaFormatException.class, () -> probe.probe(file, format)).getMessage();
    }
}
