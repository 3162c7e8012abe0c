package org.diva.transcode.probe.audio;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diva.transcode.probe.Artwork;
import org.diva.transcode.probe.AudioTags;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

/**
 * Turns a jaudiotagger {@link Tag} (ID3, Vorbis comments, MP4 ilst, RIFF INFO) into {@link AudioTags} and the
 * cover. Values are taken as written, except that surrounding blanks and NULs (RIFF INFO pads strings) are
 * trimmed and numbers are read leniently: "3/12" is track 3, "2019-05-01" is year 2019.
 */
final class TagReader {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,6})(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

    /** Tags and cover of one file. */
    record Result(Optional<AudioTags> tags, Optional<Artwork> artwork) {
        static final Result NONE = new Result(Optional.empty(), Optional.empty());
    }

    private TagReader() {
    }

    /**
     * @param tag   the file's tag, null when it has none
     * @param where names the file for log lines
     * @return empty tags when the file has no tag or only blank fields
     */
    static Result read(Tag tag, String where) {
        if (tag == null) {
            return Result.NONE;
        }
        Optional<Artwork> artwork = CoverArt.choose(artworkList(tag), where);
        AudioTags tags = new AudioTags(
                text(tag, FieldKey.TITLE),
                text(tag, FieldKey.ARTIST),
                text(tag, FieldKey.ALBUM_ARTIST),
                text(tag, FieldKey.ALBUM),
                number(text(tag, FieldKey.TRACK)),
                number(text(tag, FieldKey.DISC_NO)),
                year(text(tag, FieldKey.YEAR)),
                text(tag, FieldKey.GENRE).flatMap(GenreNames::resolve),
                artwork.isPresent());
        boolean blank = tags.title().isEmpty() && tags.artist().isEmpty() && tags.albumArtist().isEmpty()
                && tags.album().isEmpty() && tags.track().isEmpty() && tags.disc().isEmpty()
                && tags.year().isEmpty() && tags.genre().isEmpty() && !tags.hasCoverArt();
        return new Result(blank ? Optional.empty() : Optional.of(tags), artwork);
    }

    /** The first value of a field; formats that lack the field (RIFF INFO has no disc) read as absent. */
    static Optional<String> text(Tag tag, FieldKey key) {
        String value;
        try {
            value = tag.getFirst(key);
        } catch (RuntimeException e) { // KeyNotFoundException, UnsupportedOperationException
            return Optional.empty();
        }
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = strip(value);
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }

    static OptionalInt number(Optional<String> text) {
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher m = LEADING_NUMBER.matcher(text.get());
        if (!m.find()) {
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(m.group(1));
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }

    /** The first four-digit group: "2019", "2019-05-01", "2019-05-01T10:00", "01/05/2019". */
    static OptionalInt year(Optional<String> text) {
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher m = YEAR.matcher(text.get());
        if (!m.find()) {
            return OptionalInt.empty();
        }
        int year = Integer.parseInt(m.group(1));
        return year >= 1000 ? OptionalInt.of(year) : OptionalInt.empty();
    }

    private static List<org.jaudiotagger.tag.images.Artwork> artworkList(Tag tag) {
        try {
            return tag.getArtworkList();
        } catch (RuntimeException e) { // a picture frame that does not decode leaves the file without a cover
            return List.of();
        }
    }

    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isPadding(value.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isPadding(char c) {
        return c == '\0' || Character.isWhitespace(c);
    }
}
