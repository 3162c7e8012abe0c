package org.diva.server.playback;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.ItemStatus;
import org.diva.transcode.decision.Decision;
import org.diva.transcode.decision.Mode;
import org.diva.transcode.decision.PlaybackDecision;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.profile.DeviceProfile;

/** The play decision for a catalogued item and a device profile, with the path that serves it. */
public final class Playback {
    private final Catalogue catalogue;
    private final PlaybackDecision decision;

    public Playback(Catalogue catalogue, PlaybackDecision decision) {
        this.catalogue = catalogue;
        this.decision = decision;
    }

    /**
     * One item's decision for one profile.
     *
     * @param media what the probe found, with the subtitle files beside it; empty when the file could not be read
     * @param path  where it is served ({@link PlaybackUrls}); empty when unsupported
     */
    public record Planned(long itemId, DeviceProfile profile, Optional<MediaInfo> media, Decision decision,
                          Optional<String> path) {
        public Planned {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(media, "media");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(path, "path");
        }
    }

    /** The decision, or empty when the catalogue has no such item. */
    public Optional<Planned> plan(long itemId, DeviceProfile profile) throws SQLException {
        Optional<CatalogueItem> item = catalogue.find(itemId);
        return item.map(found -> plan(found, profile));
    }

    /**
     * The decision for a title served elsewhere than the catalogue (a neighbour's, at {@code itemPath}, e.g.
     * {@code /media/n-...}): converted output is at that path's {@code /stream?profile=}.
     */
    public Planned planElsewhere(MediaInfo media, DeviceProfile profile, String itemPath) {
        Decision made = decision.decide(media, profile);
        Optional<String> path = switch (made.mode()) {
            case UNSUPPORTED -> Optional.empty();
            case DIRECT -> Optional.of(itemPath);
            default -> Optional.of(itemPath + "/stream?profile=" + profile.id());
        };
        return new Planned(0, profile, Optional.of(media), made, path);
    }

    public Planned plan(CatalogueItem item, DeviceProfile profile) {
        if (item.status() != ItemStatus.OK || item.info().isEmpty()) {
            Decision unreadable = new Decision(Mode.UNSUPPORTED, Optional.empty(), List.of("DiVA could not read the "
                    + "file: " + item.failure().orElse("it has no media information")));
            return new Planned(item.id(), profile, Optional.empty(), unreadable, Optional.empty());
        }
        MediaInfo info = item.info().get();
        List<SubtitleTrack> subtitles = new ArrayList<>(info.subtitles());
        subtitles.addAll(item.externalSubtitles());
        MediaInfo media = info.withTracks(info.video(), info.audio(), subtitles);
        Decision made = decision.decide(media, profile);
        Optional<String> path = made.mode() == Mode.UNSUPPORTED ? Optional.empty()
                : Optional.of(PlaybackUrls.forMode(made.mode(), item.id(), profile.id()));
        return new Planned(item.id(), profile, Optional.of(media), made, path);
    }
}
