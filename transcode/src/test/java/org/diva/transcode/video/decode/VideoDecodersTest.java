package org.diva.transcode.video.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.VideoFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoDecodersTest {
    @BeforeAll
    static void ffmpeg() {
        Ffmpeg.assumeInstalled();
    }

    @ParameterizedTest
    @CsvSource({"h264_high_bframes.ts, 75", "mpeg2_bframes.ts, 75", "mpeg4_asp.ts, 75"})
    void decodesEveryPictureInDisplayOrder(String fixture, int pictures) throws IOException {
        VideoFixtures.Clip clip = VideoFixtures.read(VideoFixtures.path(fixture));
        List<Frame> frames = new ArrayList<>();
        try (VideoDecoder decoder = VideoDecoders.create(clip.stream())) {
            for (Packet p : clip.packets()) {
                frames.addAll(decoder.decode(p));
            }
            frames.addAll(decoder.flush());
        }
        assertEquals(pictures, frames.size());
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i).pts() > frames.get(i - 1).pts(), "display order at frame " + i);
        }
        assertEquals(640, frames.get(0).width());
        assertEquals(360, frames.get(0).height());
    }

    /** JCodec ignored disable_deblocking_filter_idc and drifted on x264 ultrafast clips; ours must not. */
    @org.junit.jupiter.api.Test
    void decodesStreamsWithTheDeblockingFilterOffLikeFfmpeg() throws IOException {
        java.nio.file.Path file = VideoFixtures.path("h264_no_deblock.ts");
        VideoFixtures.Clip clip = VideoFixtures.read(file);
        List<Frame> frames = decodeAll(clip, clip.packets());
        java.nio.file.Path raw = java.nio.file.Files.createTempFile("no-deblock", ".yuv");
        try {
            Ffmpeg.ffmpeg("-i", file.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p", raw.toString());
            byte[] all = java.nio.file.Files.readAllBytes(raw);
            Frame first = frames.get(0);
            int size = first.width() * first.height() * 3 / 2;
            assertEquals(all.length / size, frames.size(), "pictures");
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                byte[] ours = new byte[size];
                System.arraycopy(f.y(), 0, ours, 0, f.y().length);
                System.arraycopy(f.u(), 0, ours, f.y().length, f.u().length);
                System.arraycopy(f.v(), 0, ours, f.y().length + f.u().length, f.v().length);
                assertArrayEquals(java.util.Arrays.copyOfRange(all, i * size, (i + 1) * size), ours, "picture " + i);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(raw);
        }
    }

    /** JCodec unescaped H.264 packets in place; decoded a second time they were damage (or a CABAC endless loop). */
    @ParameterizedTest
    @CsvSource({"h264_high_bframes.ts", "mpeg2_bframes.ts", "mpeg4_asp.ts"})
    void decodingLeavesThePacketsUntouched(String fixture) throws IOException {
        VideoFixtures.Clip clip = VideoFixtures.read(VideoFixtures.path(fixture));
        List<Packet> firstGop = clip.packets().subList(0, 12);
        List<byte[]> before = firstGop.stream().map(VideoDecodersTest::bytes).toList();
        long first = checksum(decodeAll(clip, firstGop));
        for (int i = 0; i < firstGop.size(); i++) {
            assertArrayEquals(before.get(i), bytes(firstGop.get(i)), "packet " + i + " changed");
        }
        assertEquals(first, checksum(decodeAll(clip, firstGop)));
    }

    private static List<Frame> decodeAll(VideoFixtures.Clip clip, List<Packet> packets) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (VideoDecoder decoder = VideoDecoders.create(clip.stream())) {
            for (Packet p : packets) {
                frames.addAll(decoder.decode(p));
            }
            frames.addAll(decoder.flush());
        }
        return frames;
    }

    private static long checksum(List<Frame> frames) {
        long sum = 0;
        for (Frame f : frames) {
            sum = sum * 31 + java.util.Arrays.hashCode(f.y()) + 7L * java.util.Arrays.hashCode(f.v());
        }
        return sum;
    }

    private static byte[] bytes(Packet p) {
        byte[] b = new byte[p.data().remaining()];
        p.data().duplicate().get(b);
        return b;
    }

    @ParameterizedTest
    @CsvSource({"h264_interlaced.ts, interlaced H.264", "h264_10bit.ts, 10-bit H.264"})
    void refusesWhatItCannotDecodeAndSaysWhy(String fixture, String reason) throws IOException {
        VideoFixtures.Clip clip = VideoFixtures.read(VideoFixtures.path(fixture));
        UnsupportedVideoException e = assertThrows(UnsupportedVideoException.class, () -> {
            try (VideoDecoder decoder = VideoDecoders.create(clip.stream())) {
                for (Packet p : clip.packets()) {
                    decoder.decode(p);
                }
            }
        });
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
