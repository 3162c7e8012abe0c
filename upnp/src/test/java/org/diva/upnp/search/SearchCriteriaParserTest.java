package org.diva.upnp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.diva.upnp.library.Criteria;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per criteria string met in the wild or in the grammar's corners; the tree is shown compactly. */
class SearchCriteriaParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("*", "*"),
                Arguments.of("  *  ", "*"),
                Arguments.of("dc:title = \"Alpha\"", "TITLE = 'Alpha'"),
                Arguments.of("dc:title=\"Alpha\"", "TITLE = 'Alpha'"),
                Arguments.of("dc:title\t=\n\"Alpha\"", "TITLE = 'Alpha'"),
                Arguments.of("upnp:genre != \"Pop\"", "GENRE != 'Pop'"),
                Arguments.of("upnp:artist exists true", "ARTIST exists 'true'"),
                Arguments.of("upnp:album exists FALSE", "ALBUM exists 'false'"),
                Arguments.of("dc:creator contains \"abba\"", "ARTIST contains 'abba'"),
                Arguments.of("dc:title doesNotContain \"x\"", "TITLE doesNotContain 'x'"),
                Arguments.of("dc:title DOESNOTCONTAIN \"x\"", "TITLE doesNotContain 'x'"),
                Arguments.of("dc:title startsWith \"The\"", "TITLE startsWith 'The'"),
                Arguments.of("dc:title contains \"Amélie 東京\"", "TITLE contains 'Amélie 東京'"),
                Arguments.of("dc:title = \"Say \\\"hi\\\"\"", "TITLE = 'Say \"hi\"'"),
                Arguments.of("dc:title = \"C:\\\\Films\"", "TITLE = 'C:\\Films'"),
                Arguments.of("dc:title = \"\"", "TITLE = ''"),
                Arguments.of("dc:title = \"Rock (and) Roll or not\"", "TITLE = 'Rock (and) Roll or not'"),
                // Windows Media Player
                Arguments.of("upnp:class derivedfrom \"object.item.audioItem\" and @refID exists false",
                        "and(CLASS derivedfrom 'object.item.audioItem', and())"),
                Arguments.of("@refID exists true", "or()"),
                Arguments.of("upnp:class derivedfrom \"object.container.person.musicArtist\" and @refID exists false",
                        "and(CLASS derivedfrom 'object.container.person.musicArtist', and())"),
                // Samsung and Xbox
                Arguments.of("(upnp:class derivedfrom \"object.item.videoItem\") and (dc:title contains \"star\")",
                        "and(CLASS derivedfrom 'object.item.videoItem', TITLE contains 'star')"),
                Arguments.of("(upnp:class = \"object.container.album.musicAlbum\")",
                        "CLASS = 'object.container.album.musicAlbum'"),
                // and binds tighter than or
                Arguments.of("dc:title = \"a\" or dc:title = \"b\" and dc:title = \"c\"",
                        "or(TITLE = 'a', and(TITLE = 'b', TITLE = 'c'))"),
                Arguments.of("(dc:title = \"a\" or dc:title = \"b\") and dc:title = \"c\"",
                        "and(or(TITLE = 'a', TITLE = 'b'), TITLE = 'c')"),
                Arguments.of("dc:title = \"a\" AND dc:title = \"b\" Or dc:title = \"c\"",
                        "or(and(TITLE = 'a', TITLE = 'b'), TITLE = 'c')"),
                Arguments.of("((((dc:title = \"deep\"))))", "TITLE = 'deep'"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("valid")
    void parses(String criteria, String expected) throws InvalidCriteriaException {
        String actual = SearchCriteriaParser.parse(criteria).map(SearchCriteriaParserTest::show).orElse("*");
        assertEquals(expected, actual);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "empty criteria"),
                Arguments.of("   ", "empty criteria"),
                Arguments.of("dc:title", "expected an operator after 'dc:title', found the end"),
                Arguments.of("dc:title =", "expected a quoted value after 'dc:title =', found the end"),
                Arguments.of("dc:title = Alpha", "expected a quoted value after 'dc:title =', found 'Alpha'"),
                Arguments.of("dc:title = \"Alpha", "the string opened at position 11 is not closed"),
                Arguments.of("dc:title = \"Alpha\\", "not closed"),
                Arguments.of("dc:title = \"a\\b\"", "unknown escape '\\b'"),
                Arguments.of("dc:date >= \"2020-01-01\"", "'>=' at position 8 is not supported"),
                Arguments.of("dc:title < \"b\"", "'<' at position 9 is not supported"),
                Arguments.of("upnp:actor = \"x\"", "cannot search by 'upnp:actor'"),
                Arguments.of("res@size = \"1\"", "cannot search by 'res@size'"),
                Arguments.of("dc:title derivedfrom \"x\"", "'derivedfrom' applies to upnp:class only"),
                Arguments.of("upnp:artist exists maybe", "'exists' takes true or false"),
                Arguments.of("upnp:artist exists \"true\"", "'exists' takes true or false"),
                Arguments.of("(dc:title = \"a\"", "expected ')' to close '(' at position 0"),
                Arguments.of("dc:title = \"a\")", "expected 'and', 'or' or the end, found ')'"),
                Arguments.of("dc:title = \"a\" and", "expected a property or '(', found the end"),
                Arguments.of("and dc:title = \"a\"", "expected a property or '(', found 'and'"),
                Arguments.of("dc:title = \"a\" or or dc:title = \"b\"", "expected a property or '(', found 'or'"),
                Arguments.of("dc:title = \"a\" dc:title = \"b\"", "expected 'and', 'or' or the end"),
                Arguments.of("dc:title ! \"a\"", "'!' at position 9 must be followed by '='"),
                Arguments.of("dc:title is \"a\"", "expected an operator after 'dc:title', found 'is'"),
                Arguments.of("* and dc:title = \"a\"", "expected an operator after '*'"),
                Arguments.of("()", "expected a property or '(', found ')'"),
                Arguments.of("(".repeat(17) + "dc:title = \"a\"" + ")".repeat(17), "nested deeper than 16"),
                Arguments.of(Stream.generate(() -> "dc:title = \"a\"").limit(65).collect(Collectors.joining(" or ")),
                        "more than 64 comparisons"),
                Arguments.of("dc:title contains \"" + "x".repeat(5000) + "\"", "longer than 4096"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("invalid")
    void rejects(String criteria, String message) {
        InvalidCriteriaException e = assertThrows(InvalidCriteriaException.class,
                () -> SearchCriteriaParser.parse(criteria));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    static String show(Criteria criteria) {
        if (criteria instanceof Criteria.And and) {
            return and.terms().stream().map(SearchCriteriaParserTest::show).collect(Collectors.joining(", ", "and(",
                    ")"));
        }
        if (criteria instanceof Criteria.Or or) {
            return or.terms().stream().map(SearchCriteriaParserTest::show).collect(Collectors.joining(", ", "or(",
                    ")"));
        }
        Criteria.Compare c = (Criteria.Compare) criteria;
        return c.property() + " " + c.operator().upnpName() + " '" + c.value() + "'";
    }
}
