package org.diva.transcode.demux.mpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeking lands on the latest video keyframe at or before the target, reports its time, and reading goes on from
 * that keyframe; the expected keyframe is found by reading the whole file.
 */
class MpegDemuxerSeekTest {

    @ParameterizedTest
    @ValueSource(strings = {"mpegdemux/mpeg2_bframes_mp2.ts", "mpegdemux/h264_bframes_aac.ts",
        "mpegdemux/h264_ac3.m2ts", "mpegdemux/mpeg2_ac3.vob", "ts/mp3_eac3_audio.ts"})
    void landsOnTheLatestKeyframeAtOrBeforeTheTarget(String name) throws IOException {
        Path file = Fixtures.media(name);
        DemuxedPackets all = DemuxedPackets.read(file, DemuxedPackets.forName(name));
        List<Long> keyframes = all.of(0).stream().filter(Packet::keyframe).map(Packet::pts).sorted().toList();
        assertTrue(keyframes.size() >= 3, name + " has too few keyframes to test seeking: " + keyframes);
        long first = keyframes.get(0);
        long last = all.of(0).stream().mapToLong(Packet::pts).max().orElseThrow();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             Demuxer demuxer = DemuxedPackets.forName(name).open(channel)) {
            long[] targets = {first - Ticks.PER_SECOND, first, first + 1, (first + last) / 2, keyframes.get(1) - 1,
                keyframes.get(1), keyframes.get(2) + 3000, last, last + 10 * Ticks.PER_SECOND, first + 2 * 45000};
            for (long target : targets) {
                long expected = keyframes.stream().filter(k -> k <= target).reduce((a, b) -> b).orElse(first);
                long landed = demuxer.seek(target);
                assertEquals(expected, landed, name + ": seek to " + target);
                Packet video = firstVideo(demuxer);
                assertTrue(video.keyframe(), name + ": the first video packet after seeking to " + target);
                assertEquals(landed, video.pts(), name + ": the first video packet after seeking to " + target);
                // and the packets after it come as a whole read gives them, times included
                List<Packet> stream0 = all.of(0);
                int at = indexOfKeyframe(stream0, landed);
                for (int k = 1; k <= 6 && at + k < stream0.size(); k++) {
                    Packet expectedNext = stream0.get(at + k);
                    Packet next = firstVideo(demuxer);
                    assertEquals(expectedNext.data(), next.data(), name + ": packet " + k + " after " + landed);
                    assertEquals(expectedNext.pts(), next.pts(), name + ": packet " + k + " after " + landed);
                }
            }
        }
    }

    private static int indexOfKeyframe(List<Packet> packets, long pts) {
        for (int i = 0; i < packets.size(); i++) {
            if (packets.get(i).keyframe() && packets.get(i).pts() == pts) {
                return i;
            }
        }
        throw new AssertionError("no keyframe at " + pts);
    }

    private static Packet firstVideo(Demuxer demuxer) throws IOException {
        for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
            if (p.get().stream() == 0) {
                return p.get();
            }
        }
        throw new AssertionError("no video packet after the seek");
    }
}
