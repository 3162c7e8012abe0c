package org.diva.config;

import static org.diva.config.LoaderFixture.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What DiVA uses when nothing is set, per platform, and how the settings present themselves. */
class DefaultsTest {
    @TempDir
    Path tmp;
    private LoaderFixture f;

    @BeforeEach
    void setUp() {
        f = new LoaderFixture(tmp);
    }

    /**
     * One row per platform: {@code os.name}, an environment variable it may honour ("{tmp}" is the temp dir),
     * and the data directory expected, relative to the temp dir ("home" is the user's home).
     */
    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', textBlock = """
            Linux      |               |                 | home/.local/share/diva
            Linux      | XDG_DATA_HOME | {tmp}/xdg       | xdg/diva
            Linux      | XDG_DATA_HOME | relative/xdg    | home/.local/share/diva
            Linux      | XDG_DATA_HOME | '  '            | home/.local/share/diva
            FreeBSD    | XDG_DATA_HOME | {tmp}/xdg       | xdg/diva
            Mac OS X   |               |                 | home/Library/Application Support/DiVA
            Mac OS X   | XDG_DATA_HOME | {tmp}/xdg       | home/Library/Application Support/DiVA
            Windows 11 | LOCALAPPDATA  | {tmp}/AppData   | AppData/DiVA
            """)
    void dataDirectoryDependsOnThePlatform(String os, String variable, String value, String expected)
            throws SettingsException {
        f.osName = os;
        if (variable != null) {
            f.env.put(variable, value.replace("{tmp}", tmp.toString()));
        }

        Path data = f.load().server().dataDir();

        assertEquals(tmp.resolve(expected), data);
        assertTrue(Files.isDirectory(data), "created on first start");
    }

    @Test
    void windowsDataDirectoryIsUnderLocalAppData() {
        Path dir = DefaultLocations.dataDir(Map.of("LOCALAPPDATA", "C:\\Users\\ana\\AppData\\Local"), "Windows 10",
                "C:\\Users\\ana");

        assertEquals(Path.of("C:\\Users\\ana\\AppData\\Local", "DiVA"), dir);
    }

    @Test
    void nothingSetMeansTheDefaults() throws SettingsException {
        f.processors = 6;

        Settings s = f.load();

        assertEquals(8300, SettingsLoader.DEFAULT_PORT);
        assertEquals(SettingsLoader.DEFAULT_PORT, s.http().port());
        assertEquals(Duration.ofHours(6), s.library().rescanInterval());
        assertEquals(6, s.library().scanThreads());
        assertEquals(List.of(), s.library().mediaDirs());
        assertEquals(List.of(), s.network().interfaces(), "every usable interface");
        assertTrue(s.network().upnp(), "UPnP/DLNA on unless turned off");
        assertEquals(f.defaultDataDir(), s.server().dataDir());
    }

    @Test
    void defaultNameIsDivaOnThisHostAndFitsTheLimit() throws SettingsException {
        String name = f.load().server().name();

        assertTrue(name.equals("DiVA") || name.startsWith("DiVA on "), name);
        assertTrue(name.length() <= ServerSettings.MAX_NAME_LENGTH, name);
        assertTrue(!name.substring("DiVA".length()).contains("."), "no domain in " + name);
    }

    @ParameterizedTest(name = "{0} processors")
    @CsvSource({"1, 1", "16, 16", "0, 1"})
    void defaultScanThreadsIsOnePerProcessor(int processors, int threads) throws SettingsException {
        f.processors = processors;

        assertEquals(threads, f.load().library().scanThreads());
    }

    @Test
    void usageListsEveryOptionWithItsPlaceholderAndDescription() {
        String usage = SettingsLoader.usage();

        for (Key key : Key.values()) {
            assertContainsAll(usage, key.option() + " " + key.placeholder(), key.description());
        }
        assertContainsAll(usage, "--help", "--version", "DIVA_", "settings file");
    }

    /** One row per key: the name in the file, on the command line and in the environment. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NAME            | name            | --name            | DIVA_NAME            | false
            DATA            | data            | --data            | DIVA_DATA            | false
            PORT            | port            | --port            | DIVA_PORT            | false
            MEDIA           | media           | --media           | DIVA_MEDIA           | true
            INTERFACE       | interface       | --interface       | DIVA_INTERFACE       | true
            RESCAN_INTERVAL | rescan-interval | --rescan-interval | DIVA_RESCAN_INTERVAL | false
            SCAN_THREADS    | scan-threads    | --scan-threads    | DIVA_SCAN_THREADS    | false
            CONFIG          | config          | --config          | DIVA_CONFIG          | false
            """)
    void keyHasOneNamePerSource(Key key, String setting, String option, String variable, boolean repeatable) {
        assertEquals(setting, key.settingName());
        assertEquals(option, key.option());
        assertEquals(variable, key.environmentName());
        assertEquals(repeatable, key.repeatable());
        assertEquals(Optional.of(key), Key.bySettingName(setting));
        assertEquals(Optional.of(key), Key.byEnvironmentName(variable));
    }

    @ParameterizedTest
    @EnumSource(Key.class)
    void keyLookupIsExactAboutCase(Key key) {
        assertEquals(Optional.empty(), Key.bySettingName(key.settingName().toUpperCase(Locale.ROOT)));
        assertEquals(Optional.empty(), Key.byEnvironmentName(key.environmentName().toLowerCase(Locale.ROOT)));
    }
}
