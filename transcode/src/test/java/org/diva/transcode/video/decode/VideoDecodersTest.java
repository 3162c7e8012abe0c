package org.diva.transcode.video.decode;

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

    @ParameterizedTest
    @CsvSource({"h264_interlaced.ts, interlaced H.264", "h264_10bit.ts, 10-bit H.264",
            "h264_no_deblock.ts, deblocking filter switched off"})
    void refusesWhatJCodecCannotDecodeAndSaysWhy(String fixture, String reason) throws IOException {
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
