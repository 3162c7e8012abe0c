package org.diva.upnp.directory;

import static org.diva.upnp.directory.Requests.search;
import static org.diva.upnp.directory.Requests.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.content.SearchRequest;
import org.diva.upnp.library.FakeLibraryView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SearchTest {
    private final FakeLibraryView view = Household.view();
    private final ContentDirectory cds = new LibraryContentDirectory(view, DirectoryOptions.defaults());

    /** Rows: where the client searched, its criteria, and what it finds (by title unless it sorts). */
    static Stream<Arguments> searches() {
        return Stream.of(
                Arguments.of("0", "upnp:class derivedfrom \"object.item.audioItem\" and dc:title contains \"o\"",
                        List.of("item/15 'Song \"quoted\" & 'apostrophe''", "item/13 'SOS'", "item/12 'Waterloo'")),
                Arguments.of("music/artists/ABBA", "*",
                        List.of("item/11 'Dancing Queen'", "item/13 'SOS'", "item/12 'Waterloo'")),
                Arguments.of("music/artists/ABBA/Gold", "dc:title startsWith \"w\"", List.of("item/12 'Waterloo'")),
                Arguments.of("video", "dc:title contains \"A\"", List.of("item/1 'Alien'", "item/3 'Amélie'")),
                Arguments.of("folders/r1/Photos", "*",
                        List.of("item/21 'Beach'", "item/22 'Hill'", "item/23 'Scan'")),
                Arguments.of("photos/dates/2024-07", "upnp:class = \"object.item.imageItem.photo\"",
                        List.of("item/21 'Beach'", "item/22 'Hill'")),
                Arguments.of("0", "upnp:artist = \"ac/dc\"", List.of("item/15 'Song \"quoted\" & 'apostrophe''")),
                Arguments.of("0", "dc:creator contains \"BB\" and upnp:album exists false", List.of("item/13 'SOS'")),
                Arguments.of("0", "upnp:genre = \"pop\" or upnp:genre = \"rock\"", List.of("item/11 'Dancing Queen'",
                        "item/15 'Song \"quoted\" & 'apostrophe''", "item/13 'SOS'", "item/12 'Waterloo'")),
                Arguments.of("music", "upnp:class derivedfrom \"object.item.videoItem\"", List.of()),
                // Windows Media Player lists artists by searching for containers, which DiVA does not return
                Arguments.of("0", "upnp:class = \"object.container.person.musicArtist\" and @refID exists false",
                        List.of()),
                Arguments.of("video/recent", "dc:title contains \"e\"", List.of("item/1 'Alien'", "item/3 'Amélie'",
                        "item/4 'Home movie'", "item/2 'Tom & Jerry <Best of>'")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("searches")
    void findsItemsBelowTheContainer(String container, String criteria, List<String> expected)
            throws ContentDirectoryException {
        BrowseResult result = search(cds, container, criteria);
        assertEquals(expected, summary(result));
        assertEquals(expected.size(), result.totalMatches());
    }

    @Test
    void pagesAndSortsResults() throws ContentDirectoryException {
        BrowseResult result = cds.search(new SearchRequest("music", "*", "*", 1, 2, "-dc:title", Requests.TV));
        assertEquals(List.of("item/14 'Untitled'", "item/13 'SOS'"), summary(result));
        assertEquals(2, result.numberReturned());
        assertEquals(5, result.totalMatches());
    }

    @Test
    void givesFoundItemsTheirFolderAsParent() throws ContentDirectoryException {
        assertEquals(List.of("folders/r1/Music/ABBA/Gold", "folders/r1/Music/ABBA", "folders/r1/Music/ABBA/Gold"),
                Requests.parents(search(cds, "music/artists/ABBA", "*")));
    }

    @Test
    void reportsCapabilitiesAndUpdateIds() throws ContentDirectoryException {
        assertEquals("upnp:class,dc:title,dc:creator,upnp:artist,upnp:album,upnp:genre", cds.searchCapabilities());
        assertEquals("dc:title,dc:date,dc:creator,upnp:artist,upnp:album,upnp:genre,upnp:originalTrackNumber,"
                + "upnp:class", cds.sortCapabilities());
        long before = cds.systemUpdateId();
        view.bumpUpdateId();
        assertEquals(before + 1, cds.systemUpdateId());
        assertEquals(before + 1, search(cds, "0", "*").updateId());
        assertEquals(before + 1, Requests.children(cds, "music").updateId());
    }
}
