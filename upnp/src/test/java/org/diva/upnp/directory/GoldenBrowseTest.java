package org.diva.upnp.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.content.SearchRequest;
import org.diva.upnp.didl.DidlDocuments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole answers, byte for byte, against files under {@code src/test/resources/golden}. Each file holds the three
 * numbers and the DIDL-Lite, with a line break before each object so that a diff shows which one changed (DiVA
 * itself writes no line breaks). After a deliberate change, regenerate with
 * {@code mvn -o test -pl upnp -Dtest=GoldenBrowseTest -Ddiva.golden.update=true} and review the diff.
 */
class GoldenBrowseTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String SAMSUNG_FILTER = "dc:title,upnp:class,upnp:albumArtURI,res,res@size,res@duration,"
            + "res@resolution,sec:CaptionInfoEx,@childCount,dc:date";

    private final ContentDirectory cds = new LibraryContentDirectory(Household.view(), DirectoryOptions.defaults());

    interface Call {
        BrowseResult on(ContentDirectory cds) throws ContentDirectoryException;
    }

    private static Arguments browse(String name, String id, boolean metadata, String filter, long start, long count,
                                    String sort) {
        return Arguments.of(name, (Call) cds -> cds.browse(new BrowseRequest(id, metadata, filter, start, count, sort,
                Requests.TV)));
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                browse("root-children", "0", false, "*", 0, 0, ""),
                browse("abba-gold-tracks", "music/artists/ABBA/Gold", false, "*", 0, 0, ""),
                browse("films-folder", "video/folders/r1/Films", false, "*", 0, 0, ""),
                browse("alien-metadata", "item/1", true, "*", 0, 0, ""),
                browse("all-tracks-second-page", "music/all", false, "*", 1, 2, "+dc:title"),
                browse("photos-of-july", "photos/dates/2024-07", false, "*", 0, 0, ""),
                browse("sci-fi-for-samsung", "video/folders/r1/Films/Sci-Fi", false, SAMSUNG_FILTER, 0, 0, ""),
                Arguments.of("search-videos-for-samsung", (Call) cds -> cds.search(new SearchRequest("0",
                        "(upnp:class derivedfrom \"object.item.videoItem\") and (dc:title contains \"o\")",
                        SAMSUNG_FILTER, 0, 30, "+dc:title", Requests.TV))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void matchesGoldenFile(String name, Call call) throws ContentDirectoryException, IOException {
        BrowseResult result = call.on(cds);
        DidlDocuments.parse(result.didl());
        String actual = "NumberReturned: " + result.numberReturned() + "\nTotalMatches: " + result.totalMatches()
                + "\nUpdateID: " + result.updateId() + "\n"
                + result.didl().replace("<container ", "\n<container ").replace("<item ", "\n<item ")
                        .replace("</DIDL-Lite>", "\n</DIDL-Lite>") + "\n";
        Path file = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("diva.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
    }
}
