package org.diva.transcode.audio;

import org.diva.transcode.probe.MediaFormatException;

/**
 * The audio is valid but uses something DiVA's pure-Java decoders cannot decode faithfully (HE-AAC, AAC noise
 * substitution, MP3 intensity stereo...): the message names it, so the play decision can pick another track or
 * tell the household why.
 */
public class UnsupportedAudioException extends MediaFormatException {
    public UnsupportedAudioException(String message) {
        super(message);
    }

    public UnsupportedAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
