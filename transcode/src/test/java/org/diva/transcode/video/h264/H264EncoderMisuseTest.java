package org.diva.transcode.video.h264;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;
import org.junit.jupiter.api.Test;

/** API misuse is refused with a message that says what is wrong; the bit writer escapes start-code emulation. */
class H264EncoderMisuseTest {
    @Test
    void frameOfAnotherSizeIsRefused() {
        H264Encoder encoder = H264Encoder.create(new EncoderSettings(64, 48, 25, 100_000, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encoder.encode(Frame.black(64, 64, 0)));
        assertTrue(e.getMessage().contains("64x64"), e.getMessage());
    }

    @Test
    void absurdSizesAndBudgetsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> H264Encoder.create(new EncoderSettings(16384, 16384, 25, 1_000_000, 10)));
        EncoderSettings settings = new EncoderSettings(64, 48, 25, 100_000, 10);
        assertThrows(IllegalArgumentException.class, () -> H264Encoder.forGop(settings, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> H264Encoder.create(settings).withFixedQp(60));
    }

    @Test
    void blackFramesEncodeToASmallStream() {
        H264Encoder encoder = H264Encoder.create(new EncoderSettings(64, 48, 25, 100_000, 10));
        int total = 0;
        for (int i = 0; i < 10; i++) {
            total += encoder.encode(Frame.black(64, 48, i)).data().remaining();
        }
        assertTrue(total < 400, "ten black 64x48 pictures took " + total + " bytes");
    }

    @Test
    void emulationPreventionEscapesZeroRuns() {
        BitWriter bw = new BitWriter();
        bw.u(8, 0);
        bw.u(8, 0);
        bw.u(8, 1);
        bw.u(8, 0);
        bw.u(8, 0);
        bw.u(8, 0x80);
        ByteSink sink = new ByteSink();
        bw.appendNal(sink, 3, 5);
        ByteBuffer out = sink.toBuffer();
        byte[] expected = {0, 0, 0, 1, 0x65, 0, 0, 3, 1, 0, 0, (byte) 0x80};
        assertArrayEquals(expected, java.util.Arrays.copyOf(out.array(), out.remaining()));
    }
}
