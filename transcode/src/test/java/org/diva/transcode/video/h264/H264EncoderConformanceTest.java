package org.diva.transcode.video.h264;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.VideoEncoder.EncodedPicture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ffmpeg is the judge: it must decode our streams with -xerror, and every decoded picture must equal the
 * encoder's own reconstruction sample for sample (any difference means encoder and decoder disagree on the
 * bitstream's meaning).
 */
class H264EncoderConformanceTest {
    @TempDir
    Path dir;
    private int skipped;

    @ParameterizedTest(name = "{0} {1}x{2} gop {3}")
    @CsvSource({
        "testsrc2, 320, 240, 12, 400000",
        "mandelbrot, 352, 288, 6, 300000",
        "testsrc2, 854, 480, 10, 1500000",
        "smptebars, 720, 576, 8, 800000",
        "testsrc2, 174, 98, 5, 50000",
        "rgbtestsrc, 64, 48, 3, 20000",
    })
    void ffmpegDecodesExactlyOurReconstruction(String source, int width, int height, int gop, long bitrate)
            throws IOException {
        Ffmpeg.assumeInstalled();
        List<Frame> frames = RawVideo.lavfi(dir, source, width, height, 14);
        assertBitExact(frames, new EncoderSettings(width, height, 25, bitrate, gop));
    }

    @Test
    void noisyMovingClipDecodesExactly() throws IOException {
        Ffmpeg.assumeInstalled();
        Path yuv = dir.resolve("noise.yuv");
        Ffmpeg.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-vf",
                "noise=alls=40:allf=t,scroll=h=0.01:v=0.02", "-frames:v", "12", "-pix_fmt", "yuv420p", "-f",
                "rawvideo", yuv.toString());
        assertBitExact(RawVideo.read(yuv, 320, 240), new EncoderSettings(320, 240, 25, 2_000_000, 30));
    }

    @Test
    void staticClipIsMostlySkipped() throws IOException {
        Ffmpeg.assumeInstalled();
        Frame still = RawVideo.lavfi(dir, "mandelbrot", 320, 240, 1).get(0);
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            frames.add(new Frame(320, 240, still.y(), still.u(), still.v(), i * 3600L));
        }
        assertBitExact(frames, new EncoderSettings(320, 240, 25, 100_000, 30));
        assertTrue(skipped > 7 * 300 * 6 / 10, "skipped " + skipped + " of " + 7 * 300);
    }

    private void assertBitExact(List<Frame> frames, EncoderSettings settings) throws IOException {
        H264Encoder encoder = H264Encoder.create(settings);
        Path h264 = dir.resolve("out.h264");
        List<Frame> recon = new ArrayList<>();
        skipped = 0;
        try (OutputStream out = Files.newOutputStream(h264)) {
            for (Frame frame : frames) {
                EncodedPicture picture = encoder.encode(frame);
                ByteBuffer data = picture.data();
                out.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
                recon.add(encoder.reconstruction(frame.pts()));
                if (!picture.keyframe()) {
                    skipped += encoder.skippedMacroblocks();
                }
            }
        }
        assertEquals("", Ffmpeg.decodeErrors(h264));
        List<Frame> decoded = RawVideo.decode(h264, settings.width(), settings.height());
        assertEquals(frames.size(), decoded.size(), "decoded picture count");
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(recon.get(i).y(), decoded.get(i).y(), "luma of picture " + i);
            assertArrayEquals(recon.get(i).u(), decoded.get(i).u(), "Cb of picture " + i);
            assertArrayEquals(recon.get(i).v(), decoded.get(i).v(), "Cr of picture " + i);
        }
        double psnr = RawVideo.psnr(frames, decoded);
        assertTrue(psnr > 20, "PSNR " + psnr);
    }
}
