package org.diva.transcode.video.gop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.VideoFixtures;
import org.diva.transcode.video.decode.VideoDecoder;
import org.diva.transcode.video.decode.VideoDecoders;
import org.diva.transcode.video.h264.H264Encoder;
import org.diva.transcode.video.scale.Scaler;

/**
 * Frames per second of the whole decode + scale + encode of a 1080p H.264 clip to 720p with DiVA's H.264 encoder, on one
 * thread and on two, then decode alone (the anchor every transcode pays) and decode + scale. The clip is made with ffmpeg in a temporary
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
        transcode(packets, hd, 1);
        long t1 = System.nanoTime();
        transcode(packets, hd, 2);
        long t2 = System.nanoTime();
        System.out.printf("%d frames 1080p H.264 -> 720p, %d cores%n", frames,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("decode + scale + encode, 1 thread:  %6.1f fps%n", fps(frames, t1 - t0));
        System.out.printf("decode + scale + encode, 2 threads: %6.1f fps (%.2fx)%n", fps(frames, t2 - t1),
                (double) (t1 - t0) / (t2 - t1));
        // Decoding alone, the anchor every transcode pays, on a thread of its own with a deadline: a benchmark must end
        // even if JCodec loops.
        ExecutorService alone = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-decode");
            t.setDaemon(true);
            return t;
        });
        for (boolean scale : new boolean[] {false, true}) {
            long start = System.nanoTime();
            try {
                alone.submit(() -> decodeAndScale(packets, scale)).get(10, TimeUnit.MINUTES);
                System.out.printf("decode%s, 1 thread:  %6.1f fps%n", scale ? " + scale" : " only (anchor)",
                        fps(frames, System.nanoTime() - start));
            } catch (ExecutionException | TimeoutException | InterruptedException e) {
                System.out.println("decode" + (scale ? " + scale" : "") + " did not finish: " + e);
            }
        }
        alone.shutdownNow();
        Files.delete(clip);
        Files.delete(dir);
    }

    private static Void decodeAndScale(VideoFixtures.Clip clip, boolean scale) throws IOException {
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
        return null;
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
