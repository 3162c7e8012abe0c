package org.diva.transcode.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a device plays as it is.
 *
 * @param containers the probe's container names it opens (mp4, mov, matroska, webm, mpegts, m2ts, mpegps, avi,
 *                   mp3, flac, aac, ogg, wav); remuxed and transcoded output is MPEG-TS, so a device that cannot
 *                   take {@code mpegts} gets nothing but direct play
 * @param video      the video codecs it decodes, with their limits
 * @param audio      the audio codecs it decodes
 * @param maxBitrate the most bits per second it streams, overall, if limited (Wi-Fi TVs stutter above ~20 Mbit/s)
 * @param subtitles  how it takes subtitles
 */
public record Capabilities(Set<String> containers, List<VideoCapability> video, List<AudioCapability> audio,
                           OptionalLong maxBitrate, SubtitleMethod subtitles) {
    public Capabilities {
        containers = Set.copyOf(containers);
        video = List.copyOf(video);
        audio = List.copyOf(audio);
        Objects.requireNonNull(maxBitrate, "maxBitrate");
        Objects.requireNonNull(subtitles, "subtitles");
        if (maxBitrate.isPresent() && maxBitrate.getAsLong() < 64_000) {
            throw new IllegalArgumentException("maxBitrate is in bits per second and must be at least 64000, not "
                    + maxBitrate.getAsLong());
        }
    }

    public boolean takesContainer(String container) {
        return containers.contains(container);
    }

    public Optional<VideoCapability> video(String codec) {
        return video.stream().filter(v -> v.codec().equals(codec)).findFirst();
    }

    public Optional<AudioCapability> audio(String codec) {
        return audio.stream().filter(a -> a.codec().equals(codec)).findFirst();
    }
}
