package org.diva.transcode.video.h264;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.Frame;

/** Raw yuv420p clips made and judged by ffmpeg: source frames in, decoded frames back, PSNR between them. */
final class RawVideo {
    private RawVideo() {
    }

    /** Renders {@code count} frames of an ffmpeg lavfi source (e.g. "testsrc2") at the given size. */
    static List<Frame> lavfi(Path dir, String source, int width, int height, int count) throws IOException {
        Path yuv = dir.resolve("src-" + width + "x" + height + ".yuv");
        Ffmpeg.ffmpeg("-f", "lavfi", "-i", source + "=size=" + width + "x" + height + ":rate=25", "-frames:v",
                String.valueOf(count), "-pix_fmt", "yuv420p", "-f", "rawvideo", yuv.toString());
        return read(yuv, width, height);
    }

    static List<Frame> read(Path yuv, int width, int height) throws IOException {
        byte[] all = Files.readAllBytes(yuv);
        int ySize = width * height;
        int cSize = (width / 2) * (height / 2);
        int frameSize = ySize + 2 * cSize;
        List<Frame> frames = new ArrayList<>();
        for (int off = 0; off + frameSize <= all.length; off += frameSize) {
            byte[] y = java.util.Arrays.copyOfRange(all, off, off + ySize);
            byte[] u = java.util.Arrays.copyOfRange(all, off + ySize, off + ySize + cSize);
            byte[] v = java.util.Arrays.copyOfRange(all, off + ySize + cSize, off + frameSize);
            frames.add(new Frame(width, height, y, u, v, frames.size() * 3600L));
        }
        return frames;
    }

    /** Decodes an Annex B file with ffmpeg into frames. */
    static List<Frame> decode(Path h264, int width, int height) throws IOException {
        Path yuv = h264.resolveSibling(h264.getFileName() + ".dec.yuv");
        Ffmpeg.ffmpeg("-xerror", "-f", "h264", "-i", h264.toString(), "-pix_fmt", "yuv420p", "-f", "rawvideo",
                yuv.toString());
        return read(yuv, width, height);
    }

    /** PSNR over all three planes of two frame lists (luma-weighted as 4:2:0 sample counts). */
    static double psnr(List<Frame> a, List<Frame> b) {
        double sse = 0;
        long n = 0;
        for (int i = 0; i < a.size(); i++) {
            sse += sse(a.get(i).y(), b.get(i).y()) + sse(a.get(i).u(), b.get(i).u()) + sse(a.get(i).v(), b.get(i).v());
            n += a.get(i).y().length + 2L * a.get(i).u().length;
        }
        return sse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 * n / sse);
    }

    /** Luma PSNR. */
    static double psnrY(List<Frame> a, List<Frame> b) {
        double sse = 0;
        long n = 0;
        for (int i = 0; i < a.size(); i++) {
            sse += sse(a.get(i).y(), b.get(i).y());
            n += a.get(i).y().length;
        }
        return sse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 * n / sse);
    }

    private static double sse(byte[] a, byte[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            s += d * d;
        }
        return s;
    }
}
