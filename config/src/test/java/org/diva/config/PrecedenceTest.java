package org.diva.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Default &lt; YAML file &lt; environment &lt; command line, key by key, and how paths are read from each. */
class PrecedenceTest {
    @TempDir
    Path tmp;
    private LoaderFixture f;

    @BeforeEach
    void setUp() {
        f = new LoaderFixture(tmp);
    }

    /** One row per scalar setting: the value each source gives, then what the typed setting reads. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            name            | Attic | Den  | Kitchen | Attic | Den   | Kitchen
            port            | 8301  | 8302 | 8303    | 8301  | 8302  | 8303
            rescan-interval | 30m   | 2h   | 1d      | PT30M | PT2H  | PT24H
            scan-threads    | 2     | 3    | 4       | 2     | 3     | 4
            """)
    void eachLaterSourceOverridesTheEarlierOnes(String setting, String inFile, String inEnv, String onCli,
            String fromFile, String fromEnv, String fromCli) throws SettingsException {
        Key key = Key.bySettingName(setting).orElseThrow();
        String config = f.file("settings.yaml", setting + ": " + inFile + "\n").toString();

        assertEquals(fromFile, read(f.load("--config", config), key), "file over default");
        f.env.put(key.environmentName(), inEnv);
        assertEquals(fromEnv, read(f.load("--config", config), key), "environment over file");
        assertEquals(fromCli, read(f.load("--config", config, key.option(), onCli), key), "command line over all");
    }

    @Test
    void eachSettingIsResolvedOnItsOwn() throws SettingsException {
        String config = f.file("settings.yaml", "name: Attic\nport: 8301\nscan-threads: 2\n").toString();
        f.env.put("DIVA_PORT", "8302");

        Settings s = f.load("--config", config, "--scan-threads", "3");

        assertEquals("Attic", s.server().name());
        assertEquals(8302, s.http().port());
        assertEquals(3, s.library().scanThreads());
        assertEquals(SettingsLoader.DEFAULT_RESCAN_INTERVAL, s.library().rescanInterval());
    }

    @Test
    void dataDirectoryFollowsTheSamePrecedence() throws SettingsException {
        Path inFile = tmp.resolve("file-data");
        Path inEnv = tmp.resolve("env-data");
        Path onCli = tmp.resolve("cli-data");
        String config = f.file("settings.yaml", "data: " + inFile + "\n").toString();

        assertEquals(inFile, f.load("--config", config).server().dataDir());
        f.env.put("DIVA_DATA", inEnv.toString());
        assertEquals(inEnv, f.load("--config", config).server().dataDir());
        assertEquals(onCli, f.load("--config", config, "--data", onCli.toString()).server().dataDir());
    }

    @Test
    void mediaInTheFileIsAListOrASingleValue() throws SettingsException {
        Path a = f.dir("a");
        Path b = f.dir("b");

        assertEquals(List.of(a, b), media(f.file("flow.yaml", "media: [" + a + ", " + b + "]\n")));
        assertEquals(List.of(a, b), media(f.file("block.yaml", "media:\n  - " + a + "\n  - " + b + "\n")));
        assertEquals(List.of(a), media(f.file("single.yaml", "media: " + a + "\n")));
        assertEquals(List.of(), media(f.file("empty.yaml", "media: []\n")));
    }

    @Test
    void mediaOnTheCommandLineIsRepeatableAndReplacesTheFileList() throws SettingsException {
        Path fromFile = f.dir("file");
        Path c = f.dir("c");
        Path d = f.dir("d");
        String config = f.file("settings.yaml", "media: [" + fromFile + "]\n").toString();

        Settings s = f.load("--config", config, "--media", c.toString(), "--media=" + d);

        assertEquals(List.of(c, d), s.library().mediaDirs());
    }

    @Test
    void divaMediaIsSplitOnThePathSeparatorAndSitsBetweenFileAndCommandLine() throws SettingsException {
        Path fromFile = f.dir("file");
        Path a = f.dir("a");
        Path b = f.dir("b");
        Path fromCli = f.dir("cli");
        String config = f.file("settings.yaml", "media: " + fromFile + "\n").toString();
        // Empty entries, as a trailing or doubled separator leaves, are not folders.
        f.env.put("DIVA_MEDIA", LoaderFixture.joinPaths(a, b) + java.io.File.pathSeparator);

        assertEquals(List.of(a, b), f.load("--config", config).library().mediaDirs());
        assertEquals(List.of(fromCli), f.load("--config", config, "--media", fromCli.toString())
                .library().mediaDirs());
    }

    /** The two spellings of an option are the same option; only the first '=' separates name from value. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --port=8301          | port | 8301
            --port 8301          | port | 8301
            --name=Den=Kitchen   | name | Den=Kitchen
            --name Den=Kitchen   | name | Den=Kitchen
            --name=--loud        | name | --loud
            """)
    void keyEqualsValueAndKeySpaceValueAreEquivalent(String args, String setting, String expected)
            throws SettingsException {
        Settings s = f.load(args.split(" "));

        assertEquals(expected, read(s, Key.bySettingName(setting).orElseThrow()));
    }

    @Test
    void tildeMeansTheUserHomeInEverySource() throws SettingsException {
        Path videos = f.dir("home/Videos");
        Path music = f.dir("home/Music");
        Path photos = f.dir("home/Photos");
        f.file("home/diva.yaml", "media: ~/Photos\n");

        assertEquals(List.of(videos), f.load("--media", "~/Videos").library().mediaDirs());
        assertEquals(List.of(photos), f.load("--config", "~/diva.yaml").library().mediaDirs());
        f.env.put("DIVA_MEDIA", "~/Music");
        assertEquals(List.of(music), f.load().library().mediaDirs());
        assertEquals(f.home.resolve("state"), f.load("--data", "~/state").server().dataDir());
        assertEquals(f.home, f.load("--data", "~").server().dataDir());
    }

    @Test
    void relativePathsAreMadeAbsoluteAgainstTheWorkingDirectory() throws SettingsException {
        Path cwd = Path.of("").toAbsolutePath();
        Path media = f.dir("media");
        Path data = tmp.resolve("data");
        Path config = f.file("settings.yaml", "port: 8301\n");

        Settings s = f.load("--media", cwd.relativize(media).toString(), "--data", cwd.relativize(data).toString(),
                "--config", cwd.relativize(config).toString());

        assertEquals(List.of(media), s.library().mediaDirs());
        assertEquals(data, s.server().dataDir());
        assertEquals(8301, s.http().port());
    }

    @Test
    void theSameMediaFolderSpelledSeveralWaysIsIndexedOnce() throws SettingsException {
        Path movies = f.dir("home/Movies");
        Path shows = f.dir("shows");

        Settings s = f.load("--media", movies.toString(), "--media", shows.toString(), "--media", movies + "/",
                "--media", movies + "/./", "--media", shows + "/../home/Movies", "--media", "~/Movies");

        assertEquals(List.of(movies, shows), s.library().mediaDirs());
    }

    private List<Path> media(Path config) throws SettingsException {
        return f.load("--config", config.toString()).library().mediaDirs();
    }

    private static String read(Settings s, Key key) {
        return switch (key) {
            case NAME -> s.server().name();
            case PORT -> String.valueOf(s.http().port());
            case RESCAN_INTERVAL -> s.library().rescanInterval().toString();
            case SCAN_THREADS -> String.valueOf(s.library().scanThreads());
            default -> throw new IllegalArgumentException(key.toString());
        };
    }
}
