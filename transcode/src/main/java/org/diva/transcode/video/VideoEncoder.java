package org.diva.transcode.video;

import java.nio.ByteBuffer;

/**
 * Encodes a run of pictures that starts with a keyframe (one GOP, or a whole stream) into H.264.
 *
 * <p>One instance encodes one run; GOP-parallel encoding uses one instance per GOP on its own thread. Pictures
 * arrive in presentation order; the first is always coded as an IDR picture.
 */
public interface VideoEncoder {

    /**
     * Encodes the next picture and returns its access unit in Annex B form (SPS and PPS in front of every IDR
     * picture). The buffer is the caller's.
     */
    EncodedPicture encode(Frame frame);

    /** One coded picture. */
    record EncodedPicture(ByteBuffer data, boolean keyframe, long pts) {
    }
}
