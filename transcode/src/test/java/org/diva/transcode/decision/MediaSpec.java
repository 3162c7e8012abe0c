package org.diva.transcode.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;

/**
 * A probed file written in one line, for decision tables:
 * {@code matroska v=h264/High/4.1/1920x1080/23.976/8 a=dts/6/eng a=ac3/6/eng s=srt/ext br=8M}.
 * Video is codec/profile/level/size/fps/bit depth, with a trailing {@code /i} when interlaced; audio is
 * codec/channels[/language]; subtitles format[/ext]; {@code -} is unknown.
 */
final class MediaSpec {
    private static final Set<String> PHOTOS = Set.of("jpeg", "png", "heif");

    private MediaSpec() {
    }

    static MediaInfo parse(String spec) {
        String[] tokens = spec.strip().split("\\s+");
        String container = tokens[0];
        List<VideoTrack> video = new ArrayList<>();
        List<AudioTrack> audio = new ArrayList<>();
        List<SubtitleTrack> subtitles = new ArrayList<>();
        OptionalLong bitrate = OptionalLong.empty();
        for (int i = 1; i < tokens.length; i++) {
            String[] kv = tokens[i].split("=", 2);
            String[] f = kv[1].split("/");
            switch (kv[0]) {
                case "v" -> {
                    String[] size = f[3].split("x");
                    video.add(new VideoTrack(f[0], opt(f[1]), opt(f[2]), Integer.parseInt(size[0]),
                            Integer.parseInt(size[1]), f[4].equals("-") ? OptionalDouble.empty()
                            : OptionalDouble.of(Double.parseDouble(f[4])),
                            f[5].equals("-") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f[5])),
                            f.length > 6 && f[6].equals("i"), OptionalLong.empty(), Optional.empty()));
                }
                case "a" -> audio.add(new AudioTrack(f[0], Optional.empty(), OptionalInt.of(Integer.parseInt(f[1])),
                        OptionalInt.of(48_000), OptionalLong.empty(), f.length > 2 ? opt(f[2]) : Optional.empty()));
                case "s" -> subtitles.add(new SubtitleTrack(f[0], Optional.empty(), Optional.empty(),
                        f.length > 1 && f[1].equals("ext") ? Optional.of("movie." + f[0]) : Optional.empty()));
                case "br" -> bitrate = OptionalLong.of(megabits(kv[1]));
                default -> throw new IllegalArgumentException("unknown field " + tokens[i] + " in " + spec);
            }
        }
        MediaKind kind = PHOTOS.contains(container) ? MediaKind.PHOTO
                : video.isEmpty() ? MediaKind.AUDIO : MediaKind.VIDEO;
        MediaInfo info = MediaInfo.empty(kind, container).withTracks(video, audio, subtitles).withDuration(60_000);
        return bitrate.isPresent() ? info.withBitrate(bitrate.getAsLong()) : info;
    }

    private static long megabits(String text) {
        if (text.endsWith("M")) {
            return (long) (Double.parseDouble(text.substring(0, text.length() - 1)) * 1_000_000);
        }
        if (text.endsWith("k")) {
            return (long) (Double.parseDouble(text.substring(0, text.length() - 1)) * 1_000);
        }
        return Long.parseLong(text);
    }

    private static Optional<String> opt(String field) {
        return field.equals("-") ? Optional.empty() : Optional.of(field.replace('_', ' '));
    }
}
