package org.diva.config;

import static org.diva.config.LoaderFixture.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Values that parse, values that do not, and that every rejection names the setting and its source. */
class ValuesTest {
    /** How a value reaches the loader; each names itself differently in a message. */
    enum Source { COMMAND_LINE, ENVIRONMENT, FILE }

    @TempDir
    Path tmp;
    private LoaderFixture f;

    @BeforeEach
    void setUp() {
        f = new LoaderFixture(tmp);
    }

    /** One row per bad value: the setting, the value, then what the message must say besides name and source. */
    static Stream<Arguments> badValues() {
        List<Arguments> rows = new ArrayList<>();
        for (Source source : Source.values()) {
            rows.addAll(List.of(
                    bad(source, "port", "70000", "'70000'", "whole number from 0 to 65535", "0 picks a free port"),
                    bad(source, "port", "65536", "'65536'", "from 0 to 65535"),
                    bad(source, "port", "-1", "'-1'", "from 0 to 65535"),
                    bad(source, "port", "abc", "'abc'", "whole number"),
                    bad(source, "port", "", "''", "whole number"),
                    bad(source, "name", "x".repeat(65), "1 to 64 characters", "it has 65"),
                    bad(source, "name", "   ", "1 to 64 characters", "it has 0"),
                    bad(source, "rescan-interval", "soon", "'soon'", "not a duration", "30m", "0 turns it off"),
                    bad(source, "rescan-interval", "-PT5M", "'-PT5M'", "not a duration"),
                    bad(source, "rescan-interval", "1.5h", "'1.5h'", "not a duration"),
                    bad(source, "rescan-interval", "6 hours", "'6 hours'", "not a duration"),
                    bad(source, "rescan-interval", "99999999999999999999d", "not a duration"),
                    bad(source, "scan-threads", "0", "'0'", "from 1 to 256"),
                    bad(source, "scan-threads", "257", "'257'", "from 1 to 256"),
                    bad(source, "scan-threads", "many", "'many'", "whole number"),
                    bad(source, "upnp", "maybe", "'maybe'", "on or off")));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{1}={2} from {0}")
    @MethodSource("badValues")
    void badValueNamesTheSettingItsSourceAndTheAllowedValues(Source source, String setting, String value,
            List<String> expected) {
        Key key = Key.bySettingName(setting).orElseThrow();

        String message = loadFailing(source, key, value);

        assertContainsAll(message, "setting '" + setting + "'", origin(source, key));
        assertContainsAll(message, expected.toArray(String[]::new));
    }

    /** Boundaries and spellings that are accepted, with the typed value each becomes. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            port            | 0                    | 0
            port            | 65535                | 65535
            port            | ' 8301 '             | 8301
            scan-threads    | 1                    | 1
            scan-threads    | 256                  | 256
            name            | '  Den  '            | Den
            rescan-interval | 90s                  | PT1M30S
            rescan-interval | 30m                  | PT30M
            rescan-interval | 6h                   | PT6H
            rescan-interval | 1d                   | PT24H
            rescan-interval | 0                    | PT0S
            rescan-interval | PT15M                | PT15M
            rescan-interval | pt15m                | PT15M
            rescan-interval | P1DT2H               | PT26H
            rescan-interval | 45                   | PT45S
            rescan-interval | 500ms                | PT0.5S
            rescan-interval | 6H                   | PT6H
            rescan-interval | ' 2 h '              | PT2H
            upnp            | off                  | false
            upnp            | ' NO '               | false
            upnp            | on                   | true
            upnp            | true                 | true
            """)
    void acceptedValue(String setting, String value, String typed) throws SettingsException {
        Settings s = f.load("--" + setting, value);

        String actual = switch (setting) {
            case "port" -> String.valueOf(s.http().port());
            case "scan-threads" -> String.valueOf(s.library().scanThreads());
            case "name" -> s.server().name();
            case "upnp" -> String.valueOf(s.network().upnp());
            default -> s.library().rescanInterval().toString();
        };
        assertEquals(typed, actual);
    }

    @Test
    void nameOfExactlySixtyFourCharactersIsAccepted() throws SettingsException {
        String name = "x".repeat(64);

        assertEquals(name, f.load("--name", name).server().name());
        assertEquals(name, f.load("--name", "  " + name + "  ").server().name(), "counted after stripping");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0", "PT0S", "0s", "0d"})
    void zeroRescanIntervalTurnsRescanningOff(String value) throws SettingsException {
        assertEquals(Duration.ZERO, f.load("--rescan-interval", value).library().rescanInterval());
    }

    private String loadFailing(Source source, Key key, String value) {
        return switch (source) {
            case COMMAND_LINE -> f.error(key.option(), value);
            case ENVIRONMENT -> {
                f.env.put(key.environmentName(), value);
                yield f.error();
            }
            case FILE -> f.error("--config", settingsFile(key, value).toString());
        };
    }

    private String origin(Source source, Key key) {
        return switch (source) {
            case COMMAND_LINE -> key.option();
            case ENVIRONMENT -> key.environmentName();
            case FILE -> tmp.resolve("settings.yaml").toString();
        };
    }

    /** The value single-quoted, so YAML keeps blanks and never reads it as a number or a date. */
    private Path settingsFile(Key key, String value) {
        return f.file("settings.yaml", key.settingName() + ": '" + value.replace("'", "''") + "'\n");
    }

    private static Arguments bad(Source source, String setting, String value, String... expected) {
        return Arguments.of(source, setting, value, List.of(expected));
    }
}
