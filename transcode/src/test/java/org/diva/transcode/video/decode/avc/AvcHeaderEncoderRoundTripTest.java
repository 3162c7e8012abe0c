package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.VideoEncoder.EncodedPicture;
import org.diva.transcode.video.h264.H264Encoder;
import org.junit.jupiter.api.Test;

/** Headers written by DiVA's own H.264 encoder (CAVLC I/P, cropped size, GOPs) read back by our parsers and DPB. */
class AvcHeaderEncoderRoundTripTest {

    @Test
    void encoderOutputParsesWithItsSizeKeyframesAndOrder() throws Exception {
        int width = 100;
        int height = 60;
        H264Encoder encoder = H264Encoder.create(new EncoderSettings(width, height, 25, 300_000, 4));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Boolean> keyframes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] y = new byte[width * height];
            for (int p = 0; p < y.length; p++) {
                y[p] = (byte) ((p % width) * 2 + (p / width) + 7 * i);
            }
            byte[] u = new byte[width * height / 4];
            byte[] v = new byte[width * height / 4];
            java.util.Arrays.fill(u, (byte) (100 + i));
            java.util.Arrays.fill(v, (byte) (150 - i));
            EncodedPicture picture = encoder.encode(new Frame(width, height, y, u, v, 3600L * i));
            ByteBuffer data = picture.data();
            stream.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            keyframes.add(picture.keyframe());
        }
        List<HeaderWalk.Picture> pictures = HeaderWalk.pictures(stream.toByteArray());
        assertEquals(10, pictures.size());
        Sps sps = pictures.get(0).sps();
        assertEquals(List.of(width, height, 7, 4), List.of(sps.width(), sps.height(), sps.widthMbs(), sps.heightMbs()));
        List<Boolean> idr = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Integer> expectedTypes = new ArrayList<>();
        for (HeaderWalk.Picture p : pictures) {
            idr.add(p.first().idr());
            types.add(p.first().sliceType());
            expectedTypes.add(p.first().idr() ? SliceHeader.I : SliceHeader.P);
        }
        assertEquals(keyframes, idr);
        assertEquals(expectedTypes, types);
        // no B pictures: output order is decoding order
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), DpbFixturesTest.run(pictures, new StringJoiner("")));
    }
}
