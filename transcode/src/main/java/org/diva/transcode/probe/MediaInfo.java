package org.diva.transcode.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What probing a file's headers found.
 *
 * @param kind       video, audio or photo (decided by what the file holds, not its extension)
 * @param container  a short container name: mp4, mov, matroska, webm, mpegts, m2ts, mpegps, avi, mp3, flac,
 *                   aac, ogg, wav, jpeg, png, heif
 * @param title      a title the file itself carries (container metadata or tags), if any
 * @param durationMillis playing time, if the headers tell it
 * @param bitrate    overall bits per second, if known or derivable from size and duration
 * @param video      video tracks in file order
 * @param audio      audio tracks in file order
 * @param subtitles  embedded subtitle tracks in file order
 * @param tags       audio tags, for music
 * @param photo      EXIF and dimensions, for photos
 */
public record MediaInfo(
        MediaKind kind,
        String container,
        Optional<String> title,
        OptionalLong durationMillis,
        OptionalLong bitrate,
        List<VideoTrack> video,
        List<AudioTrack> audio,
        List<SubtitleTrack> subtitles,
        Optional<AudioTags> tags,
        Optional<PhotoInfo> photo) {

    public MediaInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(container, "container");
        title = title.filter(t -> !t.isBlank());
        video = List.copyOf(video);
        audio = List.copyOf(audio);
        subtitles = List.copyOf(subtitles);
    }

    /** Starts a builder-like copy chain for probes that learn a file piece by piece. */
    public static MediaInfo empty(MediaKind kind, String container) {
        return new MediaInfo(kind, container, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    public MediaInfo withTitle(String newTitle) {
        return new MediaInfo(kind, container, Optional.ofNullable(newTitle), durationMillis, bitrate, video, audio,
                subtitles, tags, photo);
    }

    public MediaInfo withDuration(long millis) {
        return new MediaInfo(kind, container, title, OptionalLong.of(millis), bitrate, video, audio, subtitles, tags,
                photo);
    }

    public MediaInfo withBitrate(long bitsPerSecond) {
        return new MediaInfo(kind, container, title, durationMillis, OptionalLong.of(bitsPerSecond), video, audio,
                subtitles, tags, photo);
    }

    public MediaInfo withTracks(List<VideoTrack> newVideo, List<AudioTrack> newAudio,
                                List<SubtitleTrack> newSubtitles) {
        return new MediaInfo(kind, container, title, durationMillis, bitrate, newVideo, newAudio, newSubtitles, tags,
                photo);
    }

    public MediaInfo withTags(AudioTags newTags) {
        return new MediaInfo(kind, container, title, durationMillis, bitrate, video, audio, subtitles,
                Optional.of(newTags), photo);
    }

    public MediaInfo withPhoto(PhotoInfo newPhoto) {
        return new MediaInfo(kind, container, title, durationMillis, bitrate, video, audio, subtitles, tags,
                Optional.of(newPhoto));
    }

    /** Fills in the overall bitrate from size and duration when the headers did not state it. */
    public MediaInfo withDerivedBitrate(long sizeBytes) {
        if (bitrate.isPresent() || durationMillis.isEmpty() || durationMillis.getAsLong() <= 0) {
            return this;
        }
        return withBitrate(sizeBytes * 8_000 / durationMillis.getAsLong());
    }
}
