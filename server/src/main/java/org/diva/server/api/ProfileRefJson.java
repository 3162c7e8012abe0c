package org.diva.server.api;

import org.diva.server.playback.ChosenProfile;

/** A profile as a device or a decision names it, and how it was chosen (pinned, recognised, fallback, requested). */
public record ProfileRefJson(String id, String name, String how) {
    public static ProfileRefJson of(ChosenProfile chosen) {
        return new ProfileRefJson(chosen.profile().id(), chosen.profile().name(), chosen.how());
    }
}
