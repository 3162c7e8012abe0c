package org.diva.transcode.thumbnail;

import java.io.IOException;

/**
 * No picture can be made from this file as it is: the message says what was tried, where it stopped and why, in
 * words a household can read. Each failure is permanent for the file's current content, so callers may remember it
 * until the file changes; plain {@link IOException}s (a disk or network error) are not, and are worth retrying.
 */
public class ThumbnailException extends IOException {
    /** Why, for callers that act on it. */
    public enum Reason {
        /** A format or codec DiVA cannot decode (Matroska, HEVC, 10-bit, interlaced H.264, ...). */
        UNSUPPORTED,
        /** Damaged or truncated: the headers or the picture do not decode. */
        DAMAGED,
        /** Bigger than DiVA decodes for a picture (pixels, headers, or frame bytes). */
        TOO_BIG,
        /** Took longer than the time allowed per file. */
        TOO_SLOW
    }

    private final Reason reason;

    public ThumbnailException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ThumbnailException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
