package org.diva.transcode.probe;

import java.io.IOException;

/**
 * A file is not what it claims to be, or is damaged: the message says what is wrong in words a household can
 * read ("truncated MP4: moov box ends at byte 1,204 of 1,024"), and the scan records it as the item's reason.
 */
public class MediaFormatException extends IOException {
    public MediaFormatException(String message) {
        super(message);
    }

    public MediaFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
