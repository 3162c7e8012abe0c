package org.diva.transcode.thumbnail;

import static org.diva.transcode.thumbnail.Pictures.fixture;
import static org.diva.transcode.thumbnail.Pictures.lumaPsnr;
import static org.diva.transcode.thumbnail.Pictures.psnr;
import static org.diva.transcode.thumbnail.Pictures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.channels.FileChannel;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Thumbnails of H.264 MP4s against ffmpeg's own decode of the same frame, scaled the same way (the *.ref.png that
 * make.sh wrote): the right keyframe, the right colours, the right shape.
 */
class VideoThumbnailTest {
    /**
     * DiVA's picture before JPEG differs from ffmpeg's by rounding only (about 60 dB against ffmpeg 5.1's); the
     * next frame of dark-intro.mp4 is 42 dB from the expected one and the frame before it 23, and a wrong turn,
     * shape, colour matrix or chroma position costs more than that.
     */
    static final double SAME_PICTURE_DB = 50;
    /** The JPEG's luma against ffmpeg's: quality 85 costs some detail, nothing a person would call different. */
    static final double SAME_JPEG_DB = 30;

    private final Thumbnailer thumbnailer = new Thumbnailer(Clock.systemUTC(), Duration.ofSeconds(30));

    @ParameterizedTest(name = "{0}: {1}x{2}")
    @CsvSource({
            "dark-intro.mp4, 160, 120, dark-intro.ref.png", // skips the black keyframe at 10% for the one at 2 s
            "portrait.mp4,    90, 160, portrait.ref.png",
            "rotated.mp4,    120, 160, rotated.ref.png",    // stored 320x240, shown turned a quarter clockwise
            "anamorphic.mp4, 160,  90, anamorphic.ref.png", // stored 480x360 with 4:3 pixels: shown 16:9
    })
    void matchesFfmpegsRenderingOfTheSameFrame(String video, int width, int height, String reference)
            throws Exception {
        BufferedImage expected = read(fixture(reference));
        BufferedImage picture;
        try (FileChannel channel = FileChannel.open(fixture(video))) {
            picture = VideoStill.picture(channel, "mp4", video, ImageBox.JPEG_TN,
                    new Deadline(Clock.systemUTC(), Duration.ofSeconds(30), video));
        }
        double db = psnr(picture, expected);
        assertTrue(db >= SAME_PICTURE_DB, String.format("%s: %.1f dB against ffmpeg's frame", video, db));

        Thumbnail thumbnail = thumbnailer.ofFile(fixture(video), ImageBox.JPEG_TN);
        assertEquals(new PixelSize(width, height), thumbnail.size());
        assertEquals(ImageBox.JPEG_TN, thumbnail.box());
        Pictures.assertBaselineJfif(thumbnail.jpeg());
        double jpegDb = lumaPsnr(read(thumbnail.jpeg()), expected);
        assertTrue(jpegDb >= SAME_JPEG_DB, String.format("%s: the JPEG's luma is %.1f dB from ffmpeg's", video,
                jpegDb));
    }

    @Test
    void theBlackKeyframeIsNotChosen() throws Exception {
        BufferedImage picture = read(thumbnailer.ofFile(fixture("dark-intro.mp4"), ImageBox.JPEG_TN).jpeg());
        BufferedImage black = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        assertTrue(psnr(picture, black) < 15, "the thumbnail shows the test card, not the black opening");
    }

    @Test
    void biggerBoxesScaleTheSameFrame() throws Exception {
        Thumbnail small = thumbnailer.ofFile(fixture("dark-intro.mp4"), ImageBox.JPEG_SM);
        assertEquals(new PixelSize(320, 240), small.size(), "never enlarged beyond the video's own size");
        assertEquals("JPEG_SM", small.box().dlnaProfile());
    }

    @Test
    void multiSliceFramesLeaveNoDecoderThreadsBehind() throws Exception {
        int before = decoderThreads();
        for (int i = 0; i < 5; i++) {
            Thumbnail thumbnail = thumbnailer.ofFile(fixture("slices.mp4"), ImageBox.JPEG_TN);
            assertEquals(new PixelSize(160, 120), thumbnail.size());
        }
        assertEquals(before, decoderThreads(), "JCodec's per-decoder pool threads");
    }

    /** JCodec names none of its threads: they are the default factory's "pool-N-thread-M". */
    private static int decoderThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("pool-")).count();
    }
}
