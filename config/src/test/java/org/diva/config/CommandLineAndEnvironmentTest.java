package org.diva.config;

import static org.diva.config.LoaderFixture.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arguments and {@code DIVA_*} variables that cannot be read as settings at all. */
class CommandLineAndEnvironmentTest {
    @TempDir
    Path tmp;
    private LoaderFixture f;

    @BeforeEach
    void setUp() {
        f = new LoaderFixture(tmp);
    }

    /** One row per malformed command line: the arguments, then what the message must say (';'-separated). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --prot 8300                  | unknown option --prot;--help
            --prot=8300                  | unknown option --prot;--help
            --Port 8300                  | unknown option --Port;--help
            --                           | unknown option --;--help
            --port                       | --port needs a value;--port N
            --media                      | --media needs a value;--media DIR
            --port 8301 --rescan-interval | --rescan-interval needs a value;--rescan-interval DURATION
            --port 1 --port=2            | --port is given twice;give it once
            --config a.yaml --config b   | --config is given twice;give it once
            /srv/media                   | unexpected argument '/srv/media';--name VALUE;--help
            --port 8301 8302             | unexpected argument '8302';--name VALUE
            -p 8300                      | unexpected argument '-p';--name VALUE
            """)
    void malformedCommandLineIsExplained(String args, String expected) {
        String message = f.error(args.split(" "));

        assertContainsAll(message, expected.split(";"));
    }

    /** Regression: "--name --port 8301" took "--port" as the name, then blamed the stray "8301". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --name --port 8301          | --name needs a value;--name NAME
            --media --port 8301         | --media needs a value;--media DIR
            --data --media /srv/movies  | --data needs a value;--data DIR
            """)
    void optionFollowedByAnotherOptionIsMissingItsValue(String args, String expected) {
        assertContainsAll(f.error(args.split(" ")), expected.split(";"));
    }

    @Test
    void unknownDivaVariableIsAnErrorThatListsTheKnownOnes() {
        f.env.put("DIVA_PROT", "8300");

        String message = f.error();

        assertContainsAll(message, "unknown environment variable DIVA_PROT", "Unset it or correct its name");
        assertContainsAll(message, Arrays.stream(Key.values()).map(Key::environmentName).toArray(String[]::new));
    }

    @Test
    void variablesOutsideTheDivaPrefixAreIgnored() throws SettingsException {
        f.env.put("PATH", "/usr/bin");
        f.env.put("DIVAPORT", "1");
        f.env.put("diva_port", "1");

        assertEquals(SettingsLoader.DEFAULT_PORT, f.load().http().port());
    }

    @Test
    void everyKeyHasAnEnvironmentVariable() throws SettingsException {
        Path media = f.dir("media");
        f.env.put("DIVA_NAME", "Den");
        f.env.put("DIVA_DATA", tmp.resolve("data").toString());
        f.env.put("DIVA_PORT", "8301");
        f.env.put("DIVA_MEDIA", media.toString());
        f.env.put("DIVA_INTERFACE", "wlan0");
        f.env.put("DIVA_RESCAN_INTERVAL", "30m");
        f.env.put("DIVA_SCAN_THREADS", "2");
        f.env.put("DIVA_CONVERSIONS", "3");
        f.env.put("DIVA_STREAM_STORE", "5");
        f.env.put("DIVA_CONFIG", f.file("settings.yaml", "").toString());

        Settings s = f.load();

        assertEquals(new Settings(new ServerSettings("Den", tmp.resolve("data")),
                new LibrarySettings(List.of(media), Duration.ofMinutes(30), 2),
                new HttpSettings(8301), new NetworkSettings(true, List.of("wlan0")),
                new StreamSettings(3, 5L << 30), PoolSettings.defaults()), s);
    }
}
