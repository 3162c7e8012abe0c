package org.diva.upnp.service;

import java.util.concurrent.atomic.AtomicLong;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.content.SearchRequest;

/** A directory with only a root, enough to bind and publish. */
final class FakeContentDirectory implements ContentDirectory {
    final AtomicLong systemUpdateId = new AtomicLong(7);

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
        return "dc:title";
    }

    @Override
    public String sortCapabilities() {
        return "dc:title";
    }

    @Override
    public long systemUpdateId() {
        return systemUpdateId.get();
    }
}
