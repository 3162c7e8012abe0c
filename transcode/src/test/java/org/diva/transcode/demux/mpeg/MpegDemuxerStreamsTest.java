package org.diva.transcode.demux.mpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stream details and duration as ffprobe reports them; video packets that ffmpeg decodes without complaint. */
class MpegDemuxerStreamsTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"ts/h264_aac_2tracks.ts", "ts/h264_ac3_51.ts", "ts/mp3_eac3_audio.ts",
        "mpegdemux/mpeg2_bframes_mp2.ts", "mpegdemux/h264_bframes_aac.ts", "mpegdemux/h264_ac3.m2ts",
        "mpegdemux/mpeg2_ac3.vob", "ps/dvd_ac3_lpcm.vob", "ps/mpeg1_mp2.mpg"})
    void detailsAndDurationMatchFfprobe(String name) throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = Fixtures.media(name);
        DemuxedPackets ours = DemuxedPackets.read(file, DemuxedPackets.forName(name));
        JsonNode probe = Ffmpeg.probe(file);
        for (ElementaryStream s : ours.streams()) {
            JsonNode t = probe.get("streams").get(s.index());
            String where = name + " stream " + s.index();
            if (s.kind() == StreamKind.VIDEO) {
                assertEquals(t.get("width").asInt(), s.width(), where + " width");
                assertEquals(t.get("height").asInt(), s.height(), where + " height");
            } else if (s.kind() == StreamKind.AUDIO) {
                assertEquals(t.get("sample_rate").asInt(), s.sampleRate(), where + " sample rate");
                assertEquals(t.get("channels").asInt(), s.channels(), where + " channels");
            }
            if (t.path("tags").has("language")) {
                assertEquals(t.path("tags").get("language").asText(), s.language().orElse("und"), where);
            }
        }
        double theirs = probe.get("format").get("duration").asDouble();
        double seconds = ours.demuxer().duration().orElseThrow() / 90_000.0;
        // ffmpeg estimates a transport stream's duration per stream, DiVA spans all streams: up to 0.13 s apart
        assertEquals(theirs, seconds, 0.15, name + " duration");
    }

    @Test
    void h264KeepsParameterSetsInBandAndAacGetsItsConfig() throws IOException {
        DemuxedPackets ours = DemuxedPackets.read(Fixtures.media("mpegdemux/h264_bframes_aac.ts"),
                MpegDemuxers::openTransportStream);
        ElementaryStream video = ours.streams().get(0);
        byte[] priv = video.codecPrivateBytes();
        assertEquals(0x67, priv[4] & 0xff, "codec private starts with an Annex B SPS");
        for (Packet p : ours.of(0)) {
            if (p.keyframe()) {
                byte[] data = new byte[p.data().remaining()];
                p.data().duplicate().get(data);
                assertTrue(containsNal(data, 7) && containsNal(data, 8), "SPS and PPS before the keyframe at "
                        + p.pts());
            }
        }
        // AAC LC (2), 44.1 kHz (index 4), stereo: 00010 0100 0010 000
        assertArrayEquals(new byte[] {0x12, 0x10}, ours.streams().get(1).codecPrivateBytes());
        for (Packet p : ours.of(1)) {
            assertTrue((p.data().get(0) & 0xff) != 0xff || (p.data().get(1) & 0xf6) != 0xf0, "ADTS stripped");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mpegdemux/mpeg2_bframes_mp2.ts:m2v", "mpegdemux/h264_bframes_aac.ts:h264",
        "mpegdemux/h264_ac3.m2ts:h264", "mpegdemux/mpeg2_ac3.vob:m2v", "ps/h264_mp2.mpg:h264",
        "mpegdemux/hevc_aac.ts:hevc"})
    void videoPacketsDecodeWithoutErrors(String spec) throws IOException {
        Ffmpeg.assumeInstalled();
        String name = spec.substring(0, spec.indexOf(':'));
        DemuxedPackets ours = DemuxedPackets.read(Fixtures.media(name), DemuxedPackets.forName(name));
        Path es = temp.resolve("video." + spec.substring(spec.indexOf(':') + 1));
        try (OutputStream out = Files.newOutputStream(es)) {
            for (Packet p : ours.of(0)) {
                byte[] data = new byte[p.data().remaining()];
                p.data().duplicate().get(data);
                out.write(data);
            }
        }
        assertEquals("", Ffmpeg.decodeErrors(es), name);
        JsonNode frames = Ffmpeg.probe(es, "-count_frames");
        assertEquals(ours.of(0).size(), frames.get("streams").get(0).get("nb_read_frames").asInt(),
                name + ": decoded frames");
    }

    private static boolean containsNal(byte[] data, int type) {
        for (int i = 0; i + 3 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0x1f) == type) {
                return true;
            }
        }
        return false;
    }
}
