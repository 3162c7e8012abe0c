package org.diva.transcode.subtitle;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.diva.transcode.probe.MediaFormatException;

/**
 * The text of a 3GPP timed text sample (3GPP TS 26.245 section 5.17): a 16-bit big-endian byte count, the text in
 * UTF-8 (or UTF-16 when it starts with the byte order mark FE FF), then optional modifier boxes (styl, hlit, ...)
 * that SubRip cannot express and are ignored. A sample of zero length is a gap: nothing is shown.
 */
public final class Tx3gText {
    private Tx3gText() {
    }

    /** The sample's text, or empty for a gap. */
    public static Optional<String> of(byte[] sample, long where) throws MediaFormatException {
        if (sample.length < 2) {
            if (sample.length == 0) {
                return Optional.empty();
            }
            throw new MediaFormatException("damaged tx3g sample at byte " + where + ": 1 byte, no text length");
        }
        int length = ((sample[0] & 0xff) << 8) | (sample[1] & 0xff);
        if (length > sample.length - 2) {
            throw new MediaFormatException("damaged tx3g sample at byte " + where + ": its text claims " + length
                    + " bytes but the sample has " + (sample.length - 2));
        }
        if (length == 0) {
            return Optional.empty();
        }
        boolean utf16 = length >= 2 && (sample[2] & 0xff) == 0xFE && (sample[3] & 0xff) == 0xFF;
        String text = utf16 ? new String(sample, 4, length - 2, StandardCharsets.UTF_16BE)
                : new String(sample, 2, length, StandardCharsets.UTF_8);
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
