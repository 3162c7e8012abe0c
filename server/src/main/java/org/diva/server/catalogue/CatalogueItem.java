package org.diva.server.catalogue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.diva.transcode.probe.MediaExtensions;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.SubtitleTrack;

/** One catalogued file as stored. {@code root} is the media folder it was found under. */
public record CatalogueItem(long id, Path root, Path path, String folder, String fileName, MediaKind kind, long size,
                            long modified, String sidecars, ItemStatus status, Optional<String> failure, String title,
                            Optional<MediaInfo> info, boolean hasArtwork, Instant added, Instant updated,
                            int version) {

    /** The subtitle files beside it, in the order {@code /media/{id}/subtitles/{n}} serves them. */
    public List<SubtitleTrack> externalSubtitles() {
        List<SubtitleTrack> tracks = new ArrayList<>();
        if (!sidecars.isEmpty()) {
            for (String name : sidecars.split("/")) {
                tracks.add(external(fileName, name));
            }
        }
        return tracks;
    }

    /** {@code Movie.en.srt} beside {@code Movie.mkv} is an English SubRip track. */
    static SubtitleTrack external(String videoName, String subtitleName) {
        String format = MediaExtensions.extension(subtitleName).orElse("srt");
        if (format.equals("vtt")) {
            format = "webvtt";
        }
        String videoBase = videoName.substring(0, videoName.lastIndexOf('.'));
        String middle = subtitleName.substring(0, subtitleName.lastIndexOf('.'));
        Optional<String> language = Optional.empty();
        if (middle.length() > videoBase.length() + 1) {
            for (String tag : middle.substring(videoBase.length() + 1).split("\\.")) {
                if (tag.matches("[A-Za-z]{2,3}(-[A-Za-z]{2})?")) {
                    language = Optional.of(tag.toLowerCase(Locale.ROOT));
                    break;
                }
            }
        }
        return new SubtitleTrack(format, language, Optional.empty(), Optional.of(subtitleName));
    }
}
