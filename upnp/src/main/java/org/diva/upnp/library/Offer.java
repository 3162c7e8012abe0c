package org.diva.upnp.library;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one client is offered for one item: converted streams it plays, listed before the file itself (renderers
 * take the first {@code res} they can play), and the MIME type to announce the file with when the client wants
 * another than the usual one (older Samsungs want {@code video/x-mkv}).
 */
public record Offer(List<ConvertedStream> converted, Optional<String> originalMimeType) {
    public Offer {
        converted = List.copyOf(converted);
        Objects.requireNonNull(originalMimeType, "originalMimeType");
    }

    /** The file alone, as it is. */
    public static Offer original() {
        return new Offer(List.of(), Optional.empty());
    }
}
