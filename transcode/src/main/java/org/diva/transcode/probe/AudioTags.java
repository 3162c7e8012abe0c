package org.diva.transcode.probe;

import java.util.Optional;
import java.util.OptionalInt;

/** Music tags as the file states them; absent fields were not tagged. */
public record AudioTags(
        Optional<String> title,
        Optional<String> artist,
        Optional<String> albumArtist,
        Optional<String> album,
        OptionalInt track,
        OptionalInt disc,
        OptionalInt year,
        Optional<String> genre,
        boolean hasCoverArt) {
}
