package org.diva.transcode.video.decode;

import org.diva.transcode.probe.MediaFormatException;

/**
 * A well-formed video stream that DiVA's pure-Java decoders cannot decode (interlaced or 10-bit H.264, ...). The
 * message names the feature, so the play decision and the household see why; it is not damage.
 */
public class UnsupportedVideoException extends MediaFormatException {
    public UnsupportedVideoException(String message) {
        super(message);
    }
}
