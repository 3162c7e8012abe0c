package org.diva.upnp.content;

/**
 * Answers ContentDirectory:1 Browse and Search. The UPnP device calls it concurrently from many client
 * threads (no per-service lock), so implementations must be thread-safe.
 */
public interface ContentDirectory {
    /** @throws ContentDirectoryException 701 for an unknown object, 402 for bad arguments, 709 for bad sort */
    BrowseResult browse(BrowseRequest request) throws ContentDirectoryException;

    /** @throws ContentDirectoryException 708 for bad criteria, 710 for an unknown container, 402, 709 */
    BrowseResult search(SearchRequest request) throws ContentDirectoryException;

    /** Comma-separated properties Search understands, e.g. {@code upnp:class,dc:title,upnp:artist}. */
    String searchCapabilities();

    /** Comma-separated properties SortCriteria may name, e.g. {@code dc:title,dc:date}. */
    String sortCapabilities();

    /** Changes whenever anything in the tree changes; evented by the device as SystemUpdateID. */
    long systemUpdateId();
}
