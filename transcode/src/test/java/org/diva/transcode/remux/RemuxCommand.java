package org.diva.transcode.remux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.diva.transcode.demux.StandardDemuxers;
import org.diva.transcode.mux.ts.TsMuxer;
import org.diva.transcode.mux.ts.TsSettings;
import org.diva.transcode.stream.Ticks;

/**
 * Remuxes an MP4, Matroska or MPEG-TS/PS file to MPEG-TS from the command line, for bench/remux and by hand.
 *
 * <ul>
 *   <li>{@code RemuxCommand IN.mp4 OUT.ts [start-seconds]}: one remux, prints how long it took;</li>
 *   <li>{@code RemuxCommand --serve}: reads lines "IN OUT" from stdin and answers each with the milliseconds its
 *       remux took, so a benchmark can time a warm JVM (as in the running server) between runs of its anchor.</li>
 * </ul>
 * The demuxer is chosen by the file's extension.
 */
public final class RemuxCommand {
    private RemuxCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--serve")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] files = line.trim().split(" ");
                System.out.printf("%.1f%n", remux(Path.of(files[0]), Path.of(files[1]), 0));
                System.out.flush();
            }
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: RemuxCommand IN OUT.ts [start-seconds] | RemuxCommand --serve");
            System.exit(2);
        }
        long start = args.length > 2 ? Math.round(Double.parseDouble(args[2]) * Ticks.PER_SECOND) : 0;
        System.out.printf("%.1f ms%n", remux(Path.of(args[0]), Path.of(args[1]), start));
    }

    private static String container(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "mkv", "mka" -> "matroska";
            case "webm" -> "webm";
            case "ts", "mts", "m2ts" -> "mpegts";
            case "mpg", "mpeg", "vob" -> "mpegps";
            default -> "mp4";
        };
    }

    /** One remux; returns the milliseconds it took. */
    static double remux(Path source, Path target, long start) throws IOException {
        long began = System.nanoTime();
        try (FileChannel in = FileChannel.open(source);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            RemuxResult result = new Remuxer(StreamChoice.DEFAULT).run(StandardDemuxers.open(container(source), in),
                    streams -> new TsMuxer(streams, out, TsSettings.DEFAULT), start);
            if (result.outcome() != RemuxResult.Outcome.COMPLETED) {
                throw new IOException("remux of " + source + " ended with " + result.outcome());
            }
        }
        return (System.nanoTime() - began) / 1e6;
    }
}
