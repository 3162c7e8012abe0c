package org.diva.transcode.video.gop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.Ticks;
import org.junit.jupiter.api.Test;

class GopSplitterTest {
    private static final long TICK = 3000; // 30 fps at 90 kHz

    /**
     * ffmpeg's MPEG-2 encoder ends a stream with a keyframe and one leading B picture (decoding order I B, display
     * B I). The splitter read the end of the stream while collecting that picture, forgot it, and asked the source
     * again: VideoTranscodeStage's source answers the end once and then blocks, so the transcode hung in finish().
     */
    @Test
    void streamEndingWithAKeyframesLeadingPictureEndsAfterAskingForTheEndOnce() throws IOException {
        // Decoding order; the number is the display position. Keyframes at 0, 4 and 6; 3 leads 4, 5 leads 6 and
        // is the stream's last packet.
        Deque<Packet> packets = new ArrayDeque<>(List.of(packet(0, true), packet(2, false), packet(1, false),
                packet(4, true), packet(3, false), packet(6, true), packet(5, false)));
        int[] endsAnswered = {0};
        GopSplitter splitter = new GopSplitter(() -> {
            Packet next = packets.poll();
            if (next == null && endsAnswered[0]++ > 0) {
                throw new AssertionError("asked again after the source said it had ended");
            }
            return Optional.ofNullable(next);
        });
        Gop first = splitter.next().orElseThrow();
        Gop second = splitter.next().orElseThrow();
        Gop third = splitter.next().orElseThrow();
        assertTrue(splitter.next().isEmpty());
        assertTrue(splitter.next().isEmpty());
        assertEquals(List.of(4, 2, 1), List.of(first.frames(), second.frames(), third.frames())); // 0-3, 4-5, 6
        assertEquals(List.of(4 * TICK, 6 * TICK, Long.MAX_VALUE), List.of(first.endPts(), second.endPts(),
                third.endPts()));
        assertEquals(List.of(4L, 6L, 5L), second.packets().stream().map(p -> p.pts() / TICK).toList());
    }

    private static Packet packet(long display, boolean key) {
        return new Packet(0, display * TICK, Ticks.NONE, TICK, key, ByteBuffer.allocate(1));
    }
}
