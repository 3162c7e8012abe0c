package org.diva.transcode.mux.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.diva.transcode.demux.StandardDemuxers;
import org.diva.transcode.remux.RemuxResult;
import org.diva.transcode.remux.Remuxer;
import org.diva.transcode.remux.StreamChoice;
import org.diva.transcode.testing.Ffmpeg;

/** Test helpers: remuxing a fixture into {@link Mp4Muxer} through the real demuxers, and ffmpeg's view of files. */
final class Mp4Remux {
    private Mp4Remux() {
    }

    /**
     * Remuxes the source's video and first audio stream into an MP4 written through a bare WritableByteChannel
     * (it has no position to change, so an append-only writer is the only kind that works).
     */
    static Path remux(Path source, String container, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source);
             OutputStream file = Files.newOutputStream(target);
             WritableByteChannel out = Channels.newChannel(file)) {
            RemuxResult result = new Remuxer(StreamChoice.DEFAULT)
                    .run(StandardDemuxers.open(container, in), streams -> new Mp4Muxer(streams, out), 0);
            assertEquals(RemuxResult.Outcome.COMPLETED, result.outcome(), () -> "remux of " + source);
        }
        return target;
    }

    static Path faststart(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            Mp4Faststart.write(in, out);
        }
        return target;
    }

    /** The MD5 of every decoded picture of the first video stream, in presentation order. */
    static List<String> videoFrameHashes(Path file) throws IOException {
        return hashes(videoFramemd5(file));
    }

    /**
     * Each decoded picture's presentation time relative to the first one's, in milliseconds, as the container's
     * timestamps (ctts, the edit list) say it: the decoder reorders pictures itself, so hashes alone would not
     * notice wrong composition offsets.
     */
    static List<Long> videoFrameTimes(Path file) throws IOException {
        String framemd5 = videoFramemd5(file);
        double timeBase = 0;
        List<Long> times = new ArrayList<>();
        long first = Long.MIN_VALUE;
        for (String line : framemd5.split("\n")) {
            if (line.startsWith("#tb 0:")) {
                String[] fraction = line.substring(6).strip().split("/");
                timeBase = Double.parseDouble(fraction[0]) / Double.parseDouble(fraction[1]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                long pts = Long.parseLong(line.split(",")[2].strip());
                first = first == Long.MIN_VALUE ? pts : first;
                times.add(Math.round((pts - first) * timeBase * 1000));
            }
        }
        return times;
    }

    private static String videoFramemd5(Path file) throws IOException {
        Ffmpeg.Result r = Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(), "-map",
                "0:v:0", "-fps_mode", "passthrough", "-f", "framemd5", "-"));
        assertEquals(0, r.exit(), () -> "framemd5 of " + file + ": " + r.stderr());
        return r.stdout();
    }

    /**
     * The MD5 of the first audio stream's decoded samples, frame by frame, by the named decoder (ffmpeg picks its
     * MP3 decoder for any MPEG-1 audio in MP4, which decodes layer II a little differently from its MP2 decoder).
     */
    static List<String> audioFrameHashes(Path file, String decoder) throws IOException {
        Ffmpeg.Result r = Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-nostdin", "-c:a", decoder, "-i",
                file.toString(), "-map", "0:a:0", "-f", "framemd5", "-"));
        assertEquals(0, r.exit(), () -> "framemd5 of " + file + ": " + r.stderr());
        return hashes(r.stdout());
    }

    private static List<String> hashes(String framemd5) {
        List<String> hashes = new ArrayList<>();
        for (String line : framemd5.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.split(",");
                hashes.add(fields[fields.length - 1].strip());
            }
        }
        return hashes;
    }

    /**
     * The file's playing time in seconds as ffmpeg decodes it: from the earliest decoded picture or audio frame to
     * the end of the last (what a container states is missing in Matroska without a Duration, and an estimate from
     * the bitrate in MPEG-PS).
     */
    static double decodedSpan(Path file) throws IOException {
        Ffmpeg.Result r = Ffmpeg.run(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(), "-map",
                "0:v:0?", "-map", "0:a:0?", "-fps_mode", "passthrough", "-f", "framemd5", "-"));
        assertEquals(0, r.exit(), () -> "framemd5 of " + file + ": " + r.stderr());
        double[] timeBase = new double[2];
        double start = Double.MAX_VALUE;
        double end = -Double.MAX_VALUE;
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("#tb ")) {
                String[] f = line.substring(4).split(":");
                String[] fraction = f[1].strip().split("/");
                timeBase[Integer.parseInt(f[0].strip())] = Double.parseDouble(fraction[0])
                        / Double.parseDouble(fraction[1]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split(",");
                double tb = timeBase[Integer.parseInt(f[0].strip())];
                double pts = Long.parseLong(f[2].strip()) * tb;
                start = Math.min(start, pts);
                end = Math.max(end, pts + Long.parseLong(f[3].strip()) * tb);
            }
        }
        return end - start;
    }

    /** The names of the top-level boxes, in file order; fails unless the boxes tile the file exactly. */
    static List<String> topLevel(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<String> types = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            long size = b.getInt(at) & 0xffff_ffffL;
            types.add(new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1));
            assertTrue(size >= 8 && at + size <= bytes.length, "box " + types + " at " + at + " of "
                    + bytes.length);
            at += (int) size;
        }
        return types;
    }
}
