package org.diva.transcode.video.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.LiveThreads;
import org.diva.transcode.video.VideoFixtures;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JCodec's H.264 decoder starts a thread pool of its own for pictures of several slices and never stops it; ours must
 * leave no thread behind. The control case shows the count would see a leak.
 */
class SingleThreadH264Test {
    private static VideoFixtures.Clip slices;

    @BeforeAll
    static void read() throws IOException {
        Ffmpeg.assumeInstalled();
        slices = VideoFixtures.read(VideoFixtures.path("h264_slices.ts"));
    }

    @Test
    void twentyStreamsLeaveNoThreadBehind() throws IOException {
        decodeOnce(); // loads classes, which may start JVM-wide threads once
        var before = LiveThreads.now();
        for (int i = 0; i < 20; i++) {
            assertEquals(10, decodeOnce());
        }
        assertEquals(java.util.Set.of(), LiveThreads.startedSince(before));
    }

    @Test
    void jcodecOnItsOwnWouldLeaveThemBehind() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1,
                "JCodec is single-threaded on one core");
        var before = LiveThreads.now();
        org.jcodec.codecs.h264.H264Decoder plain = new org.jcodec.codecs.h264.H264Decoder();
        for (Packet p : slices.packets()) {
            plain.decodeFrame(p.data().duplicate(), Picture.create(320, 192, ColorSpace.YUV420J).getData());
        }
        assertTrue(!LiveThreads.startedSince(before).isEmpty(), "the control decoder started no threads");
    }

    private static int decodeOnce() throws IOException {
        int frames = 0;
        try (VideoDecoder decoder = VideoDecoders.create(slices.stream())) {
            for (Packet p : slices.packets()) {
                frames += decoder.decode(p).size();
            }
            frames += decoder.flush().size();
        }
        return frames;
    }
}
