package org.diva.transcode.remux;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.diva.transcode.demux.mp4.Mp4Demuxer;
import org.diva.transcode.mux.ts.TsMuxer;
import org.diva.transcode.mux.ts.TsSettings;
import org.diva.transcode.stream.Ticks;

/**
 * {@code java -cp ... org.diva.transcode.remux.RemuxCommand IN.mp4 OUT.ts [start-seconds] [repeat]}: remuxes an
 * MP4 to MPEG-TS and prints the milliseconds each run took; what bench/remux times, and a handy tool by hand.
 */
public final class RemuxCommand {
    private RemuxCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RemuxCommand IN.mp4 OUT.ts [start-seconds] [repeat]");
            System.exit(2);
        }
        long start = args.length > 2 ? Math.round(Double.parseDouble(args[2]) * Ticks.PER_SECOND) : 0;
        int repeat = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        for (int i = 0; i < repeat; i++) {
            long began = System.nanoTime();
            try (FileChannel in = FileChannel.open(Path.of(args[0]));
                 FileChannel out = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE,
                         StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                RemuxResult result = new Remuxer(StreamChoice.DEFAULT).run(Mp4Demuxer.open(in),
                        streams -> new TsMuxer(streams, out, TsSettings.DEFAULT), start);
                System.out.printf("%s %d packets in %.1f ms%n", result.outcome(), result.packets(),
                        (System.nanoTime() - began) / 1e6);
            }
        }
    }
}
