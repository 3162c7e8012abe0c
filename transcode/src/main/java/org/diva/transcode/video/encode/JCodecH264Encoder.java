package org.diva.transcode.video.encode;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.diva.transcode.video.EncoderSettings;
import org.diva.transcode.video.Frame;
import org.diva.transcode.video.VideoEncoder;
import org.diva.transcode.video.decode.JCodecPictures;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.VideoEncoder.EncodedFrame;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;

/**
 * JCodec's H.264 encoder (Constrained Baseline: I and P pictures, CAVLC, 16x16 intra and inter prediction) with a
 * per-GOP bit budget ({@link GopRateControl}). The stand-in until DiVA's own encoder: slow (about 10 fps at 720p on
 * one core) and some 30% bigger than x264 at equal quality, but correct. Pictures need not be a whole number of
 * macroblocks: the padding repeats the edge and the SPS crops it off.
 */
public final class JCodecH264Encoder implements VideoEncoder {
    /** JCodec writes log2(keyInterval) into the SPS, which H.264 bounds at 16 bits of frame_num. */
    private static final int MAX_KEY_INTERVAL = 1 << 14;

    private final EncoderSettings settings;
    private final GopRateControl rate;
    private final H264Encoder jcodec;
    private final Picture picture;

    public JCodecH264Encoder(EncoderSettings settings) {
        this.settings = settings;
        rate = new GopRateControl(settings);
        jcodec = new H264Encoder(rate);
        jcodec.setKeyInterval(Math.min(settings.keyframeInterval(), MAX_KEY_INTERVAL));
        int w = (settings.width() + 15) & ~15;
        int h = (settings.height() + 15) & ~15;
        picture = Picture.createCropped(w, h, ColorSpace.YUV420J, new Rect(0, 0, settings.width(),
                settings.height()));
    }

    /** The factory the transcoder takes. */
    public static Function<EncoderSettings, VideoEncoder> factory() {
        return JCodecH264Encoder::new;
    }

    @Override
    public EncodedPicture encode(Frame frame) {
        if (frame.width() != settings.width() || frame.height() != settings.height()) {
            throw new IllegalArgumentException("encoder set up for " + settings.width() + "x" + settings.height()
                    + " got a " + frame.width() + "x" + frame.height() + " frame");
        }
        JCodecPictures.fromFrame(frame, picture);
        ByteBuffer out = ByteBuffer.allocate(picture.getWidth() * picture.getHeight() * 2 + 4096);
        EncodedFrame encoded = jcodec.encodeFrame(picture, out);
        ByteBuffer data = encoded.getData();
        rate.coded(8L * data.remaining());
        ByteBuffer exact = ByteBuffer.allocate(data.remaining()).put(data);
        exact.flip();
        return new EncodedPicture(exact, encoded.isKeyFrame(), frame.pts());
    }
}
