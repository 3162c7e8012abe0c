package org.diva.upnp.dlna;

import java.util.Locale;
import java.util.Set;
import org.diva.upnp.library.VideoStream;

/**
 * What a profile demands of the video stream. Unknown facts fail a constraint: a profile is a promise to the
 * renderer, so DiVA only makes it when the probe saw enough.
 *
 * @param profiles   codec profiles in lower case ("constrained baseline" counts as "baseline"); an H.264 stream
 *                   whose profile the probe did not find counts as "main"; empty accepts any
 * @param sizes      if not empty, the picture must be exactly one of these ("1920x1080")
 * @param families   if not empty, the frame rate must belong to one of these
 */
record VideoRule(String codec, Set<String> profiles, int maxWidth, int maxHeight, Set<String> sizes,
                 Set<FrameRateFamily> families) {

    static VideoRule of(String codec, Set<String> profiles, int maxWidth, int maxHeight) {
        return new VideoRule(codec, profiles, maxWidth, maxHeight, Set.of(), Set.of());
    }

    VideoRule at(Set<FrameRateFamily> newFamilies) {
        return new VideoRule(codec, profiles, maxWidth, maxHeight, sizes, newFamilies);
    }

    VideoRule sized(Set<String> exactSizes) {
        return new VideoRule(codec, profiles, maxWidth, maxHeight, exactSizes, families);
    }

    boolean accepts(VideoStream video) {
        if (!video.codec().equals(codec) || video.width() == 0 || video.height() == 0
                || video.width() > maxWidth || video.height() > maxHeight) {
            return false;
        }
        if (!sizes.isEmpty() && !sizes.contains(video.width() + "x" + video.height())) {
            return false;
        }
        if (!families.isEmpty() && !FrameRateFamily.of(video.frameRate()).map(families::contains).orElse(false)) {
            return false;
        }
        return profiles.isEmpty() || profiles.contains(profile(video));
    }

    private static String profile(VideoStream video) {
        String profile = video.profile().map(p -> p.toLowerCase(Locale.ROOT).strip())
                .orElse(video.codec().equals("h264") ? "main" : "");
        return profile.equals("constrained baseline") ? "baseline" : profile;
    }
}
