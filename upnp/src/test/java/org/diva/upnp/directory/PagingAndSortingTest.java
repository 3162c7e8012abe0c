package org.diva.upnp.directory;

import static org.diva.upnp.directory.Requests.children;
import static org.diva.upnp.directory.Requests.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.didl.DidlDocuments;
import org.diva.upnp.library.FakeLibraryView;
import org.diva.upnp.library.ItemBuilder;
import org.diva.upnp.library.MediaItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingAndSortingTest {
    private final ContentDirectory cds = new LibraryContentDirectory(Household.view(), DirectoryOptions.defaults());

    /** Rows: container, StartingIndex, RequestedCount, the ids returned, TotalMatches. */
    @ParameterizedTest(name = "{0} from {1} count {2}")
    @CsvSource(delimiter = '|', value = {
        "music/all              | 0   | 2 | item/11 item/15                                   | 5",
        "music/all              | 1   | 2 | item/15 item/13                                   | 5",
        "music/all              | 4   | 2 | item/12                                           | 5",
        "music/all              | 5   | 2 | ''                                                | 5",
        "music/all              | 100 | 0 | ''                                                | 5",
        "music/all              | 2   | 0 | item/13 item/14 item/12                           | 5",
        // a folder's children are its subfolders, then its items: pages may straddle the two
        "folders/r2             | 0   | 1 | folders/r2/Pictures                               | 2",
        "folders/r2             | 1   | 1 | item/4                                            | 2",
        "folders/r2             | 0   | 2 | folders/r2/Pictures item/4                        | 2",
        "folders/r2             | 2   | 1 | ''                                                | 2",
        "video/folders/r1/Films | 1   | 2 | video/folders/r1/Films/Sci-Fi item/3              | 3",
        "video/folders/r1/Films | 2   | 5 | item/3                                            | 3",
        "music/artists          | 1   | 1 | music/artists/ABBA                                | 3",
        "0                      | 3   | 5 | folders                                           | 4",
        "folders                | 1   | 1 | folders/r2                                        | 2",
    })
    void pages(String id, long start, long count, String expectedIds, long total) throws ContentDirectoryException {
        BrowseResult result = children(cds, id, start, count, "");
        assertEquals(expectedIds, String.join(" ", ids(result)));
        assertEquals(ids(result).size(), result.numberReturned());
        assertEquals(total, result.totalMatches());
    }

    /** Rows: container, SortCriteria, the ids in order. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "video/all              | -dc:title                                | item/2 item/4 item/3 item/1",
        "video/all              | +dc:date                                 | item/1 item/2 item/3 item/4",
        "video/all              | -dc:date                                 | item/2 item/3 item/4 item/1",
        "video/recent           | +dc:title                                | item/1 item/3 item/4 item/2",
        "music/all              | +upnp:originalTrackNumber                | item/11 item/12 item/15 item/13 item/14",
        "music/all              | +upnp:album,+upnp:originalTrackNumber    | item/15 item/11 item/12 item/13 item/14",
        "music/all              | -upnp:artist,+dc:title                   | item/15 item/11 item/13 item/12 item/14",
        "music/all              | +upnp:class,-dc:title                    | item/12 item/14 item/13 item/15 item/11",
        "music/artists          | -dc:title                                | music/artists/AC%2FDC music/artists/ABBA music/artists/~",
        "music/artists          | +upnp:originalTrackNumber                | music/artists/~ music/artists/ABBA music/artists/AC%2FDC",
        "photos/dates           | +dc:title                                | photos/dates/~ photos/dates/2023-01 photos/dates/2024-07",
        "photos/dates/2024-07   | -dc:date                                 | item/21 item/22",
        "folders/r1/Films       | -dc:title                                | folders/r1/Films/Sci-Fi folders/r1/Films/Cartoons item/3",
        "0                      | -dc:title                                | video music photos folders",
    })
    void sorts(String id, String sort, String expectedIds) throws ContentDirectoryException {
        assertEquals(expectedIds, String.join(" ", ids(children(cds, id, 0, 0, sort))));
    }

    @Test
    void capsAnswersAtMaxResultsEvenWhenAllAreAsked() throws ContentDirectoryException {
        ContentDirectory small = new LibraryContentDirectory(Household.view(), new DirectoryOptions("DiVA", 50, 2));
        BrowseResult all = children(small, "music/all", 0, 0, "");
        assertEquals(2, all.numberReturned());
        assertEquals(5, all.totalMatches());
        BrowseResult many = children(small, "music/all", 4, 100, "");
        assertEquals(1, many.numberReturned());
    }

    @Test
    void recentlyAddedHoldsTheNewest() throws ContentDirectoryException {
        ContentDirectory recentTwo = new LibraryContentDirectory(Household.view(), new DirectoryOptions("DiVA", 2, 500));
        BrowseResult recent = children(recentTwo, "video/recent");
        assertEquals(List.of("item/2", "item/3"), ids(recent));
        assertEquals(2, recent.totalMatches());
        assertEquals(List.of("video/all 'All videos' (4)", "video/folders 'Folders' (2)",
                "video/recent 'Recently added' (2)"), summary(children(recentTwo, "video")));
    }

    /** A library of 10,000 films: every answer is one page, and the view is never asked for more than a page. */
    @Test
    void neverLoadsTheWholeLibrary() throws ContentDirectoryException {
        List<MediaItem> films = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            films.add(ItemBuilder.video(i, "Film " + i).in("Films/" + (i % 100)).build());
        }
        FakeLibraryView view = new FakeLibraryView(List.of(ItemBuilder.DEFAULT_ROOT), films);
        ContentDirectory big = new LibraryContentDirectory(view, DirectoryOptions.defaults());

        BrowseResult all = children(big, "video/all", 0, 0, "+dc:title");
        assertEquals(500, all.numberReturned());
        assertEquals(10_000, all.totalMatches());
        BrowseResult page = children(big, "video/all", 9_990, 30, "");
        assertEquals(10, page.numberReturned());
        BrowseResult folders = children(big, "folders/r1/Films", 90, 30, "");
        assertEquals(10, folders.numberReturned());
        assertEquals(100, folders.totalMatches());
        assertTrue(view.largestLimit() <= 500, "asked the view for " + view.largestLimit());

        long before = view.queries();
        children(big, "video/all", 0, 30, "");
        assertEquals(1, view.queries() - before, "one query for a page of items");
    }

    @Test
    void honoursTheFilter() throws ContentDirectoryException {
        BrowseResult bare = cds.browse(new BrowseRequest("video/folders/r1/Films", false, "dc:title", 0, 0, "",
                Requests.TV));
        assertTrue(!bare.didl().contains("childCount") && !bare.didl().contains("<res"), bare.didl());
        BrowseResult samsung = cds.browse(new BrowseRequest("video/folders/r1/Films/Sci-Fi", false,
                "dc:title,upnp:class,res,res@duration,sec:CaptionInfoEx", 0, 0, "", Requests.TV));
        assertTrue(samsung.didl().contains("<sec:CaptionInfoEx sec:type=\"srt\">"
                + "http://192.168.1.20:8300/media/1/subtitles/0</sec:CaptionInfoEx>"), samsung.didl());
        assertTrue(samsung.didl().contains("duration=\"1:57:00.500\""), samsung.didl());
        assertTrue(!samsung.didl().contains("size="), samsung.didl());
    }

    private static List<String> ids(BrowseResult result) {
        return DidlDocuments.objects(DidlDocuments.parse(result.didl())).stream().map(e -> e.getAttribute("id"))
                .toList();
    }
}
