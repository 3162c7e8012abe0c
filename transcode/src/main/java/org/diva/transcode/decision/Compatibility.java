package org.diva.transcode.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.profile.AudioCapability;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.transcode.profile.VideoCapability;

/**
 * Whether a device plays a stream as it is, and if not, every reason why in words. Facts the probe could not
 * establish (an unknown level or frame rate) are taken to fit: refusing a file for a missing header field would
 * send most AVIs through the transcoder for nothing.
 */
final class Compatibility {
    private Compatibility() {
    }

    static List<String> video(VideoTrack video, DeviceProfile device) {
        String name = device.name();
        Optional<VideoCapability> found = device.plays().video(video.codec());
        if (found.isEmpty()) {
            return List.of(name + " does not play " + Names.codec(video.codec()) + " video");
        }
        VideoCapability cap = found.get();
        List<String> problems = new ArrayList<>();
        String codec = Names.codec(video.codec());
        video.profile().filter(p -> !cap.takesProfile(p)).ifPresent(p -> problems.add(name + " does not play "
                + codec + " " + p + " (it takes " + String.join(", ", cap.profiles().stream().sorted().toList())
                + ")"));
        if (cap.maxLevel().isPresent() && video.level().isPresent()) {
            try {
                if (VideoCapability.levelNumber(video.level().get())
                        > VideoCapability.levelNumber(cap.maxLevel().get()) + 1e-9) {
                    problems.add(codec + " level " + video.level().get() + " is above " + name + "'s "
                            + cap.maxLevel().get());
                }
            } catch (IllegalArgumentException e) {
                // a level the probe wrote in a form DiVA cannot compare: taken to fit, like an unknown one
            }
        }
        if (video.width() > cap.maxWidth() || video.height() > cap.maxHeight()) {
            problems.add(video.width() + "x" + video.height() + " is larger than " + name + "'s " + cap.maxWidth()
                    + "x" + cap.maxHeight());
        }
        if (video.frameRate().isPresent() && video.frameRate().getAsDouble() > cap.maxFrameRate() + 0.01) {
            problems.add(Names.rate(video.frameRate().getAsDouble()) + " frames per second is more than " + name
                    + "'s " + Names.rate(cap.maxFrameRate()));
        }
        if (video.bitDepth().isPresent() && video.bitDepth().getAsInt() > cap.maxBitDepth()) {
            problems.add(video.bitDepth().getAsInt() + "-bit video is more than " + name + "'s "
                    + cap.maxBitDepth() + " bits");
        }
        return problems;
    }

    static List<String> audio(AudioTrack audio, DeviceProfile device) {
        Optional<AudioCapability> cap = device.plays().audio(audio.codec());
        if (cap.isEmpty()) {
            return List.of(device.name() + " does not play " + Names.codec(audio.codec()) + " audio");
        }
        if (audio.channels().isPresent() && audio.channels().getAsInt() > cap.get().maxChannels()) {
            return List.of(Names.codec(audio.codec()) + " " + Names.channels(audio.channels().getAsInt())
                    + " is more channels than " + device.name() + " takes in " + Names.codec(audio.codec()) + " ("
                    + cap.get().maxChannels() + ")");
        }
        return List.of();
    }

    static Optional<String> container(String container, DeviceProfile device) {
        return device.plays().takesContainer(container) ? Optional.empty()
                : Optional.of(device.name() + " does not open " + Names.container(container) + " files");
    }

    /** "H.264 High 4.1 1920x1080", for the reason that a file plays as it is. */
    static String describe(VideoTrack video) {
        StringBuilder text = new StringBuilder(Names.codec(video.codec()));
        video.profile().ifPresent(p -> text.append(' ').append(p));
        video.level().ifPresent(l -> text.append(' ').append(l));
        if (video.width() > 0) {
            text.append(' ').append(video.width()).append('x').append(video.height());
        }
        return text.toString();
    }

    static String describe(AudioTrack audio) {
        return Names.codec(audio.codec()) + audio.channels().stream().mapToObj(c -> " " + Names.channels(c))
                .findFirst().orElse("");
    }
}
