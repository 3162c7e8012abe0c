package org.diva.transcode.probe.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mp4FieldsTest {

    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource({
        "15c7, eng",
        "1a41, fra",
        "55c4, ''",  // 'und'
        "7fff, ''",  // QuickTime: unspecified
        "0000, ''",  // Macintosh code 0; DiVA does not guess English
        "0013, ''",
        "7c00, ''",  // letters outside a..z
    })
    void mediaHeaderLanguage(String packed, String expected) {
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected),
                Mp4Fields.language(Integer.parseInt(packed, 16)));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
        // duration,            timescale, 64-bit, millis (-1: unknown)
        "12800,                 12800,     false,  1000",
        "1001,                  30000,     false,  33",
        "4294967295,            1000,      false,  -1",   // 32-bit all ones: indefinite
        "4294967295,            1000,      true,   4294967295",
        "-1,                    1000,      true,   -1",
        "0,                     1000,      false,  -1",
        "1000,                  0,         false,  -1",
        "9223372036854775807,   1,         true,   -1",   // would overflow
        "9223372036854775807,   90000,     true,   102481911520608620",
    })
    void durationInMillis(long duration, long timescale, boolean sixtyFourBit, long expected) {
        assertEquals(expected < 0 ? OptionalLong.empty() : OptionalLong.of(expected),
                Mp4Fields.millis(duration, timescale, sixtyFourBit));
    }
}
