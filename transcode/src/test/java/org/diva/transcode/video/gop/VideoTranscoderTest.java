package org.diva.transcode.video.gop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.VideoFixtures;
import org.diva.transcode.video.h264.H264Encoder;
import org.diva.transcode.video.decode.UnsupportedVideoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transcodes the fixtures to 320x180 H.264 and lets ffmpeg judge the result. */
class VideoTranscoderTest {
    private static final VideoTarget SMALL = new VideoTarget(320, 180, 400_000, 0);

    @TempDir
    Path dir;
    private ExecutorService executor;

    @BeforeEach
    void start() {
        Ffmpeg.assumeInstalled();
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS), "GOP tasks still running");
    }

    @ParameterizedTest
    @CsvSource({"h264_high_bframes.ts", "mpeg2_bframes.ts", "mpeg4_asp.ts"})
    void transcodesToH264ThatFfmpegDecodesFrameForFrame(String fixture) throws IOException {
        Path source = VideoFixtures.path(fixture);
        VideoFixtures.Clip clip = VideoFixtures.read(source);
        List<Packet> out = Transcodes.transcode(clip, clip.packets(), SMALL, executor, 4);
        Path h264 = dir.resolve("out.h264");
        VideoFixtures.writeAnnexB(out, h264);

        assertEquals("", Ffmpeg.decodeErrors(h264));
        assertEquals(Transcodes.frames(source), Transcodes.frames(h264));
        double psnr = Transcodes.psnr(h264, source, 320, 180);
        assertTrue(psnr >= 30, fixture + ": PSNR " + psnr + " dB");
        for (int i = 1; i < out.size(); i++) {
            assertTrue(out.get(i).pts() > out.get(i - 1).pts(), "presentation order at " + i);
            assertEquals(out.get(i).pts(), out.get(i).dts());
        }
        assertTrue(out.get(0).keyframe());
        long bits = 8 * out.stream().mapToLong(p -> p.data().remaining()).sum();
        double seconds = 3.0;
        double rate = bits / seconds;
        System.out.printf("%s -> 320x180 at %d b/s: PSNR %.1f dB, %.0f b/s%n", fixture, SMALL.bitrate(), psnr, rate);
        assertTrue(rate > 0.5 * SMALL.bitrate() && rate < 1.5 * SMALL.bitrate(), fixture + ": " + rate + " b/s");
    }

    @Test
    void aGopThatDoesNotDecodeIsCutShortAndTheRestStays() throws IOException {
        Path source = VideoFixtures.path("h264_high_bframes.ts");
        VideoFixtures.Clip clip = VideoFixtures.read(source);
        List<Packet> packets = new ArrayList<>(clip.packets());
        int second = keyframes(packets).get(1);
        packets.set(second + 3, noisy(packets.get(second + 3)));

        List<Packet> out;
        try (VideoTranscoder transcoder = new VideoTranscoder(clip.stream(), Transcodes.source(packets), SMALL,
                executor, H264Encoder.perGop(), 2)) {
            out = new ArrayList<>();
            for (var p = transcoder.next(); p.isPresent(); p = transcoder.next()) {
                out.add(p.get());
            }
            assertEquals(1, transcoder.skippedGops());
        }
        // The damaged GOP keeps the pictures made before the damage (at most the three packets before it and what
        // the decoder held back); the others are all there.
        assertTrue(out.size() >= 50 && out.size() < 55, "pictures: " + out.size());
        Path h264 = dir.resolve("out.h264");
        VideoFixtures.writeAnnexB(out, h264);
        assertEquals("", Ffmpeg.decodeErrors(h264));
        assertEquals(out.size(), Transcodes.frames(h264));
        long span = out.get(out.size() - 1).pts() + out.get(out.size() - 1).duration() - out.get(0).pts();
        long first = clip.packets().stream().mapToLong(Packet::pts).min().orElseThrow();
        long last = clip.packets().stream().mapToLong(Packet::pts).max().orElseThrow();
        long frame = (last - first) / (clip.packets().size() - 1);
        assertEquals((double) frame * clip.packets().size(), span, frame,
                "the pictures still cover the whole clip: the last good one of the damaged GOP lasts to its end");
    }

    @Test
    void damageInEveryGopEndsTheTranscodeSayingWhy() throws IOException {
        VideoFixtures.Clip clip = VideoFixtures.read(VideoFixtures.path("h264_high_bframes.ts"));
        List<Packet> packets = new ArrayList<>(clip.packets());
        for (int k : keyframes(packets)) {
            packets.set(k + 3, noisy(packets.get(k + 3)));
        }
        MediaFormatException e = assertThrows(MediaFormatException.class,
                () -> Transcodes.transcode(clip, packets, SMALL, executor, 2));
        assertTrue(e.getMessage().contains("3 GOPs in a row do not decode"), e.getMessage());
    }

    @Test
    void anUnsupportedStreamIsRefusedWithItsReason() throws IOException {
        VideoFixtures.Clip clip = VideoFixtures.read(VideoFixtures.path("h264_10bit.ts"));
        UnsupportedVideoException e = assertThrows(UnsupportedVideoException.class,
                () -> Transcodes.transcode(clip, clip.packets(), SMALL, executor, 2));
        assertTrue(e.getMessage().contains("10-bit H.264"), e.getMessage());
    }

    static List<Integer> keyframes(List<Packet> packets) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            if (packets.get(i).keyframe()) {
                at.add(i);
            }
        }
        return at;
    }

    /**
     * The packet with everything after its first 30 bytes (start codes, NAL and slice headers) replaced by noise:
     * slice data that breaks the entropy decoder. (Cut short instead, JCodec decodes zeros without complaint.)
     */
    static Packet noisy(Packet p) {
        byte[] bytes = new byte[p.data().remaining()];
        p.data().duplicate().get(bytes);
        java.util.Random noise = new java.util.Random(7);
        for (int i = 30; i < bytes.length; i++) {
            bytes[i] = (byte) noise.nextInt(256);
            if (i >= 2 && bytes[i - 2] == 0 && bytes[i - 1] == 0 && (bytes[i] & 0xff) <= 3) {
                bytes[i] = 4; // no start code or escape by accident
            }
        }
        return new Packet(p.stream(), p.pts(), p.dts(), p.duration(), p.keyframe(), ByteBuffer.wrap(bytes));
    }
}
