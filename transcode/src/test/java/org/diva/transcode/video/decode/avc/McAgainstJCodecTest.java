package org.diva.transcode.video.decode.avc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jcodec.codecs.h264.decode.BlockInterpolator;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;

/**
 * A second, independent judge for the interpolation: JCodec's H.264 block interpolator (a decoder in production use)
 * must agree with ours on random pictures at random positions, inside and outside the picture. It guards against a
 * misreading of the standard shared by our kernels and by {@link McModel}, which one engineer wrote.
 * JCodec stores samples minus 128.
 */
class McAgainstJCodecTest {
    private static final int W = 64;
    private static final int H = 48;

    @Test
    void lumaAgreesWithJCodecAtRandomQuarterPositions() {
        Random r = new Random(99);
        byte[] ours = new byte[W * H];
        r.nextBytes(ours);
        byte[] theirs = new byte[W * H];
        for (int i = 0; i < ours.length; i++) {
            theirs[i] = (byte) ((ours[i] & 0xFF) - 128);
        }
        Picture ref = Picture.createPicture(W, H, new byte[][] {theirs, new byte[W * H / 4], new byte[W * H / 4]},
                ColorSpace.YUV420J);
        Picture out = Picture.create(16, 16, ColorSpace.YUV420J);
        BlockInterpolator jcodec = new BlockInterpolator();
        LumaMc mc = new LumaMc();
        byte[] dst = new byte[256];
        int[][] sizes = {{16, 16}, {16, 8}, {8, 16}, {8, 8}, {8, 4}, {4, 8}, {4, 4}};
        for (int n = 0; n < 3000; n++) {
            int[] s = sizes[r.nextInt(sizes.length)];
            int qx = r.nextInt(4 * (W + 40)) - 4 * 20;
            int qy = r.nextInt(4 * (H + 40)) - 4 * 20;
            jcodec.getBlockLuma(ref, out, 0, qx, qy, s[0], s[1]);
            mc.predict(ours, W, H, qx >> 2, qy >> 2, qx & 3, qy & 3, s[0], s[1], dst, 0, 16);
            byte[] o = out.getPlaneData(0);
            for (int y = 0; y < s[1]; y++) {
                for (int x = 0; x < s[0]; x++) {
                    assertEquals(o[y * 16 + x] + 128, (dst[16 * y + x] & 0xFF),
                            "(" + x + ", " + y + ") of " + s[0] + "x" + s[1] + " at quarter (" + qx + ", " + qy + ")");
                }
            }
        }
    }

    @Test
    void chromaAgreesWithJCodecAtRandomEighthPositions() {
        Random r = new Random(98);
        int w = W / 2;
        int h = H / 2;
        byte[] ours = new byte[w * h];
        r.nextBytes(ours);
        byte[] theirs = new byte[w * h];
        for (int i = 0; i < ours.length; i++) {
            theirs[i] = (byte) ((ours[i] & 0xFF) - 128);
        }
        byte[] blk = new byte[64];
        ChromaMc mc = new ChromaMc();
        byte[] dst = new byte[64];
        int[][] sizes = {{8, 8}, {8, 4}, {4, 8}, {4, 4}, {4, 2}, {2, 4}, {2, 2}};
        for (int n = 0; n < 3000; n++) {
            int[] s = sizes[r.nextInt(sizes.length)];
            int ex = r.nextInt(8 * (w + 20)) - 8 * 10;
            int ey = r.nextInt(8 * (h + 20)) - 8 * 10;
            BlockInterpolator.getBlockChroma(theirs, w, h, blk, 0, 8, ex, ey, s[0], s[1]);
            mc.predict(ours, w, h, ex >> 3, ey >> 3, ex & 7, ey & 7, s[0], s[1], dst, 0, 8);
            for (int y = 0; y < s[1]; y++) {
                for (int x = 0; x < s[0]; x++) {
                    assertEquals(blk[y * 8 + x] + 128, (dst[8 * y + x] & 0xFF),
                            "(" + x + ", " + y + ") of " + s[0] + "x" + s[1] + " at eighth (" + ex + ", " + ey + ")");
                }
            }
        }
    }
}
