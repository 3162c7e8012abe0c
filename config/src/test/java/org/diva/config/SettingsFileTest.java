package org.diva.config;

import static org.diva.config.LoaderFixture.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which settings file is read, and what a wrong one says. */
class SettingsFileTest {
    @TempDir
    Path tmp;
    private LoaderFixture f;

    @BeforeEach
    void setUp() {
        f = new LoaderFixture(tmp);
    }

    @Test
    void configOptionNamesTheFileInEitherSpelling() throws SettingsException {
        Path config = f.file("elsewhere/settings.yaml", "port: 8301\n");

        assertEquals(8301, f.load("--config", config.toString()).http().port());
        assertEquals(8301, f.load("--config=" + config).http().port());
    }

    @Test
    void divaConfigNamesTheFile() throws SettingsException {
        f.env.put("DIVA_CONFIG", f.file("settings.yaml", "port: 8301\n").toString());

        assertEquals(8301, f.load().http().port());
    }

    @Test
    void configOnTheCommandLineWinsOverDivaConfig() throws SettingsException {
        f.env.put("DIVA_CONFIG", tmp.resolve("never-read.yaml").toString());
        Path config = f.file("settings.yaml", "port: 8301\n");

        assertEquals(8301, f.load("--config", config.toString()).http().port());
    }

    @Test
    void divaYamlInTheDefaultDataDirectoryIsRead() throws SettingsException {
        f.file("home/.local/share/diva/diva.yaml", "port: 8301\n");

        assertEquals(8301, f.load().http().port());
    }

    @Test
    void divaYamlInTheDataDirectoryGivenByOptionOrEnvironmentIsRead() throws SettingsException {
        Path fromCli = f.file("cli-data/diva.yaml", "port: 8301\n").getParent();
        Path fromEnv = f.file("env-data/diva.yaml", "port: 8302\n").getParent();

        assertEquals(8301, f.load("--data", fromCli.toString()).http().port());
        f.env.put("DIVA_DATA", fromEnv.toString());
        assertEquals(8302, f.load().http().port());
        assertEquals(8301, f.load("--data", fromCli.toString()).http().port());
    }

    @Test
    void absentDivaYamlMeansDefaults() throws SettingsException {
        Settings s = f.load("--data", tmp.resolve("fresh").toString());

        assertEquals(SettingsLoader.DEFAULT_PORT, s.http().port());
        assertEquals(List.of(), s.library().mediaDirs());
    }

    @Test
    void divaYamlIsNotReadWhenAFileIsNamed() throws SettingsException {
        f.file("data/diva.yaml", "this is: [not read\n");
        Path config = f.file("settings.yaml", "port: 8301\n");

        assertEquals(8301, f.load("--data", tmp.resolve("data").toString(), "--config", config.toString())
                .http().port());
    }

    @Test
    void emptyOrCommentOnlyFileSetsNothing() throws SettingsException {
        assertEquals(8300, f.load("--config", f.file("empty.yaml", "").toString()).http().port());
        assertEquals(8300, f.load("--config", f.file("comments.yaml", "# port: 1\n").toString()).http().port());
        assertEquals(8300, f.load("--config", f.file("doc.yaml", "---\n").toString()).http().port());
    }

    @Test
    void yamlNumbersAndStringsAreTheSameSettings() throws SettingsException {
        Path config = f.file("settings.yaml", "name: 42\nport: '8301'\nrescan-interval: 0\nscan-threads: 2\n");

        Settings s = f.load("--config", config.toString());

        assertEquals("42", s.server().name());
        assertEquals(8301, s.http().port());
        assertTrue(s.library().rescanInterval().isZero());
        assertEquals(2, s.library().scanThreads());
    }

    @Test
    void missingFileNamedByConfigIsAnError() {
        Path missing = tmp.resolve("missing.yaml");

        String message = f.error("--config", missing.toString());

        assertContainsAll(message, missing.toString(), "does not exist", "--config", "create it");
    }

    /** Regression: the message told the user to fix --config when the name came from DIVA_CONFIG. */
    @Test
    void missingFileNamedByDivaConfigSaysDivaConfig() {
        Path missing = tmp.resolve("missing.yaml");
        f.env.put("DIVA_CONFIG", missing.toString());

        String message = f.error();

        assertContainsAll(message, missing.toString(), "does not exist", "DIVA_CONFIG", "create it");
    }

    /** One row per way a file can be wrong: its text, then what the message must say besides the file's path. */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("invalid YAML", "port: 8300\nname: [unclosed\nmedia: x\n", "not valid YAML", "at line 3",
                        "fix the file"),
                bad("a list, not a mapping", "- port: 8300\n", "must be a mapping", "name: value"),
                bad("a scalar, not a mapping", "just words\n", "must be a mapping"),
                bad("unknown setting", "prot: 8300\n", "unknown setting 'prot'", "known settings",
                        "port", "rescan-interval", "scan-threads"),
                bad("nested mapping", "port:\n  http: 8300\n", "setting 'port'", "a single value", "object"),
                bad("list for a single setting", "port: [8300, 8301]\n", "setting 'port'", "a single value",
                        "array"),
                bad("empty value", "name:\n", "setting 'name'", "a single value", "empty"),
                bad("mapping for media", "media:\n  movies: /srv/movies\n", "setting 'media'",
                        "a value or a list of values", "object"),
                bad("list inside the media list", "media:\n  - [a, b]\n", "setting 'media'", "array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileIsNamedWithWhatIsWrong(String description, String yaml, List<String> expected) {
        Path config = f.file("settings.yaml", yaml);

        String message = f.error("--config", config.toString());

        assertContainsAll(message, config.toString());
        assertContainsAll(message, expected.toArray(String[]::new));
    }

    /** Regression: a tab on line 2 was reported "at line 1", where Jackson's parser stood, not SnakeYAML's mark. */
    @Test
    void invalidYamlNamesTheLineOfTheProblemNotOfThePreviousToken() {
        Path config = f.file("settings.yaml", "port: 8300\n\tname: x\n");

        String message = f.error("--config", config.toString());

        assertContainsAll(message, config.toString(), "not valid YAML", "at line 2");
        assertFalse(message.contains("at line 1"), message);
    }

    /** Regression: the message said what was wrong but not what to do. */
    @Test
    void configInsideTheFileSaysToRemoveIt() {
        Path config = f.file("settings.yaml", "config: other.yaml\n");

        assertContainsAll(f.error("--config", config.toString()), config.toString(), "'config' cannot be set",
                "remove it", "--config or DIVA_CONFIG");
    }

    @Test
    void badDefaultFileIsNamedToo() {
        Path file = f.file("home/.local/share/diva/diva.yaml", "prot: 8300\n");

        assertContainsAll(f.error(), file.toString(), "unknown setting 'prot'");
    }

    @Test
    void unreadableFileSaysToCheckPermissions() throws Exception {
        Path config = f.file("settings.yaml", "port: 8301\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(config), "running as root: permission bits are not enforced");

            assertContainsAll(f.error("--config", config.toString()), config.toString(), "cannot be read",
                    "permissions");
        } finally {
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static Arguments bad(String description, String yaml, String... expected) {
        return Arguments.of(description, yaml, List.of(expected));
    }
}
