package org.diva.transcode.video;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.testing.Ffmpeg;

/**
 * The video fixtures of media/video and their packets as a demuxer would hand them on, read with ffprobe (pts, dts,
 * keyframe flag and the bytes of each packet of the first video stream), so these tests need no DiVA demuxer.
 */
public final class VideoFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VideoFixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(VideoFixtures.class.getResource("/media/video/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture media/video/" + name, e);
        }
    }

    /** A fixture's video stream and packets. */
    public record Clip(ElementaryStream stream, List<Packet> packets) {
    }

    public static Clip read(Path file) throws IOException {
        JsonNode streams = Ffmpeg.probe(file, "-select_streams", "v:0").path("streams");
        JsonNode s = streams.get(0);
        ElementaryStream stream = ElementaryStream.video(0, s.path("codec_name").asText(), ByteBuffer.allocate(0),
                s.path("width").asInt(), s.path("height").asInt());
        Ffmpeg.Result result = Ffmpeg.run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0",
                "-show_packets", "-show_data", "-of", "json", file.toString()));
        if (result.exit() != 0) {
            throw new IOException("ffprobe failed on " + file + ": " + result.stderr());
        }
        List<Packet> packets = new ArrayList<>();
        for (JsonNode p : JSON.readTree(result.stdout()).path("packets")) {
            long pts = p.has("pts") ? p.get("pts").asLong() : Ticks.NONE;
            long dts = p.has("dts") ? p.get("dts").asLong() : Ticks.NONE;
            packets.add(new Packet(0, pts, dts, p.path("duration").asLong(0),
                    p.path("flags").asText().startsWith("K"), ByteBuffer.wrap(hex(p.path("data").asText()))));
        }
        return new Clip(stream, packets);
    }

    /** Writes encoded packets as a raw Annex B H.264 file, for ffmpeg to judge. */
    public static void writeAnnexB(List<Packet> packets, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Packet p : packets) {
                ByteBuffer data = p.data().duplicate();
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                out.write(bytes);
            }
        }
    }

    /** ffprobe's hex dump: "00000000: 0000 0001 0910 ...  ascii", sixteen bytes a line. */
    private static byte[] hex(String dump) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (String line : dump.split("\n")) {
            if (line.length() < 10) {
                continue;
            }
            String digits = line.substring(10, Math.min(line.length(), 50)).replace(" ", "");
            for (int i = 0; i + 1 < digits.length(); i += 2) {
                bytes.write(Integer.parseInt(digits.substring(i, i + 2), 16));
            }
        }
        return bytes.toByteArray();
    }
}
