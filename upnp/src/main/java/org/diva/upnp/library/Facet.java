package org.diva.upnp.library;

/**
 * What {@link LibraryView#values} groups items by. The empty string is a value too: the group of items that lack
 * the tag (or, for {@link #PHOTO_MONTH}, the date taken).
 */
public enum Facet {
    /** {@link MusicTags#artist()}; SQL {@code COALESCE(artist, '')}. */
    ARTIST,
    /** {@link MusicTags#album()}; SQL {@code COALESCE(album, '')}. */
    ALBUM,
    /** {@link MusicTags#genre()}; SQL {@code COALESCE(genre, '')}. */
    GENRE,
    /** {@link MediaItem#photoMonth()}; SQL {@code COALESCE(FORMATDATETIME(date_taken, 'yyyy-MM'), '')}. */
    PHOTO_MONTH,
    /**
     * The names of the folders directly below the filter's {@link ItemFilter#folder() folder} that hold matching
     * items at any depth; never ''. The count is of those items. The filter must name a folder (its
     * {@code recursive} flag is ignored). SQL: the first segment of {@code SUBSTRING(folder, LENGTH(:path) + 2)}
     * over the rows with {@code folder LIKE :path || '/%'} (every row with {@code folder <> ''} for the top).
     */
    SUBFOLDER
}
