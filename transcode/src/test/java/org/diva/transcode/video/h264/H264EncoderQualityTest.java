package org.diva.transcode.video.h264;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quality against the model this encoder follows: x264 -preset ultrafast (when the local ffmpeg has libx264) at
 * the same bitrate on the same raw clip. Equal PSNR is not expected; a regression that costs more than 1.5 dB is.
 */
class H264EncoderQualityTest {
    private static final int W = 640;
    private static final int H = 360;
    private static final int FRAMES = 40;
    private static final long BITRATE = 800_000;

    @TempDir
    Path dir;

    @Test
    void psnrIsWithinOneAndAHalfDecibelOfX264UltrafastAtEqualBitrate() throws IOException {
        Ffmpeg.assumeInstalled();
        assumeTrue(Ffmpeg.run(List.of("ffmpeg", "-hide_banner", "-encoders")).stdout().contains("libx264"),
                "ffmpeg without libx264");
        Path yuv = dir.resolve("clip.yuv");
        Ffmpeg.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=" + W + "x" + H + ":rate=25", "-frames:v",
                String.valueOf(FRAMES), "-pix_fmt", "yuv420p", "-f", "rawvideo", yuv.toString());
        List<Frame> frames = RawVideo.read(yuv, W, H);

        H264Encoder encoder = H264Encoder.create(new EncoderSettings(W, H, 25, BITRATE, 250));
        Path ours = dir.resolve("ours.h264");
        long bytes = 0;
        try (OutputStream os = Files.newOutputStream(ours)) {
            for (Frame frame : frames) {
                ByteBuffer data = encoder.encode(frame).data();
                bytes += data.remaining();
                os.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            }
        }
        Path x264 = dir.resolve("x264.h264");
        Ffmpeg.ffmpeg("-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", W + "x" + H, "-r", "25", "-i", yuv.toString(),
                "-c:v", "libx264", "-preset", "ultrafast", "-threads", "1", "-b:v", String.valueOf(BITRATE), "-g",
                "250", "-f", "h264", x264.toString());
        double ourPsnr = RawVideo.psnr(frames, RawVideo.decode(ours, W, H));
        double x264Psnr = RawVideo.psnr(frames, RawVideo.decode(x264, W, H));
        long x264Bytes = Files.size(x264);
        assertTrue(bytes < x264Bytes * 1.15, "we wrote " + bytes + " bytes, x264 " + x264Bytes);
        assertTrue(ourPsnr > x264Psnr - 1.5, "PSNR " + ourPsnr + " dB, x264 ultrafast " + x264Psnr + " dB");
    }
}
