package org.diva.server.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.server.playback.ChosenProfile;
import org.diva.server.playback.Playback;
import org.diva.transcode.decision.AudioTarget;
import org.diva.transcode.decision.Target;
import org.diva.transcode.decision.VideoTarget;

/**
 * Wire form of {@code GET /api/v1/items/{id}/playback}: the mode (direct, remux, transcode, unsupported), the
 * reasons, what the device gets and the URL that serves it (absent when unsupported).
 */
public record PlaybackJson(long item, ProfileRefJson profile, String mode, List<String> reasons,
                           Optional<TargetJson> target, Optional<String> url) {

    /** What the device gets. */
    public record TargetJson(String container, Optional<VideoJson> video, Optional<AudioJson> audio,
                             String subtitles) {
    }

    /** Its video. */
    public record VideoJson(String codec, boolean copy, Optional<String> profile, Optional<String> level, int width,
                            int height, OptionalDouble frameRate, OptionalLong bitrate) {
    }

    /** Its audio. */
    public record AudioJson(int track, String codec, boolean copy, OptionalInt channels, OptionalInt sampleRate,
                            OptionalLong bitrate) {
    }

    public static PlaybackJson of(Playback.Planned plan, ChosenProfile chosen) {
        return new PlaybackJson(plan.itemId(), ProfileRefJson.of(chosen), lower(plan.decision().mode().name()),
                plan.decision().reasons(),
                plan.decision().target().map(PlaybackJson::target), plan.path());
    }

    private static TargetJson target(Target t) {
        return new TargetJson(t.container(), t.video().map(PlaybackJson::video), t.audio().map(PlaybackJson::audio),
                lower(t.subtitles().name()));
    }

    private static VideoJson video(VideoTarget v) {
        return new VideoJson(v.codec(), v.copy(), v.profile(), v.level(), v.width(), v.height(), v.frameRate(),
                v.bitrate());
    }

    private static AudioJson audio(AudioTarget a) {
        return new AudioJson(a.track(), a.codec(), a.copy(), a.channels(), a.sampleRate(), a.bitrate());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
