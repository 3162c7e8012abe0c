package org.diva.transcode.demux.matroska;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * seek(t) lands on the last video keyframe at or before t, with and without Cues, and reading on from there gives
 * exactly the packets a straight read gives from that keyframe on.
 */
class MatroskaSeekTest {

    @ParameterizedTest
    @ValueSource(strings = {"mkv/h264-aac-subs.mkv", "mkv/h264-bframes-nocues.mkv", "mkv/mpeg2-ac3-51.mkv",
        "mkv/vp9-opus.webm", "mkv/hevc-mp3.mkv", "mkv/flac-titled.mka"})
    void landsOnTheKeyframeAtOrBefore(String name) throws IOException {
        Path file = Fixtures.media(name);
        try (FileChannel channel = FileChannel.open(file); MatroskaDemuxer demuxer = MatroskaDemuxer.open(channel)) {
            List<Packet> all = readAll(demuxer);
            int seekStream = demuxer.streams().stream().anyMatch(s -> s.kind() == StreamKind.VIDEO) ? 0
                    : demuxer.streams().stream().filter(s -> s.kind() == StreamKind.AUDIO).findFirst().orElseThrow()
                            .index();
            List<Integer> keyframes = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).stream() == seekStream && all.get(i).keyframe()) {
                    keyframes.add(i);
                }
            }
            assertTrue(keyframes.size() >= 1, "keyframes in " + name);
            long last = all.get(keyframes.get(keyframes.size() - 1)).pts();
            for (long target : new long[] {0, Ticks.fromMillis(333), Ticks.fromMillis(500), Ticks.fromMillis(960),
                    Ticks.fromMillis(1500), last, last + 1, Ticks.fromMillis(60_000), Long.MAX_VALUE, -5}) {
                int expected = keyframes.get(0);
                for (int k : keyframes) {
                    if (all.get(k).pts() <= target) {
                        expected = k;
                    }
                }
                long landed = demuxer.seek(target);
                assertEquals(all.get(expected).pts(), landed, name + " seek to " + target);
                List<Packet> after = readAll(demuxer);
                assertEquals(all.size() - expected, after.size(), name + " packets after seeking to " + target);
                assertEquals(all.get(expected).pts(), after.get(0).pts());
                assertEquals(all.get(expected).stream(), after.get(0).stream());
                assertEquals(all.get(all.size() - 1).pts(), after.get(after.size() - 1).pts());
            }
        }
    }

    @Test
    void cuesPointingAtNothingFallBackToWalkingTheClusters(@TempDir Path dir) throws IOException {
        byte[] file = Fixtures.bytes("mkv/mpeg2-ac3-51.mkv");
        int damaged = 0;
        int[] ebml = TestMkv.header(file, 0);
        int[] segment = TestMkv.header(file, ebml[2] + ebml[1]);
        for (int p = segment[2]; p < segment[2] + segment[1]; ) {
            int[] h = TestMkv.header(file, p);
            if (h[0] == 0x1C53BB6B) {
                damaged += pointCuesAtByteOne(file, h[2], h[2] + h[1]);
            }
            p = h[2] + h[1];
        }
        assertTrue(damaged > 0, "the fixture has Cues");
        Path broken = Files.write(dir.resolve("broken-cues.mkv"), file);
        try (FileChannel channel = FileChannel.open(broken); MatroskaDemuxer demuxer = MatroskaDemuxer.open(channel)) {
            assertEquals(Ticks.fromMillis(506), demuxer.seek(Ticks.fromMillis(900)));
            Packet first = demuxer.read().orElseThrow();
            assertEquals(Ticks.fromMillis(506), first.pts());
            assertTrue(first.keyframe());
        }
    }

    /** Rewrites every CueClusterPosition between {@code from} and {@code to} to 1; returns how many. */
    private static int pointCuesAtByteOne(byte[] file, int from, int to) {
        int count = 0;
        for (int p = from; p < to; ) {
            int[] h = TestMkv.header(file, p);
            if (h[0] == 0xBB || h[0] == 0xB7) {
                count += pointCuesAtByteOne(file, h[2], h[2] + h[1]);
            } else if (h[0] == 0xF1) {
                java.util.Arrays.fill(file, h[2], h[2] + h[1], (byte) 0);
                file[h[2] + h[1] - 1] = 1;
                count++;
            }
            p = h[2] + h[1];
        }
        return count;
    }

    private static List<Packet> readAll(MatroskaDemuxer demuxer) throws IOException {
        List<Packet> out = new ArrayList<>();
        for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
            out.add(p.get());
        }
        return out;
    }
}
