package org.diva.upnp.didl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An item.
 *
 * @param date    {@code dc:date}: {@code yyyy-MM-dd} or {@code yyyy-MM-ddTHH:mm:ss}
 * @param artist  written as both {@code upnp:artist} and {@code dc:creator}, which different clients read
 */
public record DidlItem(String id, String parentId, String title, String upnpClass, Optional<String> date,
                       Optional<String> artist, Optional<String> album, Optional<String> genre,
                       OptionalInt trackNumber, Optional<AlbumArt> albumArt, List<DidlResource> resources,
                       List<Caption> captions) implements DidlObject {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2})?");

    public DidlItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(upnpClass, "upnpClass");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(genre, "genre");
        Objects.requireNonNull(trackNumber, "trackNumber");
        Objects.requireNonNull(albumArt, "albumArt");
        resources = List.copyOf(resources);
        captions = List.copyOf(captions);
        if (!upnpClass.startsWith("object.item")) {
            throw new IllegalArgumentException("not an item class: " + upnpClass);
        }
        date.ifPresent(d -> {
            if (!DATE.matcher(d).matches()) {
                throw new IllegalArgumentException("dc:date is yyyy-MM-dd[THH:mm:ss], not " + d);
            }
        });
    }
}
