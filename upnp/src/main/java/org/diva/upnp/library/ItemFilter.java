package org.diva.upnp.library;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Which items a tree container holds; every present field must hold (AND), absent fields do not restrict.
 *
 * <p>The tag fields compare exactly (case-sensitive, as {@code GROUP BY} groups them), and the empty string
 * stands for "not tagged": {@code artist = ''} selects the items with no artist, which is how the tree's
 * "Unknown artist" container lists them. SQL for {@code artist}: {@code COALESCE(artist, '') = :artist};
 * likewise {@code album}, {@code genre}, and {@code photoMonth} against
 * {@code COALESCE(FORMATDATETIME(date_taken, 'yyyy-MM'), '')}.
 *
 * <p>{@code latest} keeps only the N most recently added items among those the other fields select (newest
 * {@link MediaItem#added()} first, ties by higher id); criteria, sorting and paging then apply to those N. SQL:
 * {@code AND id IN (SELECT id FROM item WHERE <other fields> ORDER BY added DESC, id DESC LIMIT :latest)}.
 */
public record ItemFilter(Optional<MediaKind> kind, Optional<FolderScope> folder, Optional<String> artist,
                         Optional<String> album, Optional<String> genre, Optional<String> photoMonth,
                         OptionalInt latest) {
    private static final Pattern MONTH = Pattern.compile("(\\d{4}-(0[1-9]|1[0-2]))?");
    private static final ItemFilter ALL = new ItemFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());

    public ItemFilter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(genre, "genre");
        Objects.requireNonNull(photoMonth, "photoMonth");
        Objects.requireNonNull(latest, "latest");
        photoMonth.ifPresent(m -> {
            if (!MONTH.matcher(m).matches()) {
                throw new IllegalArgumentException("photo month is yyyy-MM or '', not '" + m + "'");
            }
        });
        if (latest.isPresent() && latest.getAsInt() <= 0) {
            throw new IllegalArgumentException("latest must be positive, not " + latest.getAsInt());
        }
    }

    /** Every item. */
    public static ItemFilter all() {
        return ALL;
    }

    public static ItemFilter of(MediaKind kind) {
        return ALL.withKind(kind);
    }

    public ItemFilter withKind(MediaKind value) {
        return new ItemFilter(Optional.of(value), folder, artist, album, genre, photoMonth, latest);
    }

    public ItemFilter withFolder(FolderScope value) {
        return new ItemFilter(kind, Optional.of(value), artist, album, genre, photoMonth, latest);
    }

    public ItemFilter withArtist(String value) {
        return new ItemFilter(kind, folder, Optional.of(value), album, genre, photoMonth, latest);
    }

    public ItemFilter withAlbum(String value) {
        return new ItemFilter(kind, folder, artist, Optional.of(value), genre, photoMonth, latest);
    }

    public ItemFilter withGenre(String value) {
        return new ItemFilter(kind, folder, artist, album, Optional.of(value), photoMonth, latest);
    }

    public ItemFilter withPhotoMonth(String value) {
        return new ItemFilter(kind, folder, artist, album, genre, Optional.of(value), latest);
    }

    public ItemFilter withLatest(int count) {
        return new ItemFilter(kind, folder, artist, album, genre, photoMonth, OptionalInt.of(count));
    }
}
