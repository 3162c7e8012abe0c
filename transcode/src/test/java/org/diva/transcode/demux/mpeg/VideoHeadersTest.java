package org.diva.transcode.demux.mpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** H.264 keyframes get the last SPS and PPS in band when they lack them; other units pass as they are. */
class VideoHeadersTest {
    private static final byte[] AUD = {0x09, (byte) 0xf0};
    private static final byte[] SPS = {0x67, 0x42, (byte) 0xc0, 0x0b, (byte) 0x8c, 0x68, 0x42, 0x49, (byte) 0xa8};
    private static final byte[] PPS = {0x68, (byte) 0xce, 0x3c, (byte) 0x80};
    private static final byte[] IDR = {0x65, (byte) 0x88, (byte) 0x84, 0x00, 0x33};
    private static final byte[] SLICE = {0x41, (byte) 0x9a, 0x02, 0x11};

    @Test
    void aKeyframeWithoutParameterSetsGetsTheLastOnesAfterItsDelimiter() {
        VideoHeaders headers = new VideoHeaders(VideoSyntax.H264, "h264");
        byte[] first = annexB(AUD, SPS, PPS, IDR);
        assertArrayEquals(first, headers.complete(first, true), "a unit that has them is left alone");
        byte[] slice = annexB(AUD, SLICE);
        assertArrayEquals(slice, headers.complete(slice, false), "no parameter sets before a non-keyframe");
        assertArrayEquals(annexB(AUD, SPS, PPS, IDR), headers.complete(annexB(AUD, IDR), true));
        assertArrayEquals(annexB(SPS, PPS, IDR), headers.complete(annexB(IDR), true), "without a delimiter");
        assertArrayEquals(annexB(SPS, PPS), headers.facts().codecPrivate(), "codec private: SPS and PPS");
    }

    @Test
    void noParameterSetsSeenYetMeansNothingToAdd() {
        VideoHeaders headers = new VideoHeaders(VideoSyntax.H264, "h264");
        byte[] idr = annexB(AUD, IDR);
        assertArrayEquals(idr, headers.complete(idr, true));
    }

    private static byte[] annexB(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] nal : nals) {
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }
}
