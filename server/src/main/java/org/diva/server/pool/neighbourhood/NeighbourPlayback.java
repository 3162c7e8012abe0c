package org.diva.server.pool.neighbourhood;

import java.util.List;
import java.util.Optional;
import org.diva.server.playback.Playback;
import org.diva.transcode.decision.Decision;
import org.diva.transcode.decision.Mode;
import org.diva.transcode.decision.PlaybackDecision;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.profile.DeviceProfile;

/**
 * The play decision for a neighbour's title: the same pure decision as for local items, made with the holder's
 * metadata against the asking device's profile. Direct play is served at {@code /media/n-...}; a conversion at
 * {@code /media/n-.../stream?profile=...}, like a local item's.
 */
final class NeighbourPlayback {
    private final PlaybackDecision decision;

    NeighbourPlayback(PlaybackDecision decision) {
        this.decision = decision;
    }

    Playback.Planned plan(NeighbourItem item, DeviceProfile profile) {
        Optional<MediaInfo> info = item.item().media();
        if (info.isEmpty()) {
            Decision unreadable = new Decision(Mode.UNSUPPORTED, Optional.empty(), List.of("the neighbour's DiVA "
                    + "could not read the file, so nothing is known of its streams"));
            return new Playback.Planned(-1, profile, Optional.empty(), unreadable, Optional.empty());
        }
        Decision made = decision.decide(info.get(), profile);
        Optional<String> path = made.mode() == Mode.UNSUPPORTED ? Optional.empty()
                : Optional.of(made.mode() == Mode.DIRECT ? mediaPath(item.id()) : streamPath(item.id(), profile.id()));
        return new Playback.Planned(-1, profile, info, made, path);
    }

    static String mediaPath(NeighbourItemId id) {
        return "/media/" + id;
    }

    static String streamPath(NeighbourItemId id, String profileId) {
        return "/media/" + id + "/stream?profile=" + profileId;
    }

}
