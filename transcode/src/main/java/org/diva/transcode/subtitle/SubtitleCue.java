package org.diva.transcode.subtitle;

import java.util.Objects;

/**
 * One subtitle shown from {@code start} to {@code end}, in {@link org.diva.transcode.stream.Ticks}.
 *
 * @param text plain text, lines separated by '\n'
 */
public record SubtitleCue(long start, long end, String text) {
    public SubtitleCue {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad cue times: " + start + " to " + end);
        }
    }
}
