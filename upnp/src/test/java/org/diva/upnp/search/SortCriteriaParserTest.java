package org.diva.upnp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SortCriteriaParserTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "''                                       | ''",
        "+dc:title                                | +TITLE",
        "-dc:date,+dc:title                       | -DATE +TITLE",
        "+upnp:album,+upnp:originalTrackNumber    | +ALBUM +TRACK_NUMBER",
        "dc:title                                 | +TITLE",
        "' +dc:title , -upnp:artist '             | +TITLE -ARTIST",
        "+dc:creator                              | +ARTIST",
        "+upnp:genre                              | +GENRE",
        "+upnp:class,+dc:title                    | +TITLE",
        "'+dc:title,'                             | +TITLE",
        "'- dc:date'                              | -DATE",
    })
    void parses(String criteria, String expected) throws InvalidCriteriaException {
        String actual = SortCriteriaParser.parse(criteria).stream()
                .map(k -> (k.descending() ? "-" : "+") + k.field())
                .collect(Collectors.joining(" "));
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+res@size", "+upnp:foo", "+", "-", "+dc:title,-dc:nope", "+DC:TITLE"})
    void rejectsWhatItCannotSortBy(String criteria) {
        InvalidCriteriaException e = assertThrows(InvalidCriteriaException.class,
                () -> SortCriteriaParser.parse(criteria));
        assertTrue(e.getMessage().startsWith("cannot sort by"), e.getMessage());
    }
}
