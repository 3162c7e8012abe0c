package org.diva.transcode.video.decode;

import org.diva.transcode.probe.MediaFormatException;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/** Sizes the planes JCodec's MPEG decoders write into from the first packet's headers, within sane bounds. */
final class PlaneSize {
    /** 4096x2304: 4K with room for DCI's width; bounds what a hostile header can make us allocate per picture. */
    static final long MAX_PIXELS = 4096L * 2304;
    private final boolean full;

    PlaneSize(boolean fullSizeChroma) {
        full = fullSizeChroma;
    }

    byte[][] planes(VideoCodecMeta meta, int alignX, int alignY, String where) throws MediaFormatException {
        if (meta == null || meta.getSize() == null) {
            throw new MediaFormatException("the video stream does not start with its sequence header (" + where
                    + "); decoding must start at a keyframe");
        }
        int width = align(meta.getSize().getWidth(), alignX);
        int height = align(meta.getSize().getHeight(), alignY);
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new MediaFormatException("video picture size " + meta.getSize().getWidth() + "x"
                    + meta.getSize().getHeight() + " (" + where + ") is empty or larger than the 4096x2304 DiVA "
                    + "decodes");
        }
        // JCodec's MPEG-1/2 decoder demands three full-size planes (it could meet 4:4:4); 4:2:0 uses a quarter.
        return full ? new byte[][] {new byte[width * height], new byte[width * height], new byte[width * height]}
                : Picture.create(width, height, ColorSpace.YUV420).getData();
    }

    private static int align(int value, int to) {
        return (value + to - 1) / to * to;
    }
}
