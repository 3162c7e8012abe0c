package org.diva.upnp.directory;

import static org.diva.upnp.directory.Requests.children;
import static org.diva.upnp.directory.Requests.metadata;
import static org.diva.upnp.directory.Requests.parents;
import static org.diva.upnp.directory.Requests.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.NeighbourhoodView;
import org.diva.upnp.library.NeighbourhoodView.Entry;
import org.diva.upnp.library.Page;
import org.diva.upnp.library.StreamOffers;
import org.junit.jupiter.api.Test;

/** The Neighbourhood container over a fake pool: shown only in a pool, paged on demand, robust to silent neighbours. */
class NeighbourhoodBrowseTest {
    private final MediaItem alien = Household.items().get(0);
    private final MediaItem tom = Household.items().get(1);
    private final List<String> asked = new ArrayList<>();
    private final NeighbourhoodView pool = new NeighbourhoodView() {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Optional<Page<Entry>> children(String folderId, long offset, int limit) {
            asked.add(folderId + "@" + offset + "+" + limit);
            List<Entry> all = switch (folderId) {
                case "" -> List.of(new Entry.Folder("hB", "Bob", ""), new Entry.Folder("hD", "Dave", ""));
                case "hB" -> List.of(new Entry.Folder("hB/s", "Films", "hB"),
                        new Entry.Item("n-B-1", "hB", alien), new Entry.Item("n-B-2", "hB", tom));
                default -> null; // Dave does not answer
            };
            if (all == null) {
                return Optional.empty();
            }
            int from = (int) Math.min(offset, all.size());
            return Optional.of(new Page<>(all.subList(from, Math.min(all.size(), from + limit)), all.size()));
        }

        @Override
        public Optional<Entry.Folder> folder(String folderId) {
            return switch (folderId) {
                case "hB" -> Optional.of(new Entry.Folder("hB", "Bob", ""));
                case "hD" -> Optional.of(new Entry.Folder("hD", "Dave", ""));
                case "hB/s" -> Optional.of(new Entry.Folder("hB/s", "Films", "hB"));
                default -> Optional.empty();
            };
        }

        @Override
        public Optional<Entry.Item> item(String itemId) {
            return itemId.equals("n-B-1") ? Optional.of(new Entry.Item("n-B-1", "hB", alien)) : Optional.empty();
        }
    };
    private final ContentDirectory cds = new LibraryContentDirectory(Household.view(), DirectoryOptions.defaults(),
            StreamOffers.ORIGINAL_ONLY, pool);

    @Test
    void theRootEndsWithNeighbourhoodOnlyInAPool() throws Exception {
        List<String> root = summary(children(cds, "0"));
        assertEquals(5, root.size());
        assertEquals("neighbourhood 'Neighbourhood'", root.get(4), "no childCount: counting would ask neighbours");
        ContentDirectory alone = new LibraryContentDirectory(Household.view(), DirectoryOptions.defaults());
        assertEquals(4, summary(children(alone, "0")).size());
        assertThrows(ContentDirectoryException.class, () -> children(alone, "neighbourhood"));
        assertEquals(List.of("neighbourhood 'Neighbourhood'"), summary(metadata(cds, "neighbourhood")));
    }

    @Test
    void householdsThenTheirFoldersAndItemsPagedOnDemand() throws Exception {
        assertEquals(List.of("neighbourhood/f/hB 'Bob'", "neighbourhood/f/hD 'Dave'"),
                summary(children(cds, "neighbourhood")));
        BrowseResult bob = children(cds, "neighbourhood/f/hB");
        assertEquals(List.of("neighbourhood/f/hB%2Fs 'Films'", "neighbourhood/i/n-B-1 'Alien'",
                "neighbourhood/i/n-B-2 'Tom & Jerry <Best of>'"), summary(bob));
        assertEquals(List.of("neighbourhood/f/hB", "neighbourhood/f/hB", "neighbourhood/f/hB"), parents(bob));
        assertTrue(bob.didl().contains(">http://192.168.1.20:8300/media/n-B-1</res>"), bob.didl());
        assertTrue(bob.didl().contains("DLNA.ORG_PN=AVC_MP4"), "the file's DLNA profile, as for a local item");
        asked.clear();
        BrowseResult second = children(cds, "neighbourhood/f/hB", 1, 1, "");
        assertEquals(List.of("neighbourhood/i/n-B-1 'Alien'"), summary(second));
        assertEquals(3, second.totalMatches());
        assertEquals(List.of("hB@1+1"), asked, "one page asked of the neighbour, nothing crawled");
        assertEquals(List.of("neighbourhood/f/hB%2Fs 'Films'"), summary(metadata(cds, "neighbourhood/f/hB%2Fs")));
        assertEquals(List.of("neighbourhood/f/hB"), parents(metadata(cds, "neighbourhood/f/hB%2Fs")));
    }

    @Test
    void aSilentNeighbourIsAnEmptyContainerNotAFailure() throws Exception {
        BrowseResult dave = children(cds, "neighbourhood/f/hD");
        assertEquals(0, dave.numberReturned());
        assertEquals(0, dave.totalMatches());
    }

    @Test
    void itemsAndUnknownIds() throws Exception {
        BrowseResult item = metadata(cds, "neighbourhood/i/n-B-1");
        assertEquals(List.of("neighbourhood/i/n-B-1 'Alien'"), summary(item));
        assertEquals(List.of("neighbourhood/f/hB"), parents(item));
        for (String unknown : List.of("neighbourhood/i/n-B-9", "neighbourhood/f/nobody", "neighbourhood/x",
                "neighbourhood/f/hB/extra", "neighbourhood/f/%ZZ")) {
            assertThrows(ContentDirectoryException.class, () -> metadata(cds, unknown), unknown);
        }
        assertThrows(ContentDirectoryException.class, () -> Requests.search(cds, "neighbourhood",
                "dc:title contains \"A\""), "search stays in the household's own library");
    }
}
