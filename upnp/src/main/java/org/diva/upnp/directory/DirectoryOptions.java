package org.diva.upnp.directory;

import java.util.Objects;
import org.diva.upnp.library.ItemQuery;

/**
 * How the tree looks and how much one answer carries.
 *
 * @param rootTitle   the root container's title
 * @param recentCount how many items "Recently added" holds
 * @param maxResults  the most objects one Browse or Search returns, also when the client asks for all
 *                    (RequestedCount 0); the client pages on with StartingIndex, as UPnP allows
 */
public record DirectoryOptions(String rootTitle, int recentCount, int maxResults) {
    public DirectoryOptions {
        Objects.requireNonNull(rootTitle, "rootTitle");
        if (recentCount < 1) {
            throw new IllegalArgumentException("recentCount must be at least 1, not " + recentCount);
        }
        if (maxResults < 1 || maxResults > ItemQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("maxResults must be 1.." + ItemQuery.MAX_LIMIT + ", not "
                    + maxResults);
        }
    }

    public static DirectoryOptions defaults() {
        return new DirectoryOptions("DiVA", 50, 500);
    }
}
