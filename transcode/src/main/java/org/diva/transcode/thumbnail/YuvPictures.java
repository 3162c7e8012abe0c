package org.diva.transcode.thumbnail;

import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;

/** Views a JCodec 4:2:0 picture as a {@link YuvPicture}: its planes cropped to the shown rectangle, unsigned. */
final class YuvPictures {
    /** JCodec keeps 8-bit samples as signed bytes, each the sample minus 128. */
    private static final int JCODEC_BIAS = 128;

    private YuvPictures() {
    }

    static YuvPicture of(Picture picture, YuvColor color, double pixelAspect, int turn) {
        int stride = picture.getPlaneWidth(0);
        Rect crop = picture.getCrop() != null ? picture.getCrop()
                : new Rect(0, 0, picture.getWidth(), picture.getHeight());
        int x = crop.getX();
        int y = crop.getY();
        int w = crop.getWidth();
        int h = crop.getHeight();
        Plane luma = new Plane(picture.getPlaneData(0), y * stride + x, stride, w, h, JCODEC_BIAS);
        int cStride = picture.getPlaneWidth(1);
        int cw = (x + w + 1) / 2 - x / 2;
        int ch = (y + h + 1) / 2 - y / 2;
        int cOffset = (y / 2) * cStride + x / 2;
        Plane cb = new Plane(picture.getPlaneData(1), cOffset, cStride, cw, ch, JCODEC_BIAS);
        Plane cr = new Plane(picture.getPlaneData(2), cOffset, cStride, cw, ch, JCODEC_BIAS);
        return new YuvPicture(luma, cb, cr, color, pixelAspect, turn);
    }
}
