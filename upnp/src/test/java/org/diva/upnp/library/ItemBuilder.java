package org.diva.upnp.library;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Builds {@link MediaItem}s for tests with plain defaults, so each test states only what it is about. */
public final class ItemBuilder {
    public static final MediaRoot DEFAULT_ROOT = new MediaRoot("r1", "Media");

    private final long id;
    private final MediaKind kind;
    private String title;
    private MediaRoot root = DEFAULT_ROOT;
    private String folder = "";
    private String fileName;
    private long size = 1_000_000;
    private Instant modified = Instant.parse("2024-01-01T00:00:00Z");
    private Instant added;
    private long version = 1;
    private String mimeType;
    private String container;
    private OptionalLong duration = OptionalLong.empty();
    private OptionalLong bitrate = OptionalLong.empty();
    private Optional<VideoStream> video = Optional.empty();
    private Optional<AudioStream> audio = Optional.empty();
    private final List<EmbeddedSubtitle> subtitles = new ArrayList<>();
    private final List<SubtitleFile> subtitleFiles = new ArrayList<>();
    private Optional<String> artist = Optional.empty();
    private Optional<String> album = Optional.empty();
    private Optional<String> albumArtist = Optional.empty();
    private OptionalInt track = OptionalInt.empty();
    private OptionalInt year = OptionalInt.empty();
    private Optional<String> genre = Optional.empty();
    private boolean coverArt;
    private Optional<PhotoFacts> photo = Optional.empty();

    private ItemBuilder(long id, MediaKind kind, String title, String extension, String mimeType, String container) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.fileName = "file" + id + "." + extension;
        this.mimeType = mimeType;
        this.container = container;
    }

    public static ItemBuilder video(long id, String title) {
        return new ItemBuilder(id, MediaKind.VIDEO, title, "mp4", "video/mp4", "mp4");
    }

    public static ItemBuilder track(long id, String title) {
        return new ItemBuilder(id, MediaKind.AUDIO, title, "mp3", "audio/mpeg", "mp3");
    }

    public static ItemBuilder photo(long id, String title) {
        return new ItemBuilder(id, MediaKind.PHOTO, title, "jpg", "image/jpeg", "jpeg");
    }

    public ItemBuilder title(String value) {
        title = value;
        return this;
    }

    public ItemBuilder in(MediaRoot value, String folderPath) {
        root = value;
        folder = folderPath;
        return this;
    }

    public ItemBuilder in(String folderPath) {
        folder = folderPath;
        return this;
    }

    public ItemBuilder file(String name, String mime, String containerName) {
        fileName = name;
        mimeType = mime;
        container = containerName;
        return this;
    }

    public ItemBuilder size(long bytes) {
        size = bytes;
        return this;
    }

    public ItemBuilder modified(String instant) {
        modified = Instant.parse(instant);
        return this;
    }

    public ItemBuilder added(String instant) {
        added = Instant.parse(instant);
        return this;
    }

    public ItemBuilder version(long value) {
        version = value;
        return this;
    }

    public ItemBuilder duration(long millis) {
        duration = OptionalLong.of(millis);
        return this;
    }

    public ItemBuilder bitrate(long bitsPerSecond) {
        bitrate = OptionalLong.of(bitsPerSecond);
        return this;
    }

    public ItemBuilder video(VideoStream value) {
        video = Optional.of(value);
        return this;
    }

    public ItemBuilder audio(AudioStream value) {
        audio = Optional.of(value);
        return this;
    }

    public ItemBuilder subtitle(String format, String language) {
        // As the server decides: text tracks are served as SubRip, bitmap ones are not.
        boolean text = java.util.Set.of("srt", "ass", "ssa", "webvtt", "mov_text").contains(format);
        subtitles.add(new EmbeddedSubtitle(format, Optional.ofNullable(language), text));
        return this;
    }

    public ItemBuilder subtitleFile(String format, String language) {
        subtitleFiles.add(new SubtitleFile(subtitleFiles.size(), format, Optional.ofNullable(language)));
        return this;
    }

    public ItemBuilder artist(String value) {
        artist = Optional.ofNullable(value);
        return this;
    }

    public ItemBuilder album(String value) {
        album = Optional.ofNullable(value);
        return this;
    }

    public ItemBuilder albumArtist(String value) {
        albumArtist = Optional.ofNullable(value);
        return this;
    }

    public ItemBuilder track(int number) {
        track = OptionalInt.of(number);
        return this;
    }

    public ItemBuilder year(int value) {
        year = OptionalInt.of(value);
        return this;
    }

    public ItemBuilder genre(String value) {
        genre = Optional.ofNullable(value);
        return this;
    }

    public ItemBuilder coverArt() {
        coverArt = true;
        return this;
    }

    public ItemBuilder taken(String localDateTime, int width, int height, int orientation) {
        photo = Optional.of(new PhotoFacts(Optional.ofNullable(localDateTime).map(LocalDateTime::parse), width, height,
                orientation));
        return this;
    }

    public MediaItem build() {
        ItemFile file = new ItemFile(root, folder, fileName, size, modified, mimeType, container);
        MusicTags tags = new MusicTags(artist, album, albumArtist, track, year, genre);
        return new MediaItem(id, kind, title, file, added == null ? modified : added, version, duration, bitrate,
                video, audio, subtitles, subtitleFiles, tags, coverArt, photo);
    }
}
