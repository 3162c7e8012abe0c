package org.diva.transcode.video.h264;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;

/**
 * The Java half of {@code bench/transcode-encoder}: encodes a raw yuv420p clip held in memory with DiVA's encoder
 * or JCodec's, times only the encoding, writes the Annex B stream, and prints one line of figures. Not a test.
 *
 * <p>Usage: {@code EncoderBench diva|jcodec input.yuv width height fps bitrate gop output.h264}
 */
public final class EncoderBench {
    private EncoderBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 8) {
            throw new IllegalArgumentException("usage: EncoderBench diva|jcodec in.yuv width height fps bitrate gop "
                    + "out.h264");
        }
        String which = args[0];
        int width = Integer.parseInt(args[2]);
        int height = Integer.parseInt(args[3]);
        double fps = Double.parseDouble(args[4]);
        long bitrate = Long.parseLong(args[5]);
        int gop = Integer.parseInt(args[6]);
        List<Frame> frames = RawVideo.read(Path.of(args[1]), width, height);
        EncoderSettings settings = new EncoderSettings(width, height, fps, bitrate, gop);
        // Warm the JIT on a few pictures with a throw-away instance, as a long-running server would be.
        Encoder warm = encoder(which, settings);
        for (int i = 0; i < Math.min(30, frames.size()); i++) {
            warm.encode(frames.get(i));
        }
        Encoder encoder = encoder(which, settings);
        ByteBuffer[] out = new ByteBuffer[frames.size()];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < frames.size(); i++) {
            out[i] = encoder.encode(frames.get(i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long bytes = 0;
        try (OutputStream os = Files.newOutputStream(Path.of(args[7]))) {
            for (ByteBuffer b : out) {
                bytes += b.remaining();
                os.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            }
        }
        // CPU time of the encoding thread is the figure: the machine may be shared, wall time is printed beside it.
        System.out.printf("encoder=%s frames=%d cpu_seconds=%.3f wall_seconds=%.3f fps=%.2f ms_per_frame=%.2f"
                + " kbps=%.0f%n", which, frames.size(), cpuSeconds, seconds, frames.size() / cpuSeconds,
                cpuSeconds * 1000 / frames.size(), bytes * 8 * fps / frames.size() / 1000);
    }

    private interface Encoder {
        ByteBuffer encode(Frame frame);
    }

    private static Encoder encoder(String which, EncoderSettings settings) {
        return switch (which) {
            case "diva" -> {
                H264Encoder diva = H264Encoder.create(settings);
                yield frame -> diva.encode(frame).data();
            }
            case "jcodec" -> jcodec(settings);
            default -> throw new IllegalArgumentException("unknown encoder " + which);
        };
    }

    /** JCodec 0.2.5's H264Encoder on signed-sample pictures (converted in the timed loop, as a pipeline must). */
    private static Encoder jcodec(EncoderSettings settings) {
        org.jcodec.codecs.h264.H264Encoder enc = org.jcodec.codecs.h264.H264Encoder.createH264Encoder();
        enc.setKeyInterval(settings.keyframeInterval());
        int w = settings.width();
        int h = settings.height();
        org.jcodec.common.model.Picture pic = org.jcodec.common.model.Picture.create(w, h,
                org.jcodec.common.model.ColorSpace.YUV420J);
        ByteBuffer buf = ByteBuffer.allocate(w * h * 3);
        return frame -> {
            toSigned(frame.y(), pic.getPlaneData(0));
            toSigned(frame.u(), pic.getPlaneData(1));
            toSigned(frame.v(), pic.getPlaneData(2));
            buf.clear();
            ByteBuffer data = enc.encodeFrame(pic, buf).getData();
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            copy.put(data).flip();
            return copy;
        };
    }

    private static void toSigned(byte[] src, byte[] dst) {
        for (int i = 0; i < src.length; i++) {
            dst[i] = (byte) ((src[i] & 0xFF) - 128);
        }
    }
}
