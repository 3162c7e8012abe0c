package org.diva.config;

import static org.diva.config.LoaderFixture.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Media folders must be readable folders; the data directory must be a writable folder, made if missing. */
class FoldersTest {
    @TempDir
    Path tmp;
    private LoaderFixture f;

    @BeforeEach
    void setUp() {
        f = new LoaderFixture(tmp);
    }

    @Test
    void missingMediaFolderNamesItsSource() {
        Path missing = tmp.resolve("Movies");
        String fromFile = f.file("settings.yaml", "media: " + missing + "\n").toString();

        assertContainsAll(f.error("--media", missing.toString()), "media folder " + missing, "from --media",
                "does not exist", "create it or fix the path");
        assertContainsAll(f.error("--config", fromFile), "media folder " + missing, "from " + fromFile,
                "does not exist");
        f.env.put("DIVA_MEDIA", missing.toString());
        assertContainsAll(f.error(), "media folder " + missing, "from DIVA_MEDIA", "does not exist");
    }

    @Test
    void mediaPathThatIsAFileIsRejected() {
        Path movie = f.file("movie.mkv", "not really");

        assertContainsAll(f.error("--media", movie.toString()), "media folder " + movie, "from --media",
                "is a file, not a folder", "the folder that holds the media");
    }

    @Test
    void everyMediaFolderIsCheckedNotJustTheFirst() {
        Path good = f.dir("good");
        Path missing = tmp.resolve("missing");

        assertContainsAll(f.error("--media", good.toString(), "--media", missing.toString()),
                "media folder " + missing, "does not exist");
    }

    @Test
    void unreadableMediaFolderIsRejected() throws IOException {
        Path locked = f.dir("locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permission bits are not enforced");

            assertContainsAll(f.error("--media", locked.toString()), "media folder " + locked, "from --media",
                    "cannot be read", "read permission");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void missingDataDirectoryIsCreated() throws SettingsException, IOException {
        Path data = tmp.resolve("new/nested/data");

        assertEquals(data, f.load("--data", data.toString()).server().dataDir());
        assertTrue(Files.isDirectory(data));
        try (var left = Files.list(data)) {
            assertEquals(List.of(), left.toList(), "the write probe is removed");
        }
    }

    /** Regression: reading diva.yaml inside it failed first, blaming the settings file's permissions. */
    @Test
    void dataDirectoryThatIsAFileIsNotReportedAsAnUnreadableSettingsFile() {
        Path file = f.file("data", "");

        assertContainsAll(f.error("--data", file.toString()), "data directory " + file, "from --data",
                "is a file", "--data");
        f.env.put("DIVA_DATA", file.toString());
        assertContainsAll(f.error(), "data directory " + file, "from DIVA_DATA", "is a file");
    }

    /**
     * A regular file where a parent folder should be defeats even root, unlike permission bits. Regression: as
     * above, the settings file inside was blamed.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blocker/data", "blocker/deeper/data"})
    void dataDirectoryThatCannotBeCreatedIsNotReportedAsAnUnreadableSettingsFile(String relative) {
        f.file("blocker", "a file, not a folder");
        Path data = tmp.resolve(relative);

        assertContainsAll(f.error("--data", data.toString()), "data directory " + data, "from --data",
                "cannot be used", "choose another with --data");
    }

    @Test
    void defaultDataDirectoryThatCannotBeCreatedSaysItIsTheDefault() {
        f.file("home/.local", "a file, not a folder");

        assertContainsAll(f.error(), "data directory " + f.defaultDataDir(), "(default)", "--data");
    }

    @Test
    void unwritableDataDirectoryIsRejected() throws IOException {
        Path data = f.dir("readonly");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-x------"));
        try {
            Assumptions.assumeFalse(Files.isWritable(data), "running as root: permission bits are not enforced");

            assertContainsAll(f.error("--data", data.toString()), "data directory " + data, "from --data",
                    "not writable", "fix its permissions or choose another with --data");
        } finally {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Regression: an empty path resolved to the working directory, which then held the database. */
    @ParameterizedTest(name = "--{0}=")
    @ValueSource(strings = {"data", "media", "config"})
    void emptyPathIsRejectedNotTakenAsTheWorkingDirectory(String setting) {
        assertContainsAll(f.error("--" + setting + "="), "setting '" + setting + "'", "from --" + setting,
                "is empty");
    }

    @Test
    void emptyDivaDataIsRejectedNotTakenAsTheWorkingDirectory() {
        f.env.put("DIVA_DATA", "");

        assertContainsAll(f.error(), "setting 'data'", "from DIVA_DATA", "is empty");
    }
}
