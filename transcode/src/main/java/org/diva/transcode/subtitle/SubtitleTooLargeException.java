package org.diva.transcode.subtitle;

import java.io.IOException;

/** A subtitle track whose SubRip would be bigger than the extractor may build: no real film's track comes near. */
public final class SubtitleTooLargeException extends IOException {
    public SubtitleTooLargeException(String message) {
        super(message);
    }
}
