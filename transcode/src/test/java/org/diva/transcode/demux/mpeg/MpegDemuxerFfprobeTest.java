package org.diva.transcode.demux.mpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ffprobe is the judge: for every fixture, each stream's packets must match {@code ffprobe -show_packets} in count,
 * size, presentation and decoding time, and (for audio and every video keyframe) the keyframe flag.
 */
class MpegDemuxerFfprobeTest {
    /** ADTS header bytes ffprobe counts in an AAC packet and DiVA strips (no CRC in these fixtures). */
    private static final int ADTS_HEADER = 7;
    /** Audio cut into frames, which the demuxer times from the frame before when their PES has no time stamp. */
    private static final Set<String> FRAMED_AUDIO = Set.of("aac", "ac3", "eac3", "mp2", "mp3");

    @ParameterizedTest
    @ValueSource(strings = {"ts/h264_aac_2tracks.ts", "ts/h264_ac3.m2ts", "ts/h264_ac3_51.ts",
        "ts/mp3_eac3_audio.ts", "ts/mpeg2_mp2.ts", "mpegdemux/mpeg2_bframes_mp2.ts",
        "mpegdemux/h264_bframes_aac.ts", "mpegdemux/h264_ac3.m2ts", "mpegdemux/mpeg2_ac3.vob",
        "mpegdemux/hevc_aac.ts",
        "ps/mpeg2_mp2.mpg", "ps/mpeg1_mp2.mpg", "ps/dvd_ac3_lpcm.vob", "ps/h264_mp2.mpg",
        "ps/mpeg4_video_only.mpg"})
    void packetsMatchFfprobe(String name) throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = Fixtures.media(name);
        DemuxedPackets ours = DemuxedPackets.read(file, DemuxedPackets.forName(name));
        JsonNode probe = Ffmpeg.probe(file, "-show_packets");
        JsonNode streams = probe.get("streams");
        assertEquals(streams.size(), ours.streams().size(), name + ": stream count");
        List<String> problems = new ArrayList<>();
        for (ElementaryStream stream : ours.streams()) {
            JsonNode theirs = streams.get(stream.index());
            assertEquals(ffprobeCodec(theirs), stream.codec(), name + ": codec of stream " + stream.index());
            compare(name, stream, ours.of(stream.index()), packetsOf(probe, stream.index()), problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
    }

    private static String ffprobeCodec(JsonNode stream) {
        return stream.get("codec_name").asText();
    }

    private static List<JsonNode> packetsOf(JsonNode probe, int index) {
        List<JsonNode> list = new ArrayList<>();
        probe.get("packets").forEach(p -> {
            if (p.get("stream_index").asInt() == index) {
                list.add(p);
            }
        });
        return list;
    }

    private static void compare(String name, ElementaryStream stream, List<Packet> ours, List<JsonNode> theirs,
                                List<String> problems) {
        String where = name + " stream " + stream.index() + " (" + stream.codec() + ")";
        // ffmpeg's muxer gives every transport stream PES packet a time stamp and starts a PES per access unit
        boolean transport = !name.endsWith(".mpg") && !name.endsWith(".vob");
        if (ours.size() != theirs.size()) {
            problems.add(where + ": " + ours.size() + " packets, ffprobe " + theirs.size());
        }
        int timed = 0;
        for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
            Packet p = ours.get(i);
            JsonNode t = theirs.get(i);
            int extra = stream.codec().equals("aac") ? ADTS_HEADER : 0;
            if (stream.codec().equals("hevc")) {
                // ffmpeg's HEVC parser gives the leading zero_byte of each 4-byte start code to the unit before;
                // Annex B (ISO/IEC 23008-2 B.2) and DiVA give it to the unit it begins: one byte moves from the
                // first unit to the last
                extra = (i == 0 ? 1 : 0) - (i == theirs.size() - 1 ? 1 : 0);
            }
            if (p.data().remaining() + extra != t.get("size").asInt()) {
                problems.add(where + " packet " + i + ": size " + p.data().remaining() + " + " + extra + ", ffprobe "
                        + t.get("size").asText());
            }
            if (p.pts() != Ticks.NONE && !t.has("pts") && !transport) {
                timed++; // an MPEG-2 picture the demuxer timed from its temporal_reference, where ffprobe leaves it
            } else if (p.pts() != Ticks.NONE) {
                timed++;
                if (!t.has("pts") || p.pts() != t.get("pts").asLong()) {
                    problems.add(where + " packet " + i + ": pts " + p.pts() + ", ffprobe " + t.path("pts"));
                }
                if (t.has("dts") && p.decodeTime() != t.get("dts").asLong()) {
                    problems.add(where + " packet " + i + ": dts " + p.decodeTime() + ", ffprobe " + t.get("dts"));
                }
            } else if (t.has("pts") && (FRAMED_AUDIO.contains(stream.codec()) || transport)) {
                // video frames and whole-PES streams (LPCM) without a PES time stamp stay untimed; ffmpeg guesses
                problems.add(where + " packet " + i + ": no pts, ffprobe " + t.get("pts"));
            }
            boolean theirKey = t.get("flags").asText().startsWith("K");
            if (p.keyframe() != theirKey) {
                problems.add(where + " packet " + i + ": keyframe " + p.keyframe() + ", ffprobe " + t.get("flags"));
            }
        }
        if (timed == 0 && !ours.isEmpty()) {
            problems.add(where + ": no packet has a time stamp");
        }
    }
}
