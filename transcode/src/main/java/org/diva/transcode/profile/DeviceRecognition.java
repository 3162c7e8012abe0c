package org.diva.transcode.profile;

import java.util.Comparator;

/**
 * Picks the profile for a client from what it says of itself: the profile whose {@link Recognition} scores
 * highest, ties going to the higher {@link DeviceProfile#priority()}, then to the earlier profile; a client no
 * profile recognises gets {@link DeviceProfiles#FALLBACK}.
 */
public final class DeviceRecognition {
    private static final Comparator<DeviceProfile> BY_PRIORITY = Comparator.comparingInt(DeviceProfile::priority);

    private final DeviceProfiles profiles;

    public DeviceRecognition(DeviceProfiles profiles) {
        this.profiles = profiles;
    }

    public DeviceProfile recognise(ClientIdentity client) {
        DeviceProfile best = profiles.fallback();
        int bestScore = 0;
        for (DeviceProfile profile : profiles.all()) {
            int score = profile.recognition().score(client);
            if (score > 0 && (score > bestScore || score == bestScore && BY_PRIORITY.compare(profile, best) > 0)) {
                best = profile;
                bestScore = score;
            }
        }
        return best;
    }
}
