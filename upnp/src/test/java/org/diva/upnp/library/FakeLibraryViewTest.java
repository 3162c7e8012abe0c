package org.diva.upnp.library;

import java.util.List;

/** Holds the in-memory view the ContentDirectory tests use to the same contract as the SQL one. */
class FakeLibraryViewTest extends LibraryViewContract {
    @Override
    protected LibraryView viewOf(List<MediaRoot> roots, List<MediaItem> items) {
        return new FakeLibraryView(roots, items);
    }
}
