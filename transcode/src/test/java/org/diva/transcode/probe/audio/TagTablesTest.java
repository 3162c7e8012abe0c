package org.diva.transcode.probe.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lenient tag readers, one real-world spelling per row. */
class TagTablesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(17)|Rock", "17|Rock", "(17)(18)|Rock", "(4)Eurodisco|Eurodisco", "(RX)|Remix", "(CR)|Cover",
        "Jazz|Jazz", "' Jazz '|Jazz", "((Not) Rock|(Not) Rock", "(999)|(999)", "0|Blues", "2000s|2000s"})
    void genre(String tag, String expected) {
        assertEquals(Optional.of(expected), GenreNames.resolve(tag));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2019|2019", "2019-05-01|2019", "2019-05-01T10:00:00|2019",
        "01/05/2019|2019", "19|", "''|", "unknown|", "0000|"})
    void year(String tag, Integer expected) {
        assertEquals(expected == null ? OptionalInt.empty() : OptionalInt.of(expected),
                TagReader.year(Optional.of(tag)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"3|3", "3/12|3", "03|3", "' 7 of 9'|7", "0|", "0/12|", "A1|", "''|"})
    void trackOrDisc(String tag, Integer expected) {
        assertEquals(expected == null ? OptionalInt.empty() : OptionalInt.of(expected),
                TagReader.number(Optional.of(tag)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FFD8FFE0|image/jpeg|image/jpeg", "89504E47|image/jpeg|image/png", "47494638|image/gif|image/gif",
        "00000000|image/jpg|image/jpeg", "00000000|JPG|", "00000000|''|", "00000000|IMAGE/PNG|image/png"})
    void coverType(String firstBytes, String declared, String expected) {
        byte[] data = java.util.HexFormat.of().parseHex(firstBytes + "00000000000000000000000000000000");
        assertEquals(Optional.ofNullable(expected), CoverArt.mimeType(declared, data));
    }
}
