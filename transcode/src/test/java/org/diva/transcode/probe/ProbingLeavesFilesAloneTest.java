package org.diva.transcode.probe;

import static org.diva.transcode.probe.MediaFixtures.audio;
import static org.diva.transcode.probe.MediaFixtures.bytes;
import static org.diva.transcode.probe.MediaFixtures.photo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.diva.transcode.probe.audio.AudioFileProbe;
import org.diva.transcode.probe.photo.PhotoProbe;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Probing reads and never writes: jaudiotagger can write tags and makes temporary files when it does, and a
 * library scan must leave a household's files exactly as they were.
 */
class ProbingLeavesFilesAloneTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"audio, tone.mp3, MP3", "audio, stereo-vbr.mp3, MP3", "audio, tone.flac, FLAC",
        "audio, tone.ogg, OGG", "audio, tone.opus, OGG", "audio, tone.wav, WAV", "audio, tone.m4a, MP4",
        "audio, plain-alac.m4a, MP4", "audio, tone.aac, AAC_ADTS", "photo, camera.jpg, JPEG",
        "photo, plain.png, PNG", "photo, camera.heic, HEIF"})
    void bytesTimeAndFolderAreUnchanged(String kind, String name, ContainerFormat format) throws Exception {
        Path original = kind.equals("audio") ? audio(name) : photo(name);
        Path file = Files.copy(original, dir.resolve(name));
        FileTime modified = FileTime.fromMillis(1_500_000_000_000L);
        Files.setLastModifiedTime(file, modified);
        FileProbe probe = kind.equals("audio") ? new AudioFileProbe() : new PhotoProbe();

        probe.probe(file, format);

        assertArrayEquals(bytes(original), bytes(file));
        assertEquals(modified, Files.getLastModifiedTime(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
