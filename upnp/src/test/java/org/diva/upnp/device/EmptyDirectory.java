package org.diva.upnp.device;

import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.content.SearchRequest;

/** A directory that holds nothing, for tests that only look at the device. */
final class EmptyDirectory implements ContentDirectory {
    @Override
    public BrowseResult browse(BrowseRequest request) throws ContentDirectoryException {
        throw new ContentDirectoryException(ContentDirectoryException.NO_SUCH_OBJECT, "No such object");
    }

    @Override
    public BrowseResult search(SearchRequest request) throws ContentDirectoryException {
        throw new ContentDirectoryException(ContentDirectoryException.NO_SUCH_CONTAINER, "No such container");
    }

    @Override
    public String searchCapabilities() {
        return "";
    }

    @Override
    public String sortCapabilities() {
        return "";
    }

    @Override
    public long systemUpdateId() {
        return 1;
    }
}
