package org.diva.transcode.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.profile.AudioCapability;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.transcode.profile.SubtitleMethod;

/**
 * Decides how a device gets a file. A pure function of the probed file, the device's profile and what DiVA's
 * pipeline can do: no I/O, no clock, so it is tested as a table of (media, profile) to decision.
 *
 * <p>The order of preference is the cost to the household: the file as it is (direct play) when the device
 * opens the container and plays every stream within its limits; else the streams copied into MPEG-TS (remux)
 * when only the container is wrong or an audio track must be swapped; else conversion: video to H.264 sized
 * for the device and audio to MP2, each only where needed. What DiVA cannot decode (HEVC, 10-bit or interlaced
 * H.264, VP9, AV1, DTS, FLAC...) is never planned for conversion: the decision says so, and plays directly
 * where the device takes the file, else is {@link Mode#UNSUPPORTED}. Audio files are never remuxed: a TV that
 * does not open an audio file's container gets it converted, since audio-only MPEG-TS of the source codec is
 * what such TVs handle worst.
 *
 * <p>Remuxed and converted output is MPEG-TS, which plays while it is made. A device that does not open MPEG-TS
 * but opens MP4 gets MP4, a whole file it can play once made ({@link Conversions#outputFor}).
 */
public final class PlaybackDecision {
    private final Conversions conversions;

    public PlaybackDecision(Conversions conversions) {
        this.conversions = conversions;
    }

    /**
     * @param media  the probed file; subtitle files beside it are among {@link MediaInfo#subtitles()} with
     *               {@link SubtitleTrack#external()} set
     * @param device the profile of the device that will play it
     */
    public Decision decide(MediaInfo media, DeviceProfile device) {
        if (media.kind() == MediaKind.PHOTO) {
            return new Decision(Mode.DIRECT, Optional.of(new Target(media.container(), Optional.empty(),
                    Optional.empty(), SubtitleMethod.NONE)), List.of("photos are sent as they are"));
        }
        if (media.video().isEmpty()) {
            return audioOnly(media, device);
        }
        return video(media, device);
    }

    private Decision video(MediaInfo media, DeviceProfile device) {
        VideoTrack video = media.video().get(0);
        List<String> videoProblems = Compatibility.video(video, device);
        Optional<String> overBitrate = overBitrate(media, device);
        List<String> reasons = new ArrayList<>();
        Compatibility.container(media.container(), device).ifPresent(reasons::add);
        reasons.addAll(videoProblems);
        overBitrate.ifPresent(reasons::add);
        List<String> firstAudio = media.audio().isEmpty() ? List.of()
                : Compatibility.audio(media.audio().get(0), device);
        reasons.addAll(firstAudio);
        if (reasons.isEmpty()) {
            String audio = media.audio().isEmpty() ? "" : " and " + Compatibility.describe(media.audio().get(0));
            return direct(media, device, Optional.of(copy(video)), device.name() + " plays "
                    + Names.container(media.container()) + " with " + Compatibility.describe(video) + audio
                    + " as they are");
        }
        Optional<String> noStream = cannotStream(media, device);
        if (noStream.isPresent()) {
            reasons.add(noStream.get());
            return Decision.unsupported(reasons);
        }
        OutputFormat output = conversions.outputFor(device).orElseThrow();
        boolean videoFits = videoProblems.isEmpty() && overBitrate.isEmpty();
        boolean copyVideo = videoFits && output.video().contains(video.codec());
        if (videoFits && !copyVideo) {
            reasons.add("DiVA cannot carry " + Names.codec(video.codec()) + " video in "
                    + Names.container(output.container()));
        }
        if (!copyVideo) {
            Optional<String> undecodable = conversions.whyNotDecodable(video);
            if (undecodable.isPresent()) {
                reasons.add(undecodable.get());
                return Decision.unsupported(reasons);
            }
        }
        AudioPlanner.Plan audio = AudioPlanner.plan(media.audio(), device, conversions, output);
        if (audio.impossible()) {
            reasons.removeAll(firstAudio);
            reasons.addAll(audio.reasons());
            return Decision.unsupported(reasons);
        }
        VideoTarget videoTarget;
        String videoAction;
        if (copyVideo) {
            videoTarget = copy(video);
            videoAction = Compatibility.describe(video) + " video is copied";
        } else {
            VideoPlanner.Plan plan = VideoPlanner.plan(video, 0, device, sourceVideoBitrate(media), audio.bitrate());
            if (plan.target().isEmpty()) {
                reasons.add(plan.reason());
                return Decision.unsupported(reasons);
            }
            videoTarget = plan.target().get();
            videoAction = plan.reason();
        }
        reasons.removeAll(firstAudio);
        reasons.addAll(audio.reasons());
        boolean remux = copyVideo && audio.target().map(AudioTarget::copy).orElse(true);
        reasons.add(videoAction + (audio.target().filter(AudioTarget::copy).isPresent() ? ", audio is copied" : "")
                + ", into " + output.described());
        Mode mode = remux ? Mode.REMUX : Mode.TRANSCODE;
        return new Decision(mode, Optional.of(new Target(output.container(), Optional.of(videoTarget), audio.target(),
                subtitles(media, device, mode))), reasons);
    }

    private Decision audioOnly(MediaInfo media, DeviceProfile device) {
        if (media.audio().isEmpty()) {
            return Decision.unsupported(List.of("the file has neither video nor audio DiVA recognises"));
        }
        AudioTrack audio = media.audio().get(0);
        List<String> reasons = new ArrayList<>();
        Compatibility.container(media.container(), device).ifPresent(reasons::add);
        reasons.addAll(Compatibility.audio(audio, device));
        overBitrate(media, device).ifPresent(reasons::add);
        if (reasons.isEmpty()) {
            return direct(media, device, Optional.empty(), device.name() + " plays "
                    + Names.container(media.container()) + " with " + Compatibility.describe(audio) + " as it is");
        }
        Optional<String> noStream = cannotStream(media, device);
        Optional<String> undecodable = conversions.whyNotDecodable(audio);
        if (noStream.isPresent() || undecodable.isPresent()) {
            noStream.ifPresent(reasons::add);
            undecodable.ifPresent(reasons::add);
            return Decision.unsupported(reasons);
        }
        Optional<AudioCapability> encoded = device.plays().audio(conversions.audioEncoder());
        if (encoded.isEmpty()) {
            reasons.add(device.name() + " does not play " + Names.codec(conversions.audioEncoder())
                    + ", which is what DiVA converts audio to");
            return Decision.unsupported(reasons);
        }
        AudioPlanner.Plan plan = AudioPlanner.convert(0, audio, encoded.get(), conversions, List.of());
        OutputFormat output = conversions.outputFor(device).orElseThrow();
        reasons.add("audio files are converted rather than remuxed: " + plan.reasons().get(0) + ", into "
                + output.described());
        return new Decision(Mode.TRANSCODE, Optional.of(new Target(output.container(), Optional.empty(),
                plan.target(), SubtitleMethod.NONE)), reasons);
    }

    private Decision direct(MediaInfo media, DeviceProfile device, Optional<VideoTarget> video, String reason) {
        Optional<AudioTarget> audio = media.audio().isEmpty() ? Optional.empty()
                : Optional.of(new AudioTarget(0, media.audio().get(0).codec(), true, media.audio().get(0).channels(),
                        media.audio().get(0).sampleRate(), media.audio().get(0).bitrate()));
        return new Decision(Mode.DIRECT, Optional.of(new Target(media.container(), video, audio,
                subtitles(media, device, Mode.DIRECT))), List.of(reason));
    }

    /** Why no converted stream can reach this device at all, if none can. */
    private Optional<String> cannotStream(MediaInfo media, DeviceProfile device) {
        if (conversions.outputFor(device).isEmpty()) {
            return Optional.of(device.name() + " opens none of " + conversions.outputs().stream()
                    .map(o -> Names.container(o.container())).toList() + ", which is what DiVA sends when it "
                    + "converts");
        }
        if (!conversions.demuxes().contains(media.container()) && media.kind() == MediaKind.VIDEO) {
            return Optional.of("DiVA cannot read " + Names.container(media.container()) + " files to convert them");
        }
        return Optional.empty();
    }

    private static Optional<String> overBitrate(MediaInfo media, DeviceProfile device) {
        OptionalLong cap = device.plays().maxBitrate();
        if (cap.isPresent() && media.bitrate().isPresent() && media.bitrate().getAsLong() > cap.getAsLong()) {
            return Optional.of("the file's " + Names.megabits(media.bitrate().getAsLong()) + " is more than "
                    + device.name() + "'s " + Names.megabits(cap.getAsLong()));
        }
        return Optional.empty();
    }

    /** The video's own bitrate if stated, else the file's less its audio. */
    private static OptionalLong sourceVideoBitrate(MediaInfo media) {
        VideoTrack video = media.video().get(0);
        if (video.bitrate().isPresent() || media.bitrate().isEmpty()) {
            return video.bitrate();
        }
        long audio = media.audio().stream().mapToLong(a -> a.bitrate().orElse(0)).sum();
        return OptionalLong.of(Math.max(0, media.bitrate().getAsLong() - audio));
    }

    private static VideoTarget copy(VideoTrack video) {
        return new VideoTarget(0, video.codec(), true, video.profile(), video.level(), video.width(), video.height(),
                video.frameRate(), video.bitrate());
    }

    private static SubtitleMethod subtitles(MediaInfo media, DeviceProfile device, Mode mode) {
        List<SubtitleTrack> tracks = media.subtitles();
        return switch (device.plays().subtitles()) {
            case EXTERNAL -> tracks.stream().anyMatch(t -> t.external().isPresent()
                    && List.of("srt", "webvtt").contains(t.format())) ? SubtitleMethod.EXTERNAL : SubtitleMethod.NONE;
            case EMBEDDED -> mode == Mode.DIRECT && tracks.stream().anyMatch(t -> t.external().isEmpty())
                    ? SubtitleMethod.EMBEDDED : SubtitleMethod.NONE;
            case NONE -> SubtitleMethod.NONE;
        };
    }
}
