package org.diva.transcode.demux.matroska;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.diva.transcode.testing.Ffmpeg;

/** Packets per stream as "pts size" lines, from ffprobe (the judge) and from our demuxer, for comparing. */
final class FfprobePackets {
    private FfprobePackets() {
    }

    /** ffprobe's packets: per stream index, "pts(ticks) size" in file order; "N/A" for an absent pts. */
    static TreeMap<Integer, List<String>> ffprobe(Path file, boolean withSizes) throws IOException {
        JsonNode json = Ffmpeg.probe(file, "-show_packets");
        TreeMap<Integer, List<String>> out = new TreeMap<>();
        for (JsonNode p : json.get("packets")) {
            int index = p.get("stream_index").asInt();
            String[] tb = json.get("streams").get(index).get("time_base").asText().split("/");
            String pts = p.has("pts")
                    ? Long.toString(Ticks.fromTimescale(p.get("pts").asLong() * Long.parseLong(tb[0]),
                            Long.parseLong(tb[1])))
                    : "N/A";
            out.computeIfAbsent(index, k -> new ArrayList<>())
                    .add(withSizes ? pts + " " + p.get("size").asInt() : pts);
        }
        return out;
    }

    /** Our demuxer's packets in the same form. */
    static TreeMap<Integer, List<String>> ours(Path file, boolean withSizes) throws IOException {
        TreeMap<Integer, List<String>> out = new TreeMap<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             MatroskaDemuxer demuxer = MatroskaDemuxer.open(channel)) {
            for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                String pts = p.get().pts() == Ticks.NONE ? "N/A" : Long.toString(p.get().pts());
                out.computeIfAbsent(p.get().stream(), k -> new ArrayList<>())
                        .add(withSizes ? pts + " " + p.get().data().remaining() : pts);
            }
        }
        return out;
    }
}
