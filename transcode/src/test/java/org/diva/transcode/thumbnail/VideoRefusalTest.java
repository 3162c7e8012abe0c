package org.diva.transcode.thumbnail;

import static org.diva.transcode.thumbnail.Pictures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.thumbnail.ThumbnailException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Videos that give no thumbnail: each refusal names the file, what it is and why, and never takes the JVM down. */
class VideoRefusalTest {
    private final Thumbnailer thumbnailer = new Thumbnailer(Clock.systemUTC(), Duration.ofSeconds(30));
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "thumbnail/high10.mp4          | UNSUPPORTED | 10-bit H.264",
            "thumbnail/interlaced.mp4      | UNSUPPORTED | interlaced H.264",
            "thumbnail/yuv422.mp4          | UNSUPPORTED | 4:2:2",
            "video/h264_10bit.ts           | UNSUPPORTED | 10-bit H.264",
            "video/h264_interlaced.ts      | UNSUPPORTED | interlaced H.264",
            "mp4/hevc_main10.mp4           | UNSUPPORTED | HEVC (H.265) video; DiVA makes video thumbnails from H.264, MPEG-1/2",
            "mkv/hevc-mp3.mkv              | UNSUPPORTED | HEVC (H.265) video",
            "mpegdemux/hevc_aac.ts         | UNSUPPORTED | HEVC (H.265) video",
            "mkv/vp9-opus.webm             | UNSUPPORTED | VP9 video",
            "mp4/vp9.mp4                   | UNSUPPORTED | VP9 video",
            "mp4/av1.mp4                   | UNSUPPORTED | AV1 video",
            "mp4/tone_title.m4a            | UNSUPPORTED | no video track",
            "mkv/flac-titled.mka           | UNSUPPORTED | no video track",
            "avi/xvid-mp3.avi              | UNSUPPORTED | AVI video; DiVA cannot take frames from AVI yet",
            "audio/tone.mp3                | UNSUPPORTED | audio file",
            "photo/camera.heic             | UNSUPPORTED | HEIF",
    })
    void refusesWhatItCannotDecode(String fixture, Reason reason, String why) {
        Path file = Fixtures.media(fixture);
        ThumbnailException e = assertThrows(ThumbnailException.class,
                () -> thumbnailer.ofFile(file, ImageBox.JPEG_TN));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aFileCutShortInItsFramesSaysSo() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("dark-intro.mp4")); // movie header first, then the frames
        Path cut = dir.resolve("cut.mp4");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 10));
        ThumbnailException e = assertThrows(ThumbnailException.class, () -> thumbnailer.ofFile(cut, ImageBox.JPEG_TN));
        assertEquals(Reason.DAMAGED, e.reason());
        assertTrue(e.getMessage().contains("truncated MP4: sample"), e.getMessage());
        assertTrue(e.getMessage().contains("but the file ends at"), e.getMessage());
    }

    @Test
    void aRecordingWithoutItsMovieHeaderSaysSo() throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.media("mp4/h264_high_aac_moov_end.mp4"));
        Path cut = dir.resolve("unfinished.mp4");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
        ThumbnailException e = assertThrows(ThumbnailException.class, () -> thumbnailer.ofFile(cut, ImageBox.JPEG_TN));
        assertEquals(Reason.DAMAGED, e.reason());
        assertTrue(e.getMessage().contains("no 'moov' box (the movie header)"), e.getMessage());
    }

    @Test
    void garbageAndEmptyFiles() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertEquals(Reason.DAMAGED, assertThrows(ThumbnailException.class,
                () -> thumbnailer.ofFile(empty, ImageBox.JPEG_TN)).reason());
        byte[] noise = new byte[50_000];
        new java.util.Random(3).nextBytes(noise);
        Path random = Files.write(dir.resolve("random.mp4"), noise);
        ThumbnailException e = assertThrows(ThumbnailException.class,
                () -> thumbnailer.ofFile(random, ImageBox.JPEG_TN));
        assertTrue(e.getMessage().contains("recognises"), e.getMessage());
    }

    @Test
    void corruptFramesEndInAReasonNotACrash() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("dark-intro.mp4"));
        // scribble over the frames (the movie header, at the front, stays readable)
        java.util.Random random = new java.util.Random(11);
        for (int i = bytes.length / 2; i < bytes.length; i += 7) {
            bytes[i] = (byte) random.nextInt();
        }
        Path scribbled = Files.write(dir.resolve("scribbled.mp4"), bytes);
        try {
            Thumbnail thumbnail = thumbnailer.ofFile(scribbled, ImageBox.JPEG_TN);
            assertEquals(new PixelSize(160, 120), thumbnail.size()); // a garbled picture is a picture
        } catch (ThumbnailException e) {
            assertTrue(e.getMessage().startsWith(scribbled + ": "), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mkv/h264-aac-subs.mkv", "mpegdemux/h264_bframes_aac.ts", "mpegdemux/mpeg2_ac3.vob",
            "video/mpeg4_asp.ts", "mp4/fragmented.mp4"})
    void cutShortOrScribbledFilesOfEveryContainerEndInAPictureOrAReason(String fixture) throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.media(fixture));
        String name = Path.of(fixture).getFileName().toString();
        byte[] scribbled = whole.clone();
        java.util.Random random = new java.util.Random(5);
        for (int i = scribbled.length / 3; i < scribbled.length; i += 5) {
            scribbled[i] = (byte) random.nextInt();
        }
        for (byte[] bytes : List.of(Arrays.copyOf(whole, whole.length / 3), Arrays.copyOf(whole, 1000), scribbled)) {
            Path damaged = Files.write(dir.resolve(name), bytes);
            try {
                Thumbnail thumbnail = thumbnailer.ofFile(damaged, ImageBox.JPEG_TN);
                assertTrue(thumbnail.jpeg().length > 0); // what survives may still show a picture
            } catch (ThumbnailException e) {
                assertTrue(e.getMessage().startsWith(damaged + ": "), e.getMessage());
                assertTrue(e.reason() != Reason.TOO_SLOW, e.getMessage());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mkv/h264-aac-subs.mkv", "mpegdemux/mpeg2_ac3.vob", "video/mpeg4_asp.ts"})
    void aVideoOfAnyContainerThatTakesTooLongIsGivenUpOn(String fixture) {
        Thumbnailer slow = new Thumbnailer(Pictures.steppingClock(1000), Duration.ofSeconds(3));
        ThumbnailException e = assertThrows(ThumbnailException.class,
                () -> slow.ofFile(Fixtures.media(fixture), ImageBox.JPEG_TN));
        assertEquals(Reason.TOO_SLOW, e.reason());
        assertTrue(e.getMessage().contains("may take at most 3000 ms"), e.getMessage());
    }

    @Test
    void aVideoThatTakesTooLongIsGivenUpOn() {
        // every reading of the clock is a second later: the limit of 3 s passes after a few stages
        Thumbnailer slow = new Thumbnailer(Pictures.steppingClock(1000), Duration.ofSeconds(3));
        ThumbnailException e = assertThrows(ThumbnailException.class,
                () -> slow.ofFile(fixture("dark-intro.mp4"), ImageBox.JPEG_TN));
        assertEquals(Reason.TOO_SLOW, e.reason());
        assertTrue(e.getMessage().contains("may take at most 3000 ms"), e.getMessage());
    }
}
