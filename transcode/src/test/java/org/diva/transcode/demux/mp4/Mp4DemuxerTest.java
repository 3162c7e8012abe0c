package org.diva.transcode.demux.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every packet of the MP4 fixtures against ffprobe's -show_packets: order, pts, dts, keyframes, sizes. */
class Mp4DemuxerTest {
    static Path fixture(String name) {
        return Path.of("src/test/resources/media/mp4", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264_high_aac_moov_end.mp4", "h264_high_aac_faststart.mp4", "h264_baseline.mov",
        "mpeg4_mp3.mp4", "mpeg2_mp2.mp4", "multilang.mp4", "ac3_eac3_51.mp4", "hevc_main10.mp4", "fragmented.mp4",
        "fragmented_av_implicit.mp4", "tone_title.m4a"})
    void packetsMatchFfprobe(String name) throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = fixture(name);
        JsonNode probe = Ffmpeg.probe(file, "-show_packets");
        List<Packet> ours = readAll(file);
        List<JsonNode> theirs = new ArrayList<>();
        probe.get("packets").forEach(p -> {
            if (isPassedOn(probe, p.get("stream_index").asInt())) {
                theirs.add(p);
            }
        });
        assertEquals(theirs.size(), ours.size(), name + ": packet count");
        for (int i = 0; i < ours.size(); i++) {
            JsonNode p = theirs.get(i);
            Packet q = ours.get(i);
            String at = name + " packet " + i;
            int stream = p.get("stream_index").asInt();
            assertEquals(stream, q.stream(), at + " stream");
            String[] tb = probe.get("streams").get(stream).get("time_base").asText().split("/");
            assertEquals(ticks(p.get("pts").asLong(), tb), q.pts(), 1, at + " pts");
            assertEquals(ticks(p.get("dts").asLong(), tb), q.dts(), 1, at + " dts");
            assertEquals(p.get("flags").asText().startsWith("K"), q.keyframe(), at + " keyframe");
            if (probe.get("streams").get(stream).get("codec_type").asText().equals("audio")) {
                assertEquals(p.get("size").asInt(), q.data().remaining(), at + " size");
            }
        }
    }

    /** The fixtures' chapter tracks (QuickTime text referenced by chap) are not passed on. */
    private static boolean isPassedOn(JsonNode probe, int stream) {
        JsonNode s = probe.get("streams").get(stream);
        return !s.path("codec_type").asText().equals("data") && !s.path("codec_name").asText().equals("bin_data");
    }

    static long ticks(long value, String[] timeBase) {
        return Math.round(value * 90_000.0 * Long.parseLong(timeBase[0]) / Long.parseLong(timeBase[1]));
    }

    static List<Packet> readAll(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file); Mp4Demuxer demuxer = Mp4Demuxer.open(channel)) {
            List<Packet> packets = new ArrayList<>();
            for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                packets.add(p.get());
            }
            return packets;
        }
    }

    static List<ElementaryStream> streams(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file); Mp4Demuxer demuxer = Mp4Demuxer.open(channel)) {
            return demuxer.streams();
        }
    }

    /** The committed fixture's tfhd base_data_offset points 76 bytes early (ffmpeg decodes it as garbage too). */
    @org.junit.jupiter.api.Test
    void wrongFragmentBaseOffsetIsReportedNotPassedOn() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.diva.transcode.probe.MediaFormatException.class,
                () -> readAll(fixture("fragmented_sidx.mp4")));
        assertTrue(e.getMessage().contains("NAL unit"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264_high_aac_moov_end.mp4"})
    void h264BecomesAnnexBWithParameterSetsBeforeKeyframes(String name) throws IOException {
        List<Packet> packets = readAll(fixture(name));
        Packet first = packets.get(0);
        assertTrue(first.keyframe());
        byte[] head = new byte[5];
        first.data().duplicate().get(head);
        assertEquals(1, head[3]);
        assertEquals(7, head[4] & 0x1f, "SPS first");
    }
}
