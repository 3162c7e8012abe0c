package org.diva.transcode.video.decode;

import org.diva.transcode.video.Frame;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;

/**
 * Copies a JCodec 4:2:0 picture into a {@link Frame}: cropped to what is shown (to an even size, as 4:2:0 frames
 * are) and made unsigned. JCodec 0.2.5 keeps 8-bit samples as signed bytes, each the sample minus 128; adding 128
 * modulo 256 is flipping the top bit, one XOR per byte in a loop the JIT vectorises.
 */
public final class JCodecPictures {
    private JCodecPictures() {
    }

    public static Frame toFrame(Picture picture, long pts) {
        Rect crop = picture.getCrop() != null ? picture.getCrop()
                : new Rect(0, 0, picture.getWidth(), picture.getHeight());
        int x = crop.getX() & ~1;
        int y = crop.getY() & ~1;
        int w = Math.min(crop.getWidth(), picture.getWidth() - x) & ~1;
        int h = Math.min(crop.getHeight(), picture.getHeight() - y) & ~1;
        byte[] luma = new byte[w * h];
        byte[] cb = new byte[(w / 2) * (h / 2)];
        byte[] cr = new byte[cb.length];
        copy(picture.getPlaneData(0), picture.getPlaneWidth(0), x, y, luma, w, h);
        copy(picture.getPlaneData(1), picture.getPlaneWidth(1), x / 2, y / 2, cb, w / 2, h / 2);
        copy(picture.getPlaneData(2), picture.getPlaneWidth(2), x / 2, y / 2, cr, w / 2, h / 2);
        return new Frame(w, h, luma, cb, cr, pts);
    }

    private static void copy(byte[] src, int stride, int x, int y, byte[] dst, int w, int h) {
        for (int row = 0; row < h; row++) {
            int s = (y + row) * stride + x;
            int d = row * w;
            for (int i = 0; i < w; i++) {
                dst[d + i] = (byte) (src[s + i] ^ 0x80);
            }
        }
    }

    /** The reverse, for encoders: unsigned planes into a JCodec picture's signed planes of the same or larger size. */
    public static void fromFrame(Frame frame, Picture target) {
        fill(frame.y(), frame.width(), frame.height(), target.getPlaneData(0), target.getPlaneWidth(0),
                target.getPlaneHeight(0));
        fill(frame.u(), frame.width() / 2, frame.height() / 2, target.getPlaneData(1), target.getPlaneWidth(1),
                target.getPlaneHeight(1));
        fill(frame.v(), frame.width() / 2, frame.height() / 2, target.getPlaneData(2), target.getPlaneWidth(2),
                target.getPlaneHeight(2));
    }

    /** Copies and repeats the last column and row into the padding up to whole macroblocks (as x264 pads). */
    private static void fill(byte[] src, int w, int h, byte[] dst, int stride, int rows) {
        for (int row = 0; row < rows; row++) {
            int s = Math.min(row, h - 1) * w;
            int d = row * stride;
            for (int i = 0; i < w; i++) {
                dst[d + i] = (byte) (src[s + i] ^ 0x80);
            }
            byte edge = dst[d + w - 1];
            for (int i = w; i < stride; i++) {
                dst[d + i] = edge;
            }
        }
    }
}
