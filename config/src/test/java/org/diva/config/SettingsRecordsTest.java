package org.diva.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The records guard their own invariants, whoever builds them. */
class SettingsRecordsTest {
    private static final Path DATA = Path.of("/var/lib/diva");

    static List<Executable> invalid() {
        return List.of(
                () -> new HttpSettings(-1),
                () -> new HttpSettings(65_536),
                () -> new ServerSettings("", DATA),
                () -> new ServerSettings("   ", DATA),
                () -> new ServerSettings("x".repeat(ServerSettings.MAX_NAME_LENGTH + 1), DATA),
                () -> new LibrarySettings(List.of(), Duration.ofSeconds(-1), 1),
                () -> new LibrarySettings(List.of(), Duration.ZERO, 0),
                () -> new NetworkSettings(true, List.of("eth0", " ")));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidSectionIsRefused(Executable construction) {
        assertThrows(IllegalArgumentException.class, construction);
    }

    @Test
    void missingPartsAreRefused() {
        HttpSettings http = new HttpSettings(0);
        LibrarySettings library = new LibrarySettings(List.of(), Duration.ZERO, 1);
        NetworkSettings network = new NetworkSettings(true, List.of());

        assertThrows(NullPointerException.class, () -> new ServerSettings(null, DATA));
        assertThrows(NullPointerException.class, () -> new ServerSettings("Den", null));
        assertThrows(NullPointerException.class, () -> new Settings(null, library, http, network,
                StreamSettings.defaults(), PoolSettings.defaults()));
        assertThrows(NullPointerException.class, () -> new Settings(
                new ServerSettings("Den", DATA), library, http, null, StreamSettings.defaults(),
                PoolSettings.defaults()));
        assertThrows(NullPointerException.class, () -> new Settings(
                new ServerSettings("Den", DATA), library, http, network, null, PoolSettings.defaults()));
        assertThrows(NullPointerException.class, () -> new Settings(
                new ServerSettings("Den", DATA), library, http, network, StreamSettings.defaults(), null));
        assertThrows(IllegalArgumentException.class, () -> new PoolSettings(-1, List.of(), 1, 0,
                java.util.Optional.empty(), java.util.OptionalInt.empty(), true));
        assertThrows(IllegalArgumentException.class, () -> new PoolSettings(8310, List.of(), 0, 0,
                java.util.Optional.empty(), java.util.OptionalInt.empty(), true));
        assertThrows(IllegalArgumentException.class, () -> new StreamSettings(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new StreamSettings(1, -1));
        assertThrows(NullPointerException.class, () -> new NetworkSettings(true, null));
    }

    @Test
    void mediaListIsACopyThatCannotChange() {
        List<Path> dirs = new ArrayList<>(List.of(Path.of("/srv/movies")));
        LibrarySettings library = new LibrarySettings(dirs, Duration.ZERO, 1);
        dirs.add(Path.of("/srv/music"));

        assertEquals(List.of(Path.of("/srv/movies")), library.mediaDirs());
        assertThrows(UnsupportedOperationException.class, () -> library.mediaDirs().add(DATA));
    }

    @Test
    void interfaceListIsACopyThatCannotChange() {
        List<String> names = new ArrayList<>(List.of("eth0"));
        NetworkSettings network = new NetworkSettings(true, names);
        names.add("wlan0");

        assertEquals(List.of("eth0"), network.interfaces());
        assertThrows(UnsupportedOperationException.class, () -> network.interfaces().add("lo"));
    }
}
