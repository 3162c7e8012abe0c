package org.diva.transcode.video.decode;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.video.decode.avc.AvcDecoder;

/** Makes the decoder for a video stream by its codec name, or says why there is none. */
public final class VideoDecoders {
    private VideoDecoders() {
    }

    /** Whether {@link #create} has a decoder for this codec (it may still refuse the stream's profile). */
    public static boolean decodes(String codec) {
        return switch (codec) {
            case "h264", "mpeg1video", "mpeg2video", "mpeg4" -> true;
            default -> false;
        };
    }

    /** A fresh decoder, to be fed from a keyframe on. */
    public static VideoDecoder create(ElementaryStream stream) throws MediaFormatException {
        return switch (stream.codec()) {
            case "h264" -> new AvcDecoder(stream.codecPrivate());
            case "mpeg1video", "mpeg2video" -> new MpegVideoDecoder();
            case "mpeg4" -> new Mpeg4Decoder(stream.codecPrivateBytes());
            default -> throw new UnsupportedVideoException(stream.codec() + " video: DiVA decodes H.264, MPEG-1/2 "
                    + "and MPEG-4 Part 2 video only");
        };
    }
}
