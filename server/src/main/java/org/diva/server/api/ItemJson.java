package org.diva.server.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTags;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.PhotoInfo;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;

/**
 * Wire form of one item. The list returns the summary fields; {@code GET /api/v1/items/{id}} adds the streams,
 * tags and EXIF. Never carries a path: the folder is relative to its media folder.
 */
public record ItemJson(
        long id,
        String title,
        String kind,
        String status,
        Optional<String> failure,
        String fileName,
        String folder,
        long size,
        Instant modified,
        Optional<String> container,
        Optional<String> mimeType,
        OptionalLong durationMs,
        OptionalLong bitrate,
        Optional<String> mediaUrl,
        Optional<String> artworkUrl,
        Optional<List<VideoTrack>> video,
        Optional<List<AudioTrack>> audio,
        Optional<List<SubtitleTrack>> subtitles,
        Optional<AudioTags> tags,
        Optional<PhotoInfo> photo,
        Optional<Instant> added,
        Optional<Instant> updated,
        Optional<Integer> version) {
}
