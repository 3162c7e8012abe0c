package org.diva.upnp.library;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Music tags as the file states them; absent fields were not tagged (empty strings are absent too).
 *
 * @param artist the track artist, or the album artist when the track has none: what Artists and
 *               {@link SearchProperty#ARTIST} go by
 */
public record MusicTags(Optional<String> artist, Optional<String> album, Optional<String> albumArtist,
                        OptionalInt trackNumber, OptionalInt year, Optional<String> genre) {
    public MusicTags {
        artist = present(artist, "artist");
        album = present(album, "album");
        albumArtist = present(albumArtist, "albumArtist");
        genre = present(genre, "genre");
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(year, "year");
    }

    public static MusicTags none() {
        return new MusicTags(Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty());
    }

    private static Optional<String> present(Optional<String> value, String name) {
        return Objects.requireNonNull(value, name).filter(v -> !v.isBlank());
    }
}
