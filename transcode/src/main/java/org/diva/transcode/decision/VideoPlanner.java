package org.diva.transcode.decision;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.transcode.profile.VideoCapability;

/**
 * Plans the H.264 a device gets when its video must be converted: the largest picture that fits the device's
 * limits and its highest H.264 level without upscaling, with the source's aspect ratio and even sides (4:2:0
 * chroma needs them); the frame rate divided down to the device's; a bitrate from the picture size, capped by the
 * device, the level and the source.
 */
final class VideoPlanner {
    /** Bits per pixel per frame that H.264 needs for a clean picture at television sizes (a rule of thumb). */
    static final double BITS_PER_PIXEL = 0.2;
    static final long MIN_BITRATE = 300_000;
    /** What a level calculation assumes when the source does not state its frame rate. */
    static final double ASSUMED_FRAME_RATE = 30;
    private static final List<String> PROFILES = List.of("Main", "Constrained Baseline", "Baseline");

    /** The plan, or why none exists. */
    record Plan(Optional<VideoTarget> target, String reason) {
    }

    private VideoPlanner() {
    }

    /**
     * @param sourceBitrate the source video's bits per second, if known (converting never adds quality, so the
     *                      target stays below it)
     * @param audioBitrate  what the audio will take of the device's bitrate budget
     */
    static Plan plan(VideoTrack video, int track, DeviceProfile device, OptionalLong sourceBitrate,
                     long audioBitrate) {
        Optional<VideoCapability> h264 = device.plays().video("h264");
        if (h264.isEmpty()) {
            return impossible(device.name() + " plays no H.264, which is what DiVA converts video to");
        }
        VideoCapability cap = h264.get();
        Optional<String> profile = PROFILES.stream().filter(cap::takesProfile).findFirst();
        if (profile.isEmpty()) {
            return impossible(device.name() + " takes none of the H.264 profiles DiVA writes (" + PROFILES + ")");
        }
        if (video.width() == 0 || video.height() == 0) {
            return impossible("the video's picture size is unknown, so DiVA cannot scale it");
        }
        OptionalDouble rate = frameRate(video.frameRate(), cap.maxFrameRate());
        double levelRate = rate.orElse(ASSUMED_FRAME_RATE);
        H264Levels.Level maxLevel = H264Levels.atMost(cap.maxLevel().map(VideoCapability::levelNumber).orElse(5.2));

        double scale = Math.min(1.0, Math.min((double) cap.maxWidth() / video.width(),
                (double) cap.maxHeight() / video.height()));
        int width = even(video.width() * scale);
        int height = even(video.height() * scale);
        String halved = "";
        if (!maxLevel.fits(width, height, levelRate) && rate.isPresent() && rate.getAsDouble() / 2 >= 23.9
                && maxLevel.fits(width, height, rate.getAsDouble() / 2)) {
            // a full-size picture at half the rate (1080p30 from 1080p60) rather than an odd size at the full rate
            rate = OptionalDouble.of(Math.round(rate.getAsDouble() / 2 * 1000) / 1000.0);
            levelRate = rate.getAsDouble();
            halved = " (frame rate halved to fit H.264 level " + maxLevel.name() + ")";
        }
        while (!maxLevel.fits(width, height, levelRate) && width > 16) {
            width -= 2; // two pixels at a time: the largest picture the level holds (A.3.1), aspect kept
            height = even((double) width * video.height() / video.width());
        }
        if (!maxLevel.fits(width, height, levelRate) || height < 2) {
            return impossible("no picture size fits H.264 level " + maxLevel.name());
        }
        long bitrate = (long) (width * (double) height * levelRate * BITS_PER_PIXEL);
        if (device.plays().maxBitrate().isPresent()) {
            bitrate = Math.min(bitrate, device.plays().maxBitrate().getAsLong() - audioBitrate);
        }
        bitrate = Math.min(bitrate, maxLevel.maxBitrate());
        if (sourceBitrate.isPresent()) {
            bitrate = Math.min(bitrate, sourceBitrate.getAsLong());
        }
        bitrate = Math.max(MIN_BITRATE, bitrate);
        String level = H264Levels.lowest(width, height, levelRate, bitrate).map(H264Levels.Level::name)
                .orElse(maxLevel.name());
        VideoTarget target = new VideoTarget(track, "h264", false, profile, Optional.of(level), width, height, rate,
                OptionalLong.of(bitrate));
        return new Plan(Optional.of(target), "video is converted to H.264 " + profile.get() + " " + width + "x"
                + height + rate.stream().mapToObj(r -> " at " + Names.rate(r) + " fps").findFirst().orElse("")
                + ", " + Names.megabits(bitrate) + halved);
    }

    /** The source's rate, divided by the smallest whole number that brings it within the device's (60 to 30). */
    static OptionalDouble frameRate(OptionalDouble source, double max) {
        if (source.isEmpty() || source.getAsDouble() <= max + 0.01) {
            return source;
        }
        double divisor = Math.ceil(source.getAsDouble() / max - 0.001);
        return OptionalDouble.of(Math.round(source.getAsDouble() / divisor * 1000) / 1000.0);
    }

    private static int even(double pixels) {
        return Math.max(2, (int) Math.floor(pixels / 2) * 2);
    }

    private static Plan impossible(String reason) {
        return new Plan(Optional.empty(), reason);
    }
}
