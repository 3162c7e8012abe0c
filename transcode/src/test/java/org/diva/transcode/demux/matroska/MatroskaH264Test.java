package org.diva.transcode.demux.matroska;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The H.264 and HEVC packets, concatenated, are an Annex B elementary stream that ffmpeg decodes without a single
 * complaint into as many pictures as there were packets; every keyframe starts with its parameter sets.
 */
class MatroskaH264Test {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"mkv/h264-aac-subs.mkv, h264", "mkv/h264-bframes-nocues.mkv, h264", "mkv/hevc-mp3.mkv, hevc"})
    void annexBDecodesCleanly(String name, String format) throws IOException {
        Ffmpeg.assumeInstalled();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int packets = 0;
        try (FileChannel channel = FileChannel.open(Fixtures.media(name));
             MatroskaDemuxer demuxer = MatroskaDemuxer.open(channel)) {
            ElementaryStream video = demuxer.streams().get(0);
            assertEquals(format, video.codec());
            byte[] config = video.codecPrivateBytes();
            assertTrue(config.length > 8 && config[0] == 0 && config[1] == 0 && config[2] == 0 && config[3] == 1,
                    "codecPrivate is Annex B parameter sets");
            for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                if (p.get().stream() != video.index()) {
                    continue;
                }
                byte[] data = new byte[p.get().data().remaining()];
                p.get().data().duplicate().get(data);
                if (p.get().keyframe()) {
                    assertEquals(java.nio.ByteBuffer.wrap(config),
                            java.nio.ByteBuffer.wrap(data, 0, config.length), "parameter sets before keyframe");
                }
                out.writeBytes(data);
                packets++;
            }
        }
        Path stream = Files.write(dir.resolve("video." + format), out.toByteArray());
        assertEquals("", Ffmpeg.decodeErrors(stream));
        JsonNode probe = Ffmpeg.probe(stream, "-count_frames");
        assertEquals(packets, probe.get("streams").get(0).get("nb_read_frames").asInt(), "decoded pictures");
    }
}
