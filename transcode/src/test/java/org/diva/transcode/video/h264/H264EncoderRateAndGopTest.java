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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.VideoEncoder.EncodedPicture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate control hits its budget, and GOPs encoded by separate instances on separate threads make one stream. */
class H264EncoderRateAndGopTest {
    private static final int W = 320;
    private static final int H = 240;

    @TempDir
    Path dir;

    @Test
    void averageBitrateIsCloseToTheTarget() throws IOException {
        Ffmpeg.assumeInstalled();
        List<Frame> frames = RawVideo.lavfi(dir, "testsrc2", W, H, 50);
        for (long target : new long[] {150_000, 600_000}) {
            H264Encoder encoder = H264Encoder.create(new EncoderSettings(W, H, 25, target, 25));
            long bytes = 0;
            for (Frame frame : frames) {
                bytes += encoder.encode(frame).data().remaining();
            }
            double bitrate = bytes * 8.0 * 25 / frames.size();
            assertTrue(Math.abs(bitrate - target) < target * 0.15, "target " + target + " got " + bitrate);
        }
    }

    @Test
    void moreBitsGiveHigherQuality() throws IOException {
        Ffmpeg.assumeInstalled();
        List<Frame> frames = RawVideo.lavfi(dir, "mandelbrot", W, H, 20);
        double low = psnrAt(frames, 30);
        double high = psnrAt(frames, 22);
        assertTrue(high > low + 3, "QP 22 gives " + high + " dB, QP 30 " + low + " dB");
    }

    @Test
    void gopsEncodedInParallelConcatenateIntoOneValidStream() throws Exception {
        Ffmpeg.assumeInstalled();
        List<Frame> frames = RawVideo.lavfi(dir, "testsrc2", W, H, 30);
        EncoderSettings settings = new EncoderSettings(W, H, 25, 400_000, 10);
        long gopBits = 400_000L * 10 / 25;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<List<Object[]>>> gops = new ArrayList<>();
        try {
            for (int g = 0; g < 3; g++) {
                int gop = g;
                gops.add(pool.submit(() -> {
                    H264Encoder encoder = H264Encoder.forGop(settings, gopBits, gop);
                    List<Object[]> out = new ArrayList<>();
                    for (int i = gop * 10; i < gop * 10 + 10; i++) {
                        EncodedPicture picture = encoder.encode(frames.get(i));
                        out.add(new Object[] {picture, encoder.reconstruction(picture.pts())});
                    }
                    return out;
                }));
            }
            Path h264 = dir.resolve("gops.h264");
            List<Frame> recon = new ArrayList<>();
            long totalBits = 0;
            try (OutputStream os = Files.newOutputStream(h264)) {
                for (int g = 0; g < 3; g++) {
                    List<Object[]> pictures = gops.get(g).get();
                    long gopSize = 0;
                    for (int i = 0; i < pictures.size(); i++) {
                        EncodedPicture picture = (EncodedPicture) pictures.get(i)[0];
                        assertEquals(i == 0, picture.keyframe(), "keyframe flag of picture " + i + " of GOP " + g);
                        ByteBuffer data = picture.data();
                        gopSize += data.remaining() * 8L;
                        os.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
                        recon.add((Frame) pictures.get(i)[1]);
                    }
                    assertTrue(gopSize < gopBits * 1.3, "GOP " + g + " spent " + gopSize + " of " + gopBits);
                    totalBits += gopSize;
                }
            }
            assertTrue(totalBits > gopBits * 3 * 0.6, "the three GOPs spent only " + totalBits);
            assertEquals("", Ffmpeg.decodeErrors(h264));
            List<Frame> decoded = RawVideo.decode(h264, W, H);
            assertEquals(30, decoded.size());
            for (int i = 0; i < 30; i++) {
                assertArrayEquals(recon.get(i).y(), decoded.get(i).y(), "luma of picture " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void streamHeadersDescribeConstrainedBaselineAtTheRightLevelAndCrop() throws IOException {
        Ffmpeg.assumeInstalled();
        Frame frame = RawVideo.lavfi(dir, "testsrc2", 854, 480, 1).get(0);
        Path h264 = dir.resolve("one.h264");
        ByteBuffer data = H264Encoder.create(new EncoderSettings(854, 480, 30, 1_000_000, 30)).encode(frame).data();
        Files.write(h264, java.util.Arrays.copyOfRange(data.array(), data.position(), data.limit()));
        JsonNode stream = Ffmpeg.probe(h264).get("streams").get(0);
        assertEquals("h264", stream.get("codec_name").asText());
        assertEquals("Constrained Baseline", stream.get("profile").asText());
        assertEquals(854, stream.get("width").asInt());
        assertEquals(480, stream.get("height").asInt());
        assertEquals(31, stream.get("level").asInt());
        assertEquals("30/1", stream.get("r_frame_rate").asText()); // from the VUI's timing_info // 1620 macroblocks fit 3.0, 48600 per second do not
        assertEquals(31, ParameterSets.level(80, 45, 30, 3_000_000));
        assertEquals(40, ParameterSets.level(120, 68, 30, 8_000_000));

        Path ntsc = dir.resolve("ntsc.h264");
        ByteBuffer ntscData = H264Encoder.create(new EncoderSettings(854, 480, 30000.0 / 1001, 1_000_000, 30))
                .encode(frame).data();
        Files.write(ntsc, java.util.Arrays.copyOfRange(ntscData.array(), ntscData.position(), ntscData.limit()));
        assertEquals("30000/1001", Ffmpeg.probe(ntsc).get("streams").get(0).get("r_frame_rate").asText());
    }

    private double psnrAt(List<Frame> frames, int qp) throws IOException {
        H264Encoder encoder = H264Encoder.create(new EncoderSettings(W, H, 25, 1_000_000, 10)).withFixedQp(qp);
        Path h264 = dir.resolve("qp" + qp + ".h264");
        try (OutputStream os = Files.newOutputStream(h264)) {
            for (Frame frame : frames) {
                ByteBuffer data = encoder.encode(frame).data();
                os.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            }
        }
        return RawVideo.psnr(frames, RawVideo.decode(h264, W, H));
    }
}
