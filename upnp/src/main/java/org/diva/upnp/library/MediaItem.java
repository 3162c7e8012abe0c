package org.diva.upnp.library;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One playable file of the library, as the UPnP face shows it.
 *
 * @param id            the catalogue's id; object ids ({@code item/{id}}) and URLs ({@code /media/{id}}) use it
 * @param title         what to show: the file's own title tag, else its name without the extension
 * @param added         when the library first saw the file (what "Recently added" goes by)
 * @param version       bumped whenever the catalogue's row for it changes
 * @param durationMillis playing time, if known
 * @param bitrate       overall bits per second, if known
 * @param video         the main video stream, for videos
 * @param audio         the main audio stream, for videos and music
 * @param subtitles     subtitle tracks inside the file; those {@link EmbeddedSubtitle#servedAsSrt()} are served as
 *                      SubRip at {@code /media/{id}/subtitles/{n}}, numbered after the files, in this order
 * @param subtitleFiles subtitle files beside it
 * @param tags          music tags ({@link MusicTags#none()} when untagged)
 * @param hasCoverArt   whether the server can serve cover art for it at {@code /api/v1/items/{id}/artwork}
 * @param photo         EXIF facts, for photos
 */
public record MediaItem(long id, MediaKind kind, String title, ItemFile file, Instant added, long version,
                        OptionalLong durationMillis, OptionalLong bitrate, Optional<VideoStream> video,
                        Optional<AudioStream> audio, List<EmbeddedSubtitle> subtitles,
                        List<SubtitleFile> subtitleFiles, MusicTags tags, boolean hasCoverArt,
                        Optional<PhotoFacts> photo) {
    public MediaItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(durationMillis, "durationMillis");
        Objects.requireNonNull(bitrate, "bitrate");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(audio, "audio");
        subtitles = List.copyOf(subtitles);
        subtitleFiles = List.copyOf(subtitleFiles);
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(photo, "photo");
        if (id < 0) {
            throw new IllegalArgumentException("negative item id " + id);
        }
        if (durationMillis.isPresent() && durationMillis.getAsLong() < 0
                || bitrate.isPresent() && bitrate.getAsLong() < 0) {
            throw new IllegalArgumentException("negative duration or bitrate for item " + id);
        }
    }

    /**
     * The date a person would file it under, which {@code dc:date} shows and {@link SortField#DATE} sorts by: a
     * photo's date taken, else a track's tagged year (1 January), else the file's modification time in UTC.
     * The SQL equivalent is {@code COALESCE(date_taken, DATE 'year-01-01', modified AT UTC)}.
     */
    public LocalDateTime date() {
        Optional<LocalDateTime> taken = photo.flatMap(PhotoFacts::dateTaken);
        if (taken.isPresent()) {
            return taken.get();
        }
        if (tags.year().isPresent()) {
            return LocalDate.of(tags.year().getAsInt(), 1, 1).atStartOfDay();
        }
        return LocalDateTime.ofInstant(file.modified(), ZoneOffset.UTC);
    }

    /** {@code yyyy-MM} of the photo's date taken, or '' when it has none (what "By date" groups photos by). */
    public String photoMonth() {
        return photo.flatMap(PhotoFacts::dateTaken)
                .map(t -> String.format(Locale.ROOT, "%04d-%02d", t.getYear(), t.getMonthValue()))
                .orElse("");
    }
}
