package org.diva.transcode.video.decode;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.video.decode.avc.AvcDecoder;
import org.diva.transcode.video.decode.avc.AvcTesting;

/**
 * Decoding speed of DiVA's H.264 decoder against JCodec's, one thread each, on a raw H.264 file (bench/h264-decode
 * runs it next to ffmpeg's single-threaded decode of the same file). Prints CPU milliseconds per picture per round
 * and the median of each. Usage: {@code H264DecodeBench FILE.264 [ROUNDS] [ours|jcodec|both]}.
 */
public final class H264DecodeBench {
    private H264DecodeBench() {
    }

    public static void main(String[] args) throws Exception {
        byte[] file = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String which = args.length > 2 ? args[2] : "both";
        List<ByteBuffer> units = AvcTesting.accessUnits(file);
        List<Double> ours = new ArrayList<>();
        List<Double> jcodec = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            if (!which.equals("jcodec")) {
                ours.add(run("ours", units, () -> new AvcDecoder(ByteBuffer.allocate(0))));
            }
            if (!which.equals("ours")) {
                jcodec.add(jcodec(units));
            }
        }
        System.out.printf("median ms/picture: ours %.2f, jcodec %.2f%n", median(ours), median(jcodec));
    }

    interface Factory {
        VideoDecoder create() throws Exception;
    }

    private static double run(String name, List<ByteBuffer> units, Factory factory) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        int pictures = 0;
        try (VideoDecoder decoder = factory.create()) {
            long n = 0;
            for (ByteBuffer unit : units) {
                pictures += decoder.decode(new Packet(0, 3000 * n, 3000 * n, 3000, n == 0, unit.duplicate())).size();
                n++;
            }
            pictures += decoder.flush().size();
        }
        double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / pictures;
        System.out.printf("%s: %d pictures, %.2f ms/picture (CPU)%n", name, pictures, ms);
        return ms;
    }

    /**
     * JCodec 0.2.5's decoder through its own API, pictures in decoding order (no reordering: that costs nothing).
     * Each picture gets fresh planes, as JCodec keeps them as references.
     */
    private static double jcodec(List<ByteBuffer> units) throws Exception {
        int width;
        int height;
        try (VideoDecoder probe = new AvcDecoder(ByteBuffer.allocate(0))) {
            List<org.diva.transcode.video.Frame> first = probe.decode(new Packet(0, 0, 0, 0, true,
                    units.get(0).duplicate()));
            first = first.isEmpty() ? probe.flush() : first;
            width = (first.get(0).width() + 15) & ~15;
            height = (first.get(0).height() + 15) & ~15;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        org.jcodec.codecs.h264.H264Decoder decoder = new org.jcodec.codecs.h264.H264Decoder();
        int pictures = 0;
        for (ByteBuffer unit : units) {
            byte[][] planes = org.jcodec.common.model.Picture.create(width, height,
                    org.jcodec.common.model.ColorSpace.YUV420J).getData();
            // JCodec removes emulation prevention bytes in place: it gets a copy, the units stay intact.
            ByteBuffer copy = ByteBuffer.allocate(unit.remaining()).put(unit.duplicate()).flip();
            if (decoder.decodeFrame(copy, planes) != null) {
                pictures++;
            }
        }
        double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / pictures;
        System.out.printf("jcodec: %d pictures, %.2f ms/picture (CPU)%n", pictures, ms);
        return ms;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
