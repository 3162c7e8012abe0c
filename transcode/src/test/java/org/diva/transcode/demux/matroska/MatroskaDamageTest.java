package org.diva.transcode.demux.matroska;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live (unknown-size) files read like the file they came from; truncated and corrupted files give the packets
 * before the damage and then a clean end or a MediaFormatException naming a byte, never a hang or another error.
 */
class MatroskaDamageTest {
    private static final String FIXTURE = "mkv/h264-aac-subs.mkv";

    @TempDir
    Path dir;

    @Test
    void unknownSizeSegmentAndClustersReadLikeTheOriginal() throws IOException {
        Path live = Files.write(dir.resolve("live.mkv"), TestMkv.withUnknownSizes(Fixtures.bytes(FIXTURE)));
        assertEquals(FfprobePackets.ours(Fixtures.media(FIXTURE), true), FfprobePackets.ours(live, true));
        Ffmpeg.assumeInstalled();
        var judged = FfprobePackets.ffprobe(live, false);
        var ours = FfprobePackets.ours(live, false);
        assertEquals(judged, ours);
    }

    @Test
    void unknownSizeFileSeeksByWalkingClusters() throws IOException {
        Path live = Files.write(dir.resolve("live.mkv"), TestMkv.withUnknownSizes(Fixtures.bytes(FIXTURE)));
        try (FileChannel channel = FileChannel.open(live); MatroskaDemuxer demuxer = MatroskaDemuxer.open(channel)) {
            long landed = demuxer.seek(45_000);
            Packet first = demuxer.read().orElseThrow();
            assertEquals(landed, first.pts());
            assertTrue(first.keyframe() && first.stream() == 0 && landed <= 45_000);
        }
    }

    @Test
    @Timeout(60)
    void truncatedFileGivesThePacketsBeforeTheCut() throws IOException {
        byte[] whole = Fixtures.bytes(FIXTURE);
        List<Packet> all = readAll(Fixtures.media(FIXTURE));
        for (int cut = whole.length - 1; cut > 2000; cut -= 997) {
            Path file = Files.write(dir.resolve("cut.mkv"), java.util.Arrays.copyOf(whole, cut));
            List<Packet> got = new ArrayList<>();
            try {
                readInto(file, got);
            } catch (MediaFormatException expected) {
                assertTrue(expected.getMessage().contains("byte"), expected.getMessage());
            }
            assertTrue(got.size() <= all.size());
            for (int i = 0; i < got.size(); i++) {
                assertEquals(all.get(i).pts(), got.get(i).pts(), "cut at " + cut + ", packet " + i);
                assertEquals(all.get(i).data(), got.get(i).data(), "cut at " + cut + ", packet " + i);
            }
        }
    }

    @Test
    @Timeout(60)
    void corruptedBytesNeverEscapeAsAnythingButMediaFormatException() throws IOException {
        byte[] whole = Fixtures.bytes(FIXTURE);
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] damaged = whole.clone();
            for (int i = 0; i < 1 + round % 8; i++) {
                damaged[1000 + random.nextInt(whole.length - 1000)] = (byte) random.nextInt(256);
            }
            Path file = Files.write(dir.resolve("bad.mkv"), damaged);
            try {
                readInto(file, new ArrayList<>());
            } catch (MediaFormatException expected) {
                // what damage may cost
            } catch (RuntimeException | IOException e) {
                fail("round " + round + ": " + e, e);
            }
        }
    }

    private static List<Packet> readAll(Path file) throws IOException {
        List<Packet> out = new ArrayList<>();
        readInto(file, out);
        return out;
    }

    private static void readInto(Path file, List<Packet> out) throws IOException {
        try (FileChannel channel = FileChannel.open(file); MatroskaDemuxer demuxer = MatroskaDemuxer.open(channel)) {
            for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                out.add(p.get());
            }
        }
    }
}
