package org.diva.upnp.library;

/**
 * What items can be sorted by. Strings compare by their lower case only ({@code LOWER(x)}, Locale.ROOT), so equal
 * ones fall to the next key and finally to the id; absent values come last whatever the direction
 * ({@code NULLS LAST}). SQL: {@code ORDER BY LOWER(title) DESC NULLS LAST, ..., id}.
 */
public enum SortField {
    /** SQL {@code LOWER(title)}. */
    TITLE,
    /** {@link MediaItem#date()}. */
    DATE,
    /** {@link MusicTags#artist()}. */
    ARTIST,
    /** {@link MusicTags#album()}. */
    ALBUM,
    /** {@link MusicTags#genre()}. */
    GENRE,
    /** {@link MusicTags#trackNumber()}. */
    TRACK_NUMBER,
    /** {@link MediaItem#added()}. */
    ADDED,
    /** {@link ItemFile#fileName()}. */
    FILE_NAME
}
