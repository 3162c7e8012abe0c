package org.diva.transcode.thumbnail;

import static org.diva.transcode.thumbnail.Pictures.fixture;
import static org.diva.transcode.thumbnail.Pictures.lumaPsnr;
import static org.diva.transcode.thumbnail.Pictures.psnr;
import static org.diva.transcode.thumbnail.Pictures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.thumbnail.ThumbnailException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Photos and cover art: turned as EXIF says, scaled into each DLNA box, within memory and time. */
class PhotoThumbnailTest {
    private final Thumbnailer thumbnailer = new Thumbnailer(Clock.systemUTC(), Duration.ofSeconds(30));
    @TempDir
    Path dir;

    @Test
    void aJpegIsTurnedAsItsExifSays() throws Exception {
        Thumbnail thumbnail = thumbnailer.ofFile(fixture("rotated.jpg"), ImageBox.JPEG_TN); // 320x240, orientation 6
        assertEquals(new PixelSize(120, 160), thumbnail.size());
        Pictures.assertBaselineJfif(thumbnail.jpeg());
        BufferedImage expected = read(fixture("rotated-jpg.ref.png")); // ffmpeg turns it as its EXIF says, too
        BufferedImage picture = read(thumbnail.jpeg());
        double db = lumaPsnr(picture, expected);
        assertTrue(db >= 30, String.format("%.1f dB against ffmpeg's turned photo", db));
        assertTrue(lumaPsnr(Orientation.apply(picture, 3), expected) < 20, "the other quarter turn looks different");
    }

    @Test
    void aPngIsScaledLikeFfmpegsAreaFilter() throws Exception {
        Thumbnail thumbnail = thumbnailer.ofFile(fixture("plain.png"), ImageBox.JPEG_TN); // 400x300
        assertEquals(new PixelSize(160, 120), thumbnail.size());
        double db = lumaPsnr(read(thumbnail.jpeg()), read(fixture("plain-png.ref.png")));
        assertTrue(db >= 30, String.format("%.1f dB against ffmpeg's scaled PNG", db));
    }

    @Test
    void transparencyIsLaidOnWhite() throws Exception {
        Thumbnail thumbnail = thumbnailer.ofFile(fixture("transparent.png"), ImageBox.JPEG_TN);
        assertEquals(new PixelSize(64, 64), thumbnail.size(), "smaller than the box: kept as it is");
        BufferedImage picture = read(thumbnail.jpeg());
        assertNear(0xffffff, picture.getRGB(2, 2), "transparent corner");
        assertNear(0xff0000, picture.getRGB(32, 32), "opaque red centre");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JPEG_TN, 160, 120", "JPEG_SM, 640, 480", "JPEG_MED, 1024, 768", "JPEG_LRG, 4000, 3000"})
    void everyDlnaBox(String profile, int width, int height) throws Exception {
        ImageBox box = switch (profile) {
            case "JPEG_TN" -> ImageBox.JPEG_TN;
            case "JPEG_SM" -> ImageBox.JPEG_SM;
            case "JPEG_MED" -> ImageBox.JPEG_MED;
            default -> ImageBox.JPEG_LRG;
        };
        Thumbnail scaled = thumbnailer.ofFile(fixture("12mp.jpg"), box);
        assertEquals(new PixelSize(width, height), scaled.size());
        assertEquals(profile, scaled.box().dlnaProfile());
        Pictures.assertBaselineJfif(scaled.jpeg());
    }

    @Test
    void aTwelveMegapixelPhotoDecodesSubsampled() throws Exception {
        assertEquals(12, PhotoDecoder.subsampling(4000, 3000, new PixelSize(160, 120)), "334x250 decoded");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        thumbnailer.ofFile(fixture("12mp.jpg"), ImageBox.JPEG_TN); // warm up ImageIO's registry and the JIT
        long before = threads.getCurrentThreadAllocatedBytes();
        Thumbnail thumbnail = thumbnailer.ofFile(fixture("12mp.jpg"), ImageBox.JPEG_TN);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(new PixelSize(160, 120), thumbnail.size());
        // decoded whole, the picture alone would be 36 MB (3 bytes a pixel); subsampled, it is 250 KB
        assertTrue(allocated < 4L << 20, "allocated " + allocated + " bytes for a 12-megapixel photo");
    }

    @Test
    void coverArtFromMemory() throws Exception {
        byte[] cover = Fixtures.bytes("audio/cover.jpg");
        Thumbnail thumbnail = thumbnailer.ofImage(cover, "cover art of song.mp3", ImageBox.JPEG_TN);
        BufferedImage original = read(cover);
        assertEquals(ImageBox.JPEG_TN.fit(original.getWidth(), original.getHeight()), thumbnail.size());
        ThumbnailException e = assertThrows(ThumbnailException.class,
                () -> thumbnailer.ofImage("GIF89a...".getBytes(), "cover art of odd.mp3", ImageBox.JPEG_TN));
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().startsWith("cover art of odd.mp3: not a JPEG or PNG"), e.getMessage());
    }

    @Test
    void aJpegCutShortInItsPictureStillShowsWhatItHas() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("rotated.jpg"));
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length * 2 / 3));
        assertEquals(new PixelSize(120, 160), thumbnailer.ofFile(cut, ImageBox.JPEG_TN).size());
    }

    @Test
    void damagedPhotosSayWhatIsWrong() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("rotated.jpg"));
        Path headersOnly = Files.write(dir.resolve("headers.jpg"), Arrays.copyOf(whole, 300));
        ThumbnailException e = assertThrows(ThumbnailException.class,
                () -> thumbnailer.ofFile(headersOnly, ImageBox.JPEG_TN));
        assertEquals(Reason.DAMAGED, e.reason());
        assertTrue(e.getMessage().startsWith(headersOnly + " (JPEG): "), e.getMessage());

        byte[] png = Files.readAllBytes(fixture("plain.png"));
        Path cutPng = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        e = assertThrows(ThumbnailException.class, () -> thumbnailer.ofFile(cutPng, ImageBox.JPEG_TN));
        assertEquals(Reason.DAMAGED, e.reason(), e.getMessage());

        byte[] noise = new byte[5000];
        new java.util.Random(5).nextBytes(noise);
        noise[0] = (byte) 0xff;
        noise[1] = (byte) 0xd8;
        noise[2] = (byte) 0xff;
        Path fake = Files.write(dir.resolve("fake.jpg"), noise);
        e = assertThrows(ThumbnailException.class, () -> thumbnailer.ofFile(fake, ImageBox.JPEG_TN));
        assertEquals(Reason.DAMAGED, e.reason(), e.getMessage());
    }

    @Test
    void aPhotoThatTakesTooLongIsGivenUpOn() {
        Thumbnailer slow = new Thumbnailer(Pictures.steppingClock(1000), Duration.ofSeconds(1));
        ThumbnailException e = assertThrows(ThumbnailException.class,
                () -> slow.ofFile(fixture("12mp.jpg"), ImageBox.JPEG_LRG));
        assertEquals(Reason.TOO_SLOW, e.reason(), e.getMessage());
    }

    private static void assertNear(int expected, int actual, String what) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int d = Math.abs((expected >> shift & 0xff) - (actual >> shift & 0xff));
            assertTrue(d <= 8, String.format("%s: expected %06x, got %06x", what, expected, actual & 0xffffff));
        }
    }
}
