package org.diva.transcode.decision;

import java.util.Objects;
import java.util.Set;

/**
 * A container DiVA writes remuxed and converted output in, and the codecs its muxer carries.
 *
 * @param container the container's short name, as profiles and probes write it (mpegts, mp4)
 * @param video     video codecs copied into it
 * @param audio     audio codecs copied into it (DiVA's audio encoder's output among them)
 * @param wholeFile whether the output can only be played once it is complete: an MP4's index (its moov) is written
 *                  after the media, so a player can start only when the whole file exists; MPEG-TS plays while made
 */
public record OutputFormat(String container, Set<String> video, Set<String> audio, boolean wholeFile) {
    public OutputFormat {
        Objects.requireNonNull(container, "container");
        video = Set.copyOf(video);
        audio = Set.copyOf(audio);
    }

    /** How reasons name the output: "MPEG-TS", "MP4 (sent once the whole file is made)". */
    String described() {
        return Names.container(container) + (wholeFile ? " (sent once the whole file is made)" : "");
    }
}
