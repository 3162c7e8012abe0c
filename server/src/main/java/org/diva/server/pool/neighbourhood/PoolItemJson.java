package org.diva.server.pool.neighbourhood;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTags;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.PhotoInfo;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;
import org.diva.transcode.probe.MediaTypes;

/**
 * Wire form ({@code /api/v1/pool/items}) of a neighbour's item: like a local item's, with its household, and with the
 * {@code n-} id that {@code /media/{id}} and {@code /api/v1/items/{id}/playback} accept.
 */
public record PoolItemJson(String id, HouseholdJson household, String title, String kind, String fileName,
                           String folder, long size, Instant modified, Optional<String> container,
                           Optional<String> mimeType, OptionalLong durationMs, OptionalLong bitrate, String mediaUrl,
                           String playbackUrl, List<VideoTrack> video, List<AudioTrack> audio,
                           List<SubtitleTrack> subtitles, Optional<AudioTags> tags, Optional<PhotoInfo> photo) {

    /** A household of the pool. */
    public record HouseholdJson(String id, String name) {
    }

    static PoolItemJson of(NeighbourItem neighbour) {
        var item = neighbour.item();
        Optional<MediaInfo> info = item.media();
        Optional<String> container = info.map(MediaInfo::container);
        return new PoolItemJson(neighbour.id().toString(),
                new HouseholdJson(neighbour.id().holder().toString(), neighbour.household()), item.title(),
                item.kind(), item.fileName(), neighbour.folder().toString(), item.size(),
                Instant.ofEpochMilli(item.modified()), container,
                container.map(c -> MediaTypes.of(c, neighbour.kind())),
                info.map(MediaInfo::durationMillis).orElse(OptionalLong.empty()),
                info.map(MediaInfo::bitrate).orElse(OptionalLong.empty()),
                NeighbourPlayback.mediaPath(neighbour.id()), "/api/v1/items/" + neighbour.id() + "/playback",
                info.map(MediaInfo::video).orElse(List.of()), info.map(MediaInfo::audio).orElse(List.of()),
                info.map(MediaInfo::subtitles).orElse(List.of()), info.flatMap(MediaInfo::tags),
                info.flatMap(MediaInfo::photo));
    }
}
