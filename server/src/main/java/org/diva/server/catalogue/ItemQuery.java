package org.diva.server.catalogue;

import java.util.Optional;
import org.diva.transcode.probe.MediaKind;

/**
 * A page of the catalogue: optionally one kind, one status, and a text that must appear in the title, file
 * name, artist or album (case-insensitive), ordered by title.
 */
public record ItemQuery(Optional<MediaKind> kind, Optional<ItemStatus> status, Optional<String> text, int offset,
                        int limit) {
    public static final int MAX_LIMIT = 1000;

    public ItemQuery {
        if (offset < 0 || limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
        }
        text = text.map(String::strip).filter(t -> !t.isEmpty());
    }
}
