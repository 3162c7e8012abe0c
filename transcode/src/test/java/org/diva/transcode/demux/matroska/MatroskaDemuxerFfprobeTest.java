package org.diva.transcode.demux.matroska;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our packets equal ffprobe's: the same count, presentation times and sizes per stream, for every Matroska
 * fixture. H.264 sizes differ by design (we hand on Annex B with parameter sets), so only their times are compared;
 * {@link MatroskaH264Test} proves those payloads decode.
 */
class MatroskaDemuxerFfprobeTest {

    @ParameterizedTest
    @ValueSource(strings = {"mkv/mpeg2-ac3-51.mkv", "mkv/vp9-opus.webm", "mkv/flac-titled.mka",
        "mkv/h264-aac-subs.mkv", "mkv/h264-bframes-nocues.mkv", "mkv/hevc-mp3.mkv"})
    void packetsMatchFfprobe(String name) throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = Fixtures.media(name);
        TreeMap<Integer, List<String>> expected = FfprobePackets.ffprobe(file, true);
        TreeMap<Integer, List<String>> actual = FfprobePackets.ours(file, true);
        assertFalse(expected.isEmpty());
        assertEquals(expected.keySet(), actual.keySet(), "streams with packets");
        try (var channel = java.nio.channels.FileChannel.open(file);
             MatroskaDemuxer demuxer = MatroskaDemuxer.open(channel)) {
            for (int stream : expected.keySet()) {
                String codec = demuxer.streams().get(stream).codec();
                boolean annexB = codec.equals("h264") || codec.equals("hevc");
                assertEquals(annexB ? times(expected.get(stream)) : expected.get(stream),
                        annexB ? times(actual.get(stream)) : actual.get(stream), name + " stream " + stream + " ("
                                + codec + ")");
            }
        }
    }

    private static List<String> times(List<String> lines) {
        return lines.stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
    }
}
