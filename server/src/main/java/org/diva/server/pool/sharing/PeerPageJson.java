package org.diva.server.pool.sharing;

import java.util.List;

/**
 * Wire form of a page of a shared folder, or of search results: the entries from {@code offset}, and how many there
 * are in all (for search, how many were found up to the limit).
 */
public record PeerPageJson(List<PeerEntryJson> entries, long total, int offset, int limit) {
    public PeerPageJson {
        entries = List.copyOf(entries);
        if (total < 0 || offset < 0 || limit < 0) {
            throw new IllegalArgumentException("a page has no negative total, offset or limit");
        }
    }
}
