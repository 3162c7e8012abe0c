package org.diva.transcode.thumbnail;

import static org.diva.transcode.thumbnail.Pictures.psnr;
import static org.diva.transcode.thumbnail.Pictures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Thumbnails from every container DiVA demuxes and every codec it decodes, each against ffmpeg's decode of the same
 * frame (chosen by its presentation time, on the file's own clock) scaled to the same size with swscale's area filter.
 */
class VideoContainerThumbnailTest {
    /** Two decoders' renderings of one frame; a wrong frame of a moving test card, colour or shape scores lower. */
    static final double SAME_FRAME_DB = 30;

    private final Thumbnailer thumbnailer = new Thumbnailer(Clock.systemUTC(), Duration.ofSeconds(30));
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "mkv/h264-aac-subs.mkv,          matroska",
            "mkv/h264-bframes-nocues.mkv,    matroska", // no cues: the demuxer seeks by scanning clusters
            "mkv/mpeg2-ac3-51.mkv,           matroska",
            "mpegdemux/h264_bframes_aac.ts,  mpegts",
            "mpegdemux/h264_ac3.m2ts,        mpegts",
            "mpegdemux/mpeg2_bframes_mp2.ts, mpegts",
            "mpegdemux/mpeg2_ac3.vob,        mpegps",
            "ps/mpeg2_mp2.mpg,               mpegps",
            "video/mpeg2_bframes.ts,         mpegts",
            "video/mpeg4_asp.ts,             mpegts",
            "video/h264_high_bframes.ts,     mpegts",
            "mp4/mpeg4_mp3.mp4,              mp4",    // MPEG-4 Part 2 with its VOL out of band, in 'esds'
            "mp4/fragmented.mp4,             mp4",
            "thumbnail/anamorphic-asp.mkv,   matroska", // 16:11 pixels stated only in the MPEG-4 VOL
    })
    void matchesFfmpegsDecodeOfTheSameFrame(String fixture, String container) throws Exception {
        Ffmpeg.assumeInstalled();
        Path file = Fixtures.media(fixture);
        VideoStill.Still still;
        try (FileChannel channel = FileChannel.open(file)) {
            still = VideoStill.still(channel, container, fixture, ImageBox.JPEG_TN,
                    new Deadline(Clock.systemUTC(), Duration.ofSeconds(30), fixture));
        }
        int w = still.picture().getWidth();
        int h = still.picture().getHeight();
        assertEquals(displayFit(file), new PixelSize(w, h), "the picture's shape follows the display aspect ffprobe "
                + "reports");
        Path reference = dir.resolve("ref.png");
        // -copyts keeps the file's own clock, on which the demuxer stamped the frame; half a tick of slack for rounding.
        String at = String.format(Locale.ROOT, "%.6f", (still.pts() - 0.5) / 90_000.0);
        Ffmpeg.ffmpeg("-copyts", "-i", file.toString(), "-map", "0:v:0", "-vf", "select='gte(t," + at + ")',scale="
                + w + ":" + h + ":flags=area+full_chroma_int+full_chroma_inp+accurate_rnd,format=rgb24",
                "-frames:v", "1", "-update", "1", reference.toString());
        double db = psnr(still.picture(), read(reference));
        assertTrue(db >= SAME_FRAME_DB, String.format(Locale.ROOT, "%s: the frame at %s s is %.1f dB from ffmpeg's",
                fixture, at, db));

        Thumbnail thumbnail = thumbnailer.ofFile(file, ImageBox.JPEG_TN);
        assertEquals(new PixelSize(w, h), thumbnail.size());
        Pictures.assertBaselineJfif(thumbnail.jpeg());
        System.out.printf(Locale.ROOT, "%s: %dx%d frame at %s s, %.1f dB (luma %.1f dB)%n", fixture, w, h, at, db,
                Pictures.lumaPsnr(still.picture(), read(reference)));
    }

    /** The stored size stretched by ffprobe's sample aspect ratio, fitted into the thumbnail box. */
    private static PixelSize displayFit(Path file) throws Exception {
        JsonNode video = Ffmpeg.probe(file, "-select_streams", "v:0").path("streams").get(0);
        double width = video.path("width").asInt();
        String[] sar = video.path("sample_aspect_ratio").asText("1:1").split(":");
        if (sar.length == 2 && Double.parseDouble(sar[0]) > 0 && Double.parseDouble(sar[1]) > 0) {
            width = width * Double.parseDouble(sar[0]) / Double.parseDouble(sar[1]);
        }
        return ImageBox.JPEG_TN.fit(width, video.path("height").asInt());
    }
}
