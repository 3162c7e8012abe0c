package org.diva.upnp.directory;

import static org.diva.upnp.directory.Requests.children;
import static org.diva.upnp.directory.Requests.metadata;
import static org.diva.upnp.directory.Requests.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.didl.DidlDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/** Every level of the tree, browsed over the household library: what a person sees on the TV. */
class TreeTest {
    private final ContentDirectory cds = new LibraryContentDirectory(Household.view(), DirectoryOptions.defaults());

    static Stream<Arguments> levels() {
        return Stream.of(
                Arguments.of("0", List.of("video 'Video' (3)", "music 'Music' (4)", "photos 'Photos' (2)",
                        "folders 'Folders' (2)")),
                Arguments.of("video", List.of("video/all 'All videos' (4)", "video/folders 'Folders' (2)",
                        "video/recent 'Recently added' (4)")),
                Arguments.of("video/all", List.of("item/1 'Alien'", "item/3 'Amélie'", "item/4 'Home movie'",
                        "item/2 'Tom & Jerry <Best of>'")),
                Arguments.of("video/recent", List.of("item/2 'Tom & Jerry <Best of>'", "item/3 'Amélie'",
                        "item/1 'Alien'", "item/4 'Home movie'")),
                Arguments.of("video/folders", List.of("video/folders/r1 'Media' (1)",
                        "video/folders/r2 'Other disk' (1)")),
                Arguments.of("video/folders/r1", List.of("video/folders/r1/Films 'Films' (3)")),
                Arguments.of("video/folders/r1/Films", List.of("video/folders/r1/Films/Cartoons 'Cartoons' (1)",
                        "video/folders/r1/Films/Sci-Fi 'Sci-Fi' (1)", "item/3 'Amélie'")),
                Arguments.of("video/folders/r1/Films/Sci-Fi", List.of("item/1 'Alien'")),
                Arguments.of("video/folders/r2", List.of("item/4 'Home movie'")),
                Arguments.of("music", List.of("music/artists 'Artists' (3)", "music/albums 'Albums' (3)",
                        "music/genres 'Genres' (3)", "music/all 'All tracks' (5)")),
                Arguments.of("music/artists", List.of("music/artists/~ 'Unknown artist' (1)",
                        "music/artists/ABBA 'ABBA' (2)", "music/artists/AC%2FDC 'AC/DC' (1)")),
                Arguments.of("music/artists/ABBA", List.of("music/artists/ABBA/~ 'Unknown album' (1)",
                        "music/artists/ABBA/Gold 'Gold' (2)")),
                Arguments.of("music/artists/ABBA/Gold", List.of("item/11 'Dancing Queen'", "item/12 'Waterloo'")),
                Arguments.of("music/artists/ABBA/~", List.of("item/13 'SOS'")),
                Arguments.of("music/artists/~", List.of("music/artists/~/~ 'Unknown album' (1)")),
                Arguments.of("music/artists/~/~", List.of("item/14 'Untitled'")),
                Arguments.of("music/artists/AC%2FDC", List.of(
                        "music/artists/AC%2FDC/Back%20in%20Black 'Back in Black' (1)")),
                Arguments.of("music/albums", List.of("music/albums/~ 'Unknown album' (2)",
                        "music/albums/Back%20in%20Black 'Back in Black' (1)", "music/albums/Gold 'Gold' (2)")),
                Arguments.of("music/albums/Gold", List.of("item/11 'Dancing Queen'", "item/12 'Waterloo'")),
                Arguments.of("music/albums/~", List.of("item/13 'SOS'", "item/14 'Untitled'")),
                Arguments.of("music/genres", List.of("music/genres/~ 'Unknown genre' (1)",
                        "music/genres/Pop 'Pop' (3)", "music/genres/Rock 'Rock' (1)")),
                Arguments.of("music/genres/Pop", List.of("item/11 'Dancing Queen'", "item/12 'Waterloo'",
                        "item/13 'SOS'")),
                Arguments.of("music/all", List.of("item/11 'Dancing Queen'",
                        "item/15 'Song \"quoted\" & 'apostrophe''", "item/13 'SOS'", "item/14 'Untitled'",
                        "item/12 'Waterloo'")),
                Arguments.of("photos", List.of("photos/dates 'By date' (3)", "photos/folders 'Folders' (2)")),
                Arguments.of("photos/dates", List.of("photos/dates/2024-07 '2024-07' (2)",
                        "photos/dates/2023-01 '2023-01' (1)", "photos/dates/~ 'Undated' (1)")),
                Arguments.of("photos/dates/2024-07", List.of("item/22 'Hill'", "item/21 'Beach'")),
                Arguments.of("photos/dates/~", List.of("item/23 'Scan'")),
                Arguments.of("photos/folders", List.of("photos/folders/r1 'Media' (1)",
                        "photos/folders/r2 'Other disk' (1)")),
                Arguments.of("photos/folders/r1", List.of("photos/folders/r1/Photos 'Photos' (2)")),
                Arguments.of("photos/folders/r1/Photos", List.of("photos/folders/r1/Photos/2024 '2024' (1)",
                        "item/23 'Scan'")),
                Arguments.of("photos/folders/r1/Photos/2024/Summer", List.of("item/21 'Beach'", "item/22 'Hill'")),
                Arguments.of("folders", List.of("folders/r1 'Media' (3)", "folders/r2 'Other disk' (2)")),
                Arguments.of("folders/r1", List.of("folders/r1/Films 'Films' (3)", "folders/r1/Music 'Music' (3)",
                        "folders/r1/Photos 'Photos' (2)")),
                Arguments.of("folders/r1/Music", List.of("folders/r1/Music/ABBA 'ABBA' (2)",
                        "folders/r1/Music/AC-DC 'AC-DC' (1)", "folders/r1/Music/Misc 'Misc' (1)")),
                Arguments.of("folders/r2", List.of("folders/r2/Pictures 'Pictures' (1)", "item/4 'Home movie'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void listsChildren(String id, List<String> expected) throws ContentDirectoryException {
        BrowseResult result = children(cds, id);
        assertEquals(expected, summary(result));
        assertEquals(expected.size(), result.numberReturned());
        assertEquals(expected.size(), result.totalMatches());
        assertTrue(Requests.parents(result).stream().allMatch(id::equals), () -> Requests.parents(result).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0,                                        -1,                             object.container",
        "video,                                    0,                              object.container.storageFolder",
        "video/folders/r1/Films,                   video/folders/r1,               object.container.storageFolder",
        "music/artists/AC%2FDC,                    music/artists,                  object.container.person.musicArtist",
        "music/artists/AC%2FDC/Back%20in%20Black,  music/artists/AC%2FDC,          object.container.album.musicAlbum",
        "music/genres/Pop,                         music/genres,                   object.container.genre.musicGenre",
        "photos/dates/2024-07,                     photos/dates,                   object.container.album.photoAlbum",
        "folders/r2,                               folders,                        object.container.storageFolder",
        "item/11,                                  folders/r1/Music/ABBA/Gold,     object.item.audioItem.musicTrack",
        "item/4,                                   folders/r2,                     object.item.videoItem",
        "item/23,                                  folders/r1/Photos,              object.item.imageItem.photo",
    })
    void describesAnObjectWithItsParent(String id, String parent, String upnpClass) throws ContentDirectoryException {
        BrowseResult result = metadata(cds, id);
        assertEquals(1, result.numberReturned());
        assertEquals(1, result.totalMatches());
        Element object = DidlDocuments.objects(DidlDocuments.parse(result.didl())).get(0);
        assertEquals(id, object.getAttribute("id"));
        assertEquals(parent, object.getAttribute("parentID"));
        assertEquals("1", object.getAttribute("restricted"));
        assertEquals(upnpClass, DidlDocuments.text(object, DidlDocuments.UPNP, "class"));
    }

    /**
     * Walks the whole tree from the root: every child container described in a listing is described the same way
     * on its own, its childCount is what browsing it reports, and every item can be looked up by its id.
     */
    @Test
    void everyContainerAgreesWithItsListing() throws ContentDirectoryException {
        Deque<String> pending = new ArrayDeque<>(List.of("0"));
        Set<String> seen = new HashSet<>();
        int items = 0;
        while (!pending.isEmpty()) {
            String id = pending.pop();
            assertTrue(seen.add(id), "reached twice: " + id);
            BrowseResult listing = children(cds, id);
            List<String> lines = summary(listing);
            List<Element> objects = DidlDocuments.objects(DidlDocuments.parse(listing.didl()));
            for (int i = 0; i < objects.size(); i++) {
                Element child = objects.get(i);
                String childId = child.getAttribute("id");
                if (child.getLocalName().equals("container")) {
                    assertEquals(List.of(lines.get(i)), summary(metadata(cds, childId)), childId);
                    assertEquals(Long.parseLong(child.getAttribute("childCount")),
                            children(cds, childId).totalMatches(), childId);
                    pending.add(childId);
                } else {
                    assertEquals(1, metadata(cds, childId).numberReturned(), childId);
                    items++;
                }
            }
        }
        assertEquals(55, seen.size()); // root 1, video 9, music 18, photos 12, folders 15
        assertTrue(items > Household.items().size());
    }

    @Test
    void itemsHaveNoChildren() throws ContentDirectoryException {
        BrowseResult result = children(cds, "item/1");
        assertEquals(0, result.numberReturned());
        assertEquals(0, result.totalMatches());
        assertEquals(List.of(), summary(result));
    }
}
