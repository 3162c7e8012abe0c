package org.diva.transcode.demux.mpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.testing.Ffmpeg;
import org.junit.jupiter.api.Test;

/** 33-bit time stamps unwrap into one monotonic clock. */
class TimelineTest {
    private static final long WRAP = 1L << 33;

    @Test
    void keepsTheFirstValueAndCountsOnAcrossTheWrap() {
        Timeline t = new Timeline();
        assertEquals(WRAP - 900, t.unwrap(WRAP - 900));
        assertEquals(WRAP - 3600, t.unwrap(WRAP - 3600), "a reordered picture stays a little earlier");
        assertEquals(WRAP + 100, t.unwrap(100), "past the wrap");
        assertEquals(WRAP - 500, t.unwrap(WRAP - 500), "a stream a little behind, still before the wrap");
        assertEquals(WRAP + WRAP / 4, t.unwrap(WRAP / 4));
        assertEquals(WRAP + WRAP * 5 / 8, t.unwrap(WRAP * 5 / 8));
        assertEquals(2 * WRAP + 5, t.unwrap(5), "twice round");
    }

    @Test
    void aRecordingAcrossTheWrapReadsMonotonicAndAsFfprobeUnwrapsIt() throws IOException {
        Ffmpeg.assumeInstalled();
        Path file = Fixtures.media("mpegdemux/pts_wrap.ts");
        DemuxedPackets ours = DemuxedPackets.read(file, MpegDemuxers::openTransportStream);
        JsonNode probe = Ffmpeg.probe(file, "-show_packets");
        for (int stream = 0; stream < 2; stream++) {
            List<Packet> packets = ours.of(stream);
            int index = 0;
            long lastDts = Long.MIN_VALUE;
            boolean crossed = false;
            for (JsonNode t : probe.get("packets")) {
                if (t.get("stream_index").asInt() != stream) {
                    continue;
                }
                Packet p = packets.get(index++);
                // ffprobe moves the time stamps before the wrap down by 2^33 instead of those after it up
                assertEquals(t.get("pts").asLong() + WRAP, p.pts(), "stream " + stream + " packet " + index);
                assertTrue(p.decodeTime() > lastDts, "decoding times grow");
                lastDts = p.decodeTime();
                crossed |= p.pts() > WRAP;
            }
            assertEquals(packets.size(), index);
            assertTrue(crossed, "the fixture crosses the wrap");
        }
    }
}
