package org.diva.upnp.content;

/**
 * The answer to Browse or Search.
 *
 * @param didl           a DIDL-Lite document (unescaped; the SOAP layer escapes it once more)
 * @param totalMatches   how many objects match in all, not just on this page
 * @param updateId       the container's update id (or SystemUpdateID)
 */
public record BrowseResult(String didl, long numberReturned, long totalMatches, long updateId) {
    public BrowseResult {
        if (numberReturned < 0 || totalMatches < numberReturned) {
            throw new IllegalArgumentException("returned " + numberReturned + " of " + totalMatches);
        }
    }
}
