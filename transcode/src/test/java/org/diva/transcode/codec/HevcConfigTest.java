package org.diva.transcode.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HevcConfigTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,                            23-byte head (hex),                                  profile,   level, bit depth
        "x265 Main 10 level 2 (fixture),   0102200000009000000000003cf000fcfdfafa00000f04,      Main 10,   2.0,   10",
        "Main level 5.1,                   01016000000090000000000099f000fcfdf8f800000f04,      Main,      5.1,   8",
        "Main level 3.1,                   0101600000009000000000005df000fcfdf8f800000f04,      Main,      3.1,   8",
        "profile 0 compatible with Main,   01004000000090000000000078f000fcfdf8f800000f04,      Main,      4.0,   8",
        "Rext 12-bit 4:4:4,                01040800000090000000000096f000fcfffcfc00000f04,      Rext,      5.0,   12",
    })
    void readsProfileLevelAndBitDepth(String name, String hex, String profile, String level, int bitDepth) {
        HevcConfig config = HevcConfig.parse(HexFormat.of().parseHex(hex)).orElseThrow();

        assertEquals(profile, config.profileName());
        assertEquals(level, config.levelName());
        assertEquals(bitDepth, config.bitDepthLuma());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "too short,                  0102200000009000",
        "configuration version 0,    0002200000009000000000003cf000fcfdfafa00000f04",
        "empty,                      ''",
    })
    void rejectsWhatIsNotAConfigurationRecord(String name, String hex) {
        assertEquals(Optional.empty(), HevcConfig.parse(HexFormat.of().parseHex(hex)));
    }
}
