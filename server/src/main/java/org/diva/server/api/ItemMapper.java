package org.diva.server.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.ItemStatus;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaTypes;
import org.diva.transcode.probe.SubtitleTrack;

/** Turns catalogue items into their wire form. */
final class ItemMapper {
    private ItemMapper() {
    }

    static ItemJson summary(CatalogueItem item) {
        return toJson(item, false);
    }

    static ItemJson detail(CatalogueItem item) {
        return toJson(item, true);
    }

    private static ItemJson toJson(CatalogueItem item, boolean detail) {
        Optional<MediaInfo> info = item.info();
        boolean playable = item.status() == ItemStatus.OK;
        Optional<String> container = info.map(MediaInfo::container);
        return new ItemJson(
                item.id(),
                item.title(),
                item.kind().name().toLowerCase(Locale.ROOT),
                item.status().name().toLowerCase(Locale.ROOT),
                item.failure(),
                item.fileName(),
                item.folder(),
                item.size(),
                Instant.ofEpochMilli(item.modified()),
                container,
                container.map(c -> MediaTypes.of(c, item.kind())),
                info.map(MediaInfo::durationMillis).orElse(OptionalLong.empty()),
                info.map(MediaInfo::bitrate).orElse(OptionalLong.empty()),
                playable ? Optional.of("/media/" + item.id()) : Optional.empty(),
                item.hasArtwork() ? Optional.of("/api/v1/items/" + item.id() + "/artwork") : Optional.empty(),
                detail ? info.map(MediaInfo::video) : Optional.empty(),
                detail ? info.map(MediaInfo::audio) : Optional.empty(),
                detail ? Optional.of(subtitles(item)) : Optional.empty(),
                detail ? info.flatMap(MediaInfo::tags) : Optional.empty(),
                detail ? info.flatMap(MediaInfo::photo) : Optional.empty(),
                detail ? Optional.of(item.added()) : Optional.empty(),
                detail ? Optional.of(item.updated()) : Optional.empty(),
                detail ? Optional.of(item.version()) : Optional.empty());
    }

    /** Embedded tracks, then the subtitle files beside the video. */
    static List<SubtitleTrack> subtitles(CatalogueItem item) {
        List<SubtitleTrack> all = new ArrayList<>(item.info().map(MediaInfo::subtitles).orElse(List.of()));
        all.addAll(item.externalSubtitles());
        return all;
    }
}
