package org.diva.server.playback;

import java.util.Objects;
import org.diva.transcode.profile.DeviceProfile;

/**
 * A client's profile and how it was chosen: {@code pinned} by the household, {@code recognised} from what the
 * client says of itself, {@code fallback} when nothing recognised it, or {@code requested} by name.
 */
public record ChosenProfile(DeviceProfile profile, String how) {
    public ChosenProfile {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(how, "how");
    }
}
