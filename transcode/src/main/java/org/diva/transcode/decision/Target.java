package org.diva.transcode.decision;

import java.util.Objects;
import java.util.Optional;
import org.diva.transcode.profile.SubtitleMethod;

/**
 * What a device gets: the container (the file's own for direct play, {@code mpegts} otherwise), its streams and
 * how subtitles reach it.
 */
public record Target(String container, Optional<VideoTarget> video, Optional<AudioTarget> audio,
                     SubtitleMethod subtitles) {
    public Target {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(subtitles, "subtitles");
    }
}
