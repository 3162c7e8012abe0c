package org.diva.upnp.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.content.SearchRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a client gets wrong, and the UPnP error code it gets back for it. */
class ErrorsTest {
    private static final ContentDirectory CDS =
            new LibraryContentDirectory(Household.view(), DirectoryOptions.defaults());

    interface Call {
        void on(ContentDirectory cds) throws ContentDirectoryException;
    }

    private static Arguments browse(String id, int code, String message) {
        return Arguments.of("Browse " + id, (Call) cds -> Requests.children(cds, id), code, message);
    }

    private static Arguments browse(String name, BrowseRequest request, int code, String message) {
        return Arguments.of(name, (Call) cds -> cds.browse(request), code, message);
    }

    private static Arguments search(String container, String criteria, String sort, int code, String message) {
        return Arguments.of("Search " + container + " for " + criteria + " by " + sort,
                (Call) cds -> cds.search(new SearchRequest(container, criteria, "*", 0, 0, sort, Requests.TV)),
                code, message);
    }

    static Stream<Arguments> mistakes() {
        int notFound = ContentDirectoryException.NO_SUCH_OBJECT;
        int invalid = ContentDirectoryException.INVALID_ARGS;
        return Stream.of(
                browse("nonexistent", notFound, "no object 'nonexistent'"),
                browse("item/999", notFound, "no object 'item/999'"),
                browse("music/artists/Nobody", notFound, "no object"),
                browse("music/artists/ABBA/Nothing", notFound, "no object"),
                browse("music/albums/Gold/extra", notFound, "no object"),
                browse("photos/dates/2024-13", notFound, "no object"),
                browse("photos/dates/1999-01", notFound, "no object"),
                browse("photos/dates/July", notFound, "no object"),
                browse("folders/r9", notFound, "no object"),
                browse("folders/r1/Nope", notFound, "no object"),
                browse("folders/r1/Films/~", notFound, "no object"),
                browse("video/folders/r2/Pictures", notFound, "no object"),
                browse("video/all/extra", notFound, "no object"),
                browse("0/video", notFound, "no object"),
                browse("Video", notFound, "no object"),
                browse("", invalid, "object id must be 1 to 8192 characters"),
                browse("x".repeat(9000), invalid, "object id must be 1 to 8192 characters"),
                browse("item/abc", invalid, "item/ takes a number"),
                browse("item/-1", invalid, "item/ takes a number"),
                browse("item/", invalid, "item/ takes a number"),
                browse("item/99999999999999999999", invalid, "item/ takes a number"),
                browse("video//all", invalid, "empty segment"),
                browse("video/", invalid, "empty segment"),
                browse("music/artists/AB%ZZ", invalid, "'%' at 2 is not allowed"),
                browse("music/artists/%41BBA", invalid, "'A' written as %XX"),
                browse("music/artists/%2f", invalid, "is not allowed"),
                browse("music/artists/A B", invalid, "' ' at 1 is not allowed"),
                browse("music/artists/%C3", invalid, "not UTF-8"),
                browse("negative StartingIndex", new BrowseRequest("0", false, "*", -1, 10, "", Requests.TV),
                        invalid, "must not be negative"),
                browse("negative RequestedCount", new BrowseRequest("0", false, "*", 0, -5, "", Requests.TV),
                        invalid, "must not be negative"),
                browse("unknown sort property", new BrowseRequest("music/all", false, "*", 0, 0, "+upnp:foo",
                        Requests.TV), ContentDirectoryException.UNSUPPORTED_SORT_CRITERIA, "cannot sort by 'upnp:foo'"),
                browse("sort by res@size", new BrowseRequest("video/all", false, "*", 0, 0, "-res@size",
                        Requests.TV), ContentDirectoryException.UNSUPPORTED_SORT_CRITERIA, "SortCriteria: "),
                search("0", "dc:date >= \"2020\"", "", ContentDirectoryException.UNSUPPORTED_SEARCH_CRITERIA,
                        "not supported"),
                search("0", "dc:title = ", "", ContentDirectoryException.UNSUPPORTED_SEARCH_CRITERIA,
                        "expected a quoted value"),
                search("0", "upnp:actor contains \"x\"", "", ContentDirectoryException.UNSUPPORTED_SEARCH_CRITERIA,
                        "cannot search by 'upnp:actor'"),
                search("0", "*", "+upnp:nope", ContentDirectoryException.UNSUPPORTED_SORT_CRITERIA, "cannot sort"),
                search("nonexistent", "*", "", ContentDirectoryException.NO_SUCH_CONTAINER, "no container"),
                search("item/1", "*", "", ContentDirectoryException.NO_SUCH_CONTAINER, "no container 'item/1'"),
                search("music/artists/%ZZ", "*", "", invalid, "malformed object id segment"),
                Arguments.of("Search with negative StartingIndex", (Call) cds -> cds.search(new SearchRequest("0", "*",
                        "*", -3, 0, "", Requests.TV)), invalid, "must not be negative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void answersWithTheUpnpErrorCode(String name, Call call, int code, String message) {
        ContentDirectoryException e = assertThrows(ContentDirectoryException.class, () -> call.on(CDS));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
