package org.diva.config;

import static org.diva.config.LoaderFixture.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's settings: nothing is shared until the household says so; a shared folder must be indexed (a media
 * folder or inside one); ports, upload limit, cache and a hand-forwarded address are validated with the reason.
 */
class PoolSettingsTest {
    @TempDir
    Path tmp;
    private LoaderFixture f;

    @BeforeEach
    void setUp() {
        f = new LoaderFixture(tmp);
    }

    @Test
    void byDefaultNothingIsSharedAndThePortsAreTheDefaultOnes() throws SettingsException {
        PoolSettings pool = f.load().pool();
        assertEquals(List.of(), pool.shares());
        assertEquals(8310, pool.poolPort());
        assertEquals(8311, pool.peerPort());
        assertEquals(250_000, pool.uploadBytesPerSecond());
        assertEquals(PoolSettings.defaults(), pool);
    }

    @Test
    void sharesAreMediaFoldersOrInsideOneAndRepeatable() throws SettingsException {
        Path media = f.dir("media");
        Path films = f.dir("media/films");
        Path music = f.dir("music");
        PoolSettings pool = f.load("--media", media.toString(), "--media", music.toString(), "--share",
                films.toString(), "--share", music.toString(), "--share", films.toString()).pool();
        assertEquals(List.of(films, music), pool.shares());
    }

    @Test
    void sharesComeFromTheSettingsFileAndTheEnvironmentToo() throws SettingsException {
        Path media = f.dir("media");
        String file = f.file("settings.yaml", "media: " + media + "\nshare: [" + media + "]\npool-port: 9000\n")
                .toString();
        PoolSettings pool = f.load("--config", file).pool();
        assertEquals(List.of(media), pool.shares());
        assertEquals(9001, pool.peerPort());
        f.env.put("DIVA_SHARE", media.toString());
        f.env.put("DIVA_MEDIA", media.toString());
        assertEquals(List.of(media), f.load().pool().shares());
    }

    @Test
    void aShareOutsideTheMediaFoldersIsRefusedWithWhatToDo() {
        Path media = f.dir("media");
        Path elsewhere = f.dir("elsewhere");
        assertContainsAll(f.error("--media", media.toString(), "--share", elsewhere.toString()),
                "shared folder " + elsewhere, "from --share", "not one of the media folders", "add it with --media");
        assertContainsAll(f.error("--media", media.toString(), "--share", tmp.resolve("gone").toString()),
                "shared folder", "does not exist");
    }

    @Test
    void limitsAndAddressesAreValidated() throws SettingsException {
        PoolSettings pool = f.load("--upload-limit", "8000", "--pool-cache", "0", "--external-host",
                "203.0.113.7", "--external-port", "40000", "--port-mapping", "off", "--pool-port", "0").pool();
        assertEquals(1_000_000, pool.uploadBytesPerSecond());
        assertEquals(0, pool.cacheBytes());
        assertEquals(Optional.of("203.0.113.7"), pool.externalHost());
        assertEquals(OptionalInt.of(40000), pool.externalPort());
        assertFalse(pool.portMapping());
        assertEquals(0, pool.peerPort(), "0 picks free ports for both");
        assertContainsAll(f.error("--upload-limit", "10"), "upload-limit", "'10'", "64 to");
        assertContainsAll(f.error("--pool-port", "65535"), "pool-port", "0 to 65534");
        assertContainsAll(f.error("--external-host", "evil host/"), "external-host", "host name or an IP");
        assertContainsAll(f.error("--port-mapping", "maybe"), "port-mapping", "on or off");
    }
}
