package org.diva.transcode.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.diva.transcode.audio.AudioConverter;
import org.diva.transcode.audio.mp2.Mp2Settings;
import org.diva.transcode.demux.StandardDemuxers;
import org.diva.transcode.mux.Muxer;
import org.diva.transcode.mux.ts.TsMuxer;
import org.diva.transcode.mux.ts.TsSettings;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.gop.VideoTranscodeStage;
import org.diva.transcode.video.h264.H264Encoder;

/**
 * Transcodes a file's first video stream to H.264 in MPEG-TS from the command line, for bench/transcode and by
 * hand, assembled as the server's StreamProduction assembles it: StandardDemuxers, a VideoTranscodeStage with
 * {@link H264Encoder#perGop()} on a GOP pool of one thread per core and twice that many GOPs in flight, the TS
 * muxer. Audio is left out (the benchmark measures video).
 *
 * <ul>
 *   <li>{@code TranscodeCommand IN OUT.ts WIDTH HEIGHT FPS BITRATE}: one transcode, prints how long it took;</li>
 *   <li>{@code TranscodeCommand --serve}: reads lines "IN OUT WIDTH HEIGHT FPS BITRATE" from stdin and answers each
 *       with "MILLISECONDS FRAMES", so a benchmark can time a warm JVM (as in the running server) between runs of
 *       its anchor.</li>
 * </ul>
 * The demuxer is chosen by the file's extension.
 */
public final class TranscodeCommand implements AutoCloseable {
    private final ExecutorService gops;
    private final Pipelines pipelines;
    /** Pictures written by the current run's muxer (one run at a time). */
    private final AtomicLong frames = new AtomicLong();

    TranscodeCommand() {
        int cores = Runtime.getRuntime().availableProcessors();
        this.gops = Executors.newFixedThreadPool(cores, task -> {
            Thread thread = new Thread(task, "diva-gop");
            thread.setDaemon(true);
            return thread;
        });
        this.pipelines = new Pipelines(StandardDemuxers::open,
                // The server's muxer, wrapped to count the pictures written.
                (streams, out) -> new Counting(new TsMuxer(streams, out, TsSettings.DEFAULT), streams, frames),
                (input, target, index) -> new VideoTranscodeStage(input, target, index, gops, H264Encoder.perGop(),
                        2 * cores),
                (input, target, index) -> new AudioConverter(input, new Mp2Settings(target.sampleRate(),
                        target.channels(), target.bitrate() / 1000, true), index));
    }

    public static void main(String[] args) throws IOException {
        try (TranscodeCommand command = new TranscodeCommand()) {
            if (args.length == 1 && args[0].equals("--serve")) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        Result result = command.run(line.trim().split(" +"));
                        System.out.printf(Locale.ROOT, "%.1f %d%n", result.millis(), result.frames());
                        System.out.flush();
                    }
                }
                return;
            }
            if (args.length != 6) {
                System.err.println("usage: TranscodeCommand IN OUT.ts WIDTH HEIGHT FPS BITRATE | TranscodeCommand "
                        + "--serve");
                System.exit(2);
            }
            Result result = command.run(args);
            System.out.printf(Locale.ROOT, "%.1f ms, %d frames, %.1f fps%n", result.millis(), result.frames(),
                    result.frames() * 1000 / result.millis());
        }
    }

    /** One transcode of {@code IN OUT WIDTH HEIGHT FPS BITRATE}. */
    Result run(String[] args) throws IOException {
        if (args.length != 6) {
            throw new IllegalArgumentException("expected IN OUT WIDTH HEIGHT FPS BITRATE, got " + List.of(args));
        }
        double fps = Double.parseDouble(args[4]);
        EncoderSettings settings = new EncoderSettings(Integer.parseInt(args[2]), Integer.parseInt(args[3]), fps,
                Long.parseLong(args[5]), (int) Math.round(2 * fps));
        StreamPlan plan = new StreamPlan(OptionalInt.of(0), Optional.of(settings), OptionalInt.empty(),
                Optional.empty());
        return transcode(Path.of(args[0]), Path.of(args[1]), plan);
    }

    private Result transcode(Path source, Path target, StreamPlan plan) throws IOException {
        frames.set(0);
        long began = System.nanoTime();
        try (FileChannel in = FileChannel.open(source);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            pipelines.run(container(source), in, plan, 0, out, Pipeline.KeyframeListener.NONE);
        }
        return new Result((System.nanoTime() - began) / 1e6, frames.get());
    }

    static String container(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "mkv", "mka" -> "matroska";
            case "webm" -> "webm";
            case "ts", "mts", "m2ts" -> "mpegts";
            case "mpg", "mpeg", "vob" -> "mpegps";
            default -> "mp4";
        };
    }

    @Override
    public void close() {
        gops.shutdownNow();
    }

    record Result(double millis, long frames) {
    }

    /** Counts the video pictures a muxer writes. */
    private record Counting(Muxer muxer, List<ElementaryStream> streams, AtomicLong frames) implements Muxer {
        @Override
        public void write(Packet packet) throws IOException {
            if (streams.get(packet.stream()).kind() == StreamKind.VIDEO) {
                frames.incrementAndGet();
            }
            muxer.write(packet);
        }

        @Override
        public void finish() throws IOException {
            muxer.finish();
        }

        @Override
        public OptionalLong position() {
            return muxer.position();
        }

        @Override
        public void close() throws IOException {
            muxer.close();
        }
    }
}
