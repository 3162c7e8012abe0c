package org.diva.transcode.video.gop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.VideoFixtures;
import org.diva.transcode.video.decode.VideoDecoder;
import org.diva.transcode.video.decode.VideoDecoders;
import org.diva.transcode.video.encode.JCodecH264Encoder;
import org.diva.transcode.video.scale.Scaler;

/**
 * Frames per second of the whole decode + scale + encode of a 1080p H.264 clip to 720p with the JCodec encoder, on one
 * thread and on two, plus decode alone as the anchor every transcode pays. The clip is made with ffmpeg in a temporary
 * directory (never committed). Run from transcode/ with the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.diva.transcode.video.gop.VideoTranscodeBench}.
 */
public final class VideoTranscodeBench {
    private static final int SECONDS = 4;

    private VideoTranscodeBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("diva-video-bench");
        Path clip = dir.resolve("1080p.ts");
        Ffmpeg.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25:duration=" + SECONDS, "-c:v", "libx264",
                "-preset", "fast", "-profile:v", "high", "-g", "25", "-bf", "3", "-crf", "23", "-pix_fmt", "yuv420p",
                clip.toString());
        VideoFixtures.Clip packets = VideoFixtures.read(clip);
        int frames = packets.packets().size();
        VideoTarget hd = new VideoTarget(1280, 720, 3_000_000, 0);

        transcode(packets, hd, 1); // warms the JIT up
        long t0 = System.nanoTime();
        decodeAndScale(packets, false);
        long t1 = System.nanoTime();
        decodeAndScale(packets, true);
        long t2 = System.nanoTime();
        transcode(packets, hd, 1);
        long t3 = System.nanoTime();
        transcode(packets, hd, 2);
        long t4 = System.nanoTime();
        System.out.printf("%d frames 1080p H.264 -> 720p, %d cores%n", frames,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("decode only (anchor):       %6.1f fps%n", fps(frames, t1 - t0));
        System.out.printf("decode + scale:             %6.1f fps (scale %.1f ms a frame)%n", fps(frames, t2 - t1),
                ((t2 - t1) - (t1 - t0)) / 1e6 / frames);
        System.out.printf("decode + scale + encode, 1 thread:  %6.1f fps%n", fps(frames, t3 - t2));
        System.out.printf("decode + scale + encode, 2 threads: %6.1f fps (%.2fx)%n", fps(frames, t4 - t3),
                (double) (t3 - t2) / (t4 - t3));
        Files.delete(clip);
        Files.delete(dir);
    }

    private static void decodeAndScale(VideoFixtures.Clip clip, boolean scale) throws IOException {
        Scaler scaler = new Scaler(1920, 1080, 1280, 720);
        try (VideoDecoder decoder = VideoDecoders.create(clip.stream())) {
            for (Packet p : clip.packets()) {
                for (Frame f : decoder.decode(p)) {
                    if (scale) {
                        scaler.scale(f);
                    }
                }
            }
        }
    }

    private static List<Packet> transcode(VideoFixtures.Clip clip, VideoTarget target, int threads)
            throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            return Transcodes.transcode(clip, clip.packets(), target, executor, 2 * threads);
        } finally {
            executor.shutdownNow();
        }
    }

    private static double fps(int frames, long nanos) {
        return frames / (nanos / 1e9);
    }
}
