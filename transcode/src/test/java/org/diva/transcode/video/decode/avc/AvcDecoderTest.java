package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.diva.transcode.video.Frame;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder against ffmpeg's: every picture of every clip in media/avc (one group of coding tools each, see its
 * make.sh) must come out identical, sample for sample, in the same order.
 */
class AvcDecoderTest {
    static final Path CLIPS = Path.of("src/test/resources/media/avc");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"cavlc-intra", "cavlc-p", "cavlc-nodeblock", "cavlc-b-8x8", "cavlc-slices",
            "cabac-intra", "cabac-intra8x8", "cabac-p", "cabac-weightp", "cabac-b-spatial", "cabac-b-temporal",
            "cabac-b-weighted", "cabac-high", "cabac-high-cqm", "cabac-slices", "cabac-nodeblock",
            "cabac-deblock-offsets", "cabac-lowqp"})
    void decodesLikeFfmpeg(String clip) throws Exception {
        Ffmpeg.assumeInstalled();
        Path file = CLIPS.resolve(clip + ".264");
        List<Frame> ours = decode(Files.readAllBytes(file));
        assertEquals(12, ours.size(), clip + ": pictures decoded (make.sh makes 12)");
        assertEquals(208, ours.get(0).width(), clip + ": width");
        assertEquals(120, ours.get(0).height(), clip + ": height");
        List<byte[]> theirs = ffmpegFrames(file, 208, 120);
        assertEquals(theirs.size(), ours.size(), clip + ": number of pictures");
        for (int i = 0; i < ours.size(); i++) {
            String diff = FrameDiff.describe(ours.get(i), theirs.get(i));
            if (!diff.isEmpty()) {
                fail(clip + ": picture " + i + " (display order) differs from ffmpeg's: " + diff);
            }
        }
    }

    static List<Frame> decode(byte[] stream) throws MediaFormatException {
        List<Frame> frames = new ArrayList<>();
        try (AvcDecoder decoder = new AvcDecoder(ByteBuffer.allocate(0))) {
            long n = 0;
            for (ByteBuffer unit : AnnexBAccessUnits.split(stream)) {
                frames.addAll(decoder.decode(new Packet(0, 3600 * n, 3600 * n, 3600, n == 0, unit)));
                n++;
            }
            frames.addAll(decoder.flush());
        }
        return frames;
    }

    private List<byte[]> ffmpegFrames(Path file, int w, int h) throws IOException {
        Path raw = tmp.resolve("ffmpeg.yuv");
        Ffmpeg.ffmpeg("-i", file.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p", raw.toString());
        byte[] all = Files.readAllBytes(raw);
        int size = w * h * 3 / 2;
        List<byte[]> frames = new ArrayList<>();
        for (int off = 0; size > 0 && off + size <= all.length; off += size) {
            frames.add(java.util.Arrays.copyOfRange(all, off, off + size));
        }
        return frames;
    }
}
