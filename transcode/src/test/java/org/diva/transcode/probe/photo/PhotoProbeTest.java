package org.diva.transcode.probe.photo;

import static org.diva.transcode.probe.MediaFixtures.bytes;
import static org.diva.transcode.probe.MediaFixtures.photo;
import static org.diva.transcode.probe.MediaFixtures.truncated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.diva.transcode.probe.ContainerFormat;
import org.diva.transcode.probe.MediaFixtures;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.PhotoInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each committed photo fixture against the values make.sh wrote into it (cross-checked with exiftool). */
class PhotoProbeTest {
    private static final LocalDateTime TAKEN = LocalDateTime.of(2019, 5, 1, 14, 30, 15);
    private final PhotoProbe probe = new PhotoProbe();
    @TempDir
    Path dir;

    @Test
    void cameraJpeg() throws Exception {
        MediaInfo info = probe.probe(photo("camera.jpg"), ContainerFormat.JPEG).info();
        assertEquals(MediaKind.PHOTO, info.kind());
        assertEquals("jpeg", info.container());
        assertEquals(Optional.of(new PhotoInfo(64, 48, 6, Optional.of(TAKEN), Optional.of("Canon"),
                Optional.of("Canon EOS 80D"))), info.photo()); // Make and Model come padded with spaces
        assertEquals(Optional.of("Harbour at dusk"), info.title());
    }

    @Test
    void jpegWithoutExifStillHasItsSize() throws Exception {
        MediaInfo info = probe.probe(photo("plain.jpg"), ContainerFormat.JPEG).info();
        assertEquals(Optional.of(new PhotoInfo(64, 48, 1, Optional.empty(), Optional.empty(), Optional.empty())),
                info.photo());
        assertEquals(Optional.empty(), info.title());
    }

    @Test
    void windowsTitleWinsOverTheCamerasBoilerplateAndAnUnsetClockIsNoDate() throws Exception {
        MediaInfo info = probe.probe(photo("xptitle.jpg"), ContainerFormat.JPEG).info();
        assertEquals(Optional.of("Grandma’s 90th & <party>"), info.title());
        assertEquals(Optional.of(new PhotoInfo(40, 30, 1, Optional.empty(), Optional.of("OLYMPUS"),
                Optional.empty())), info.photo());
    }

    @Test
    void png() throws Exception {
        MediaInfo info = probe.probe(photo("plain.png"), ContainerFormat.PNG).info();
        assertEquals("png", info.container());
        assertEquals(Optional.of(new PhotoInfo(32, 24, 1, Optional.empty(), Optional.empty(), Optional.empty())),
                info.photo());
    }

    @Test
    void heicSizeIsThePrimaryImageNotTheCodedTile() throws Exception {
        MediaInfo info = probe.probe(photo("camera.heic"), ContainerFormat.HEIF).info();
        assertEquals("heif", info.container());
        // heif-enc codes one 64x64 tile and a 64x48 grid over it; metadata-extractor reports the tile.
        // Orientation 1: the file has no irot, and HEIF readers ignore the EXIF Orientation (6) it carried over.
        assertEquals(Optional.of(new PhotoInfo(64, 48, 1, Optional.of(TAKEN), Optional.of("Canon"),
                Optional.of("Canon EOS 80D"))), info.photo());
        assertEquals(Optional.of("Harbour at dusk"), info.title());
    }

    @Test
    void jpegCutInsideItsHeaders() throws Exception {
        Path cut = truncated(photo("camera.jpg"), 400, dir, "cut.jpg");
        assertEquals("truncated JPEG: the file ends inside its headers, at byte 400",
                reason(cut, ContainerFormat.JPEG));
    }

    @Test
    void jpegCutInsideThePictureStillProbes() throws Exception {
        Path cut = truncated(photo("camera.jpg"), 1000, dir, "cut.jpg");
        assertEquals(64, probe.probe(cut, ContainerFormat.JPEG).info().photo().orElseThrow().width());
    }

    @Test
    void jpegThatEndsBeforeItsFrameHeader() throws Exception {
        byte[] jpeg = bytes(photo("plain.jpg"));
        int sof = indexOf(jpeg, (byte) 0xFF, (byte) 0xC0);
        byte[] headless = Arrays.copyOf(jpeg, sof + 2);
        headless[sof + 1] = (byte) 0xD9; // end of image where the frame header was
        Path file = Files.write(dir.resolve("headless.jpg"), headless);
        assertEquals(String.format("damaged JPEG: no image size found (truncated at byte %,d?)", sof + 2),
                reason(file, ContainerFormat.JPEG));
    }

    @Test
    void pngCutInsideItsHeader() throws Exception {
        Path cut = truncated(photo("plain.png"), 20, dir, "cut.png");
        assertEquals("truncated PNG: the file ends inside its headers, at byte 20", reason(cut, ContainerFormat.PNG));
    }

    @Test
    void heicCutInsideItsMetaBox() throws Exception {
        Path cut = truncated(photo("camera.heic"), 300, dir, "cut.heic");
        String reason = reason(cut, ContainerFormat.HEIF);
        assertTrue(reason.startsWith("truncated file: HEIF meta box at byte 36"), reason);
    }

    @Test
    void audioIsNotAPhoto() {
        assertThrows(IllegalArgumentException.class,
                () -> probe.probe(MediaFixtures.audio("tone.mp3"), ContainerFormat.MP3));
    }

    private String reason(Path file, ContainerFormat format) {
        return assertThrows(MediaFormatException.class, () -> probe.probe(file, format)).getMessage();
    }

    private static int indexOf(byte[] data, byte a, byte b) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == a && data[i + 1] == b) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }
}
