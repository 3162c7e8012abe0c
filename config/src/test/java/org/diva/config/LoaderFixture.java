package org.diva.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SettingsLoader} confined to one temp directory: the user home lives inside it and the environment
 * is a plain map and the network interfaces a plain list, so the default data directory, {@code ~/},
 * {@code DIVA_*} and interface names never reach the real machine.
 */
final class LoaderFixture {
    final Path root;
    final Path home;
    final Map<String, String> env = new HashMap<>();
    String osName = "Linux";
    int processors = 4;
    /** The network interfaces the pretend machine has. */
    List<String> interfaces = List.of("eth0", "lo", "wlan0");

    LoaderFixture(Path root) {
        this.root = root;
        this.home = dir("home");
    }

    Settings load(String... args) throws SettingsException {
        return new SettingsLoader(env, osName, home.toString(), processors, () -> interfaces).load(List.of(args));
    }

    /** Loads, expecting failure, and returns the message the household would read. */
    String error(String... args) {
        return assertThrows(SettingsException.class, () -> load(args)).getMessage();
    }

    /** A directory under the root, created with its parents. */
    Path dir(String relative) {
        try {
            return Files.createDirectories(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under the root with the given text, its folder created. */
    Path file(String relative, String text) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default location of the settings file when nothing says otherwise. */
    Path defaultDataDir() {
        return home.resolve(".local/share/diva");
    }

    static String joinPaths(Path... paths) {
        return String.join(File.pathSeparator, Arrays.stream(paths).map(Path::toString).toList());
    }

    /** Every fragment is in the message; all missing ones are reported at once. */
    static void assertContainsAll(String message, String... fragments) {
        assertAll(Arrays.stream(fragments).map(fragment -> () -> assertTrue(message.contains(fragment),
                () -> "expected '" + fragment + "' in: " + message)));
    }
}
