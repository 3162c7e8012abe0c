package org.diva.transcode.demux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding times derived from presentation times in decoding order, for GOP structures x264 and DVDs use. */
class DecodeTimesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "no B-frames; 0 1 2 3 4 5 6 7",
            "one B-frame; 0 2 1 4 3 6 5 8 7",
            "B-pyramid (x264 default); 0 4 2 1 3 8 6 5 7 9",
            "open GOP as on DVDs; 2 0 1 5 3 4 8 6 7",
            "three B-frames, no pyramid; 0 4 1 2 3 8 5 6 7"})
    void decodingTimesRiseAndNeverPassThePresentationTimes(String structure, String displayOrder) {
        DecodeTimes times = new DecodeTimes(4);
        List<Packet> out = new ArrayList<>();
        String[] frames = displayOrder.trim().split(" ");
        for (String frame : frames) {
            long pts = Long.parseLong(frame) * 3600 + 90_000;
            out.addAll(times.push(new Packet(0, pts, Ticks.NONE, 3600, false, ByteBuffer.allocate(1))));
        }
        out.addAll(times.flush());
        assertEquals(frames.length, out.size(), structure);
        for (int i = 0; i < out.size(); i++) {
            Packet p = out.get(i);
            assertEquals(Long.parseLong(frames[i]) * 3600 + 90_000, p.pts(), "order kept");
            assertTrue(p.dts() <= p.pts(), structure + ": dts " + p.dts() + " after pts " + p.pts() + " at " + i);
            assertTrue(i == 0 || p.dts() > out.get(i - 1).dts(), structure + ": dts must rise at " + i);
        }
    }

    @ParameterizedTest(name = "a reset after a seek starts over: {0}")
    @CsvSource({"2", "5"})
    void aResetForgetsWhatWasHeld(int before) {
        DecodeTimes times = new DecodeTimes(4);
        for (int i = 0; i < before; i++) {
            times.push(new Packet(0, i * 3600L, Ticks.NONE, 3600, false, ByteBuffer.allocate(1)));
        }
        times.reset();
        List<Packet> out = new ArrayList<>(times.push(new Packet(0, 0, Ticks.NONE, 3600, true,
                ByteBuffer.allocate(1))));
        out.addAll(times.flush());
        assertEquals(1, out.size());
        assertEquals(0 - 4 * 3600, out.get(0).dts());
    }
}
