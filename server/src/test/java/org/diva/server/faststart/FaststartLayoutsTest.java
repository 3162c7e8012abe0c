package org.diva.server.faststart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.diva.web.media.Layout;
import org.diva.web.media.ServedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout cache: what gets a layout, what is cached, and its bounds. */
class FaststartLayoutsTest {
    private static final Path MOOV_END =
            Path.of("../transcode/src/test/resources/media/mp4/h264_high_aac_moov_end.mp4");
    private static final long MOOV_BYTES = 2120;

    @TempDir
    Path dir;

    private ServedFile copy(String name) throws Exception {
        Path file = Files.copy(MOOV_END, dir.resolve(name));
        return new ServedFile(file, "video/mp4", Files.size(file), Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void moovLastGetsALayoutWhichIsReusedUntilTheFileChanges() throws Exception {
        FaststartLayouts layouts = new FaststartLayouts(4, 1 << 20);
        ServedFile file = copy("a.mp4");

        Layout layout = layouts.serve(file, "mp4").layout().orElseThrow();
        assertEquals("fs", layout.tag());
        assertEquals(Files.size(file.path()), layout.size(), "moving the moov keeps the size here");
        assertSame(layout, layouts.serve(file, "mp4").layout().orElseThrow(), "cached");

        Files.setLastModifiedTime(file.path(), FileTime.fromMillis(file.lastModifiedMillis() + 5000));
        ServedFile changed = layouts.serve(file, "mp4");
        assertNotSame(layout, changed.layout().orElseThrow());
        assertEquals(file.lastModifiedMillis() + 5000, changed.lastModifiedMillis(), "made for the file as it is");
    }

    @Test
    void otherContainersAndMissingFilesAreUntouched() throws Exception {
        FaststartLayouts layouts = new FaststartLayouts(4, 1 << 20);
        ServedFile file = copy("b.mkv");
        assertSame(file, layouts.serve(file, "matroska"));
        ServedFile gone = new ServedFile(dir.resolve("gone.mp4"), "video/mp4", 10, 0);
        assertSame(gone, layouts.serve(gone, "mp4"));
        assertEquals(0, layouts.size());
    }

    @Test
    void notAnMp4IsSentAsItIsAndRemembered() throws Exception {
        FaststartLayouts layouts = new FaststartLayouts(4, 1 << 20);
        Path junk = Files.write(dir.resolve("junk.mp4"), new byte[] {0, 0, 0, 99, 'f', 't', 'y', 'p'});
        ServedFile file = new ServedFile(junk, "video/mp4", 8, Files.getLastModifiedTime(junk).toMillis());
        assertSame(file, layouts.serve(file, "mp4"));
        assertEquals(1, layouts.size(), "the failure is cached, so the warning comes once");
    }

    @Test
    void boundedInEntriesAndInMoovBytes() throws Exception {
        FaststartLayouts byCount = new FaststartLayouts(2, 1 << 20);
        for (String name : new String[] {"1.mp4", "2.mp4", "3.mp4"}) {
            byCount.serve(copy(name), "mp4");
        }
        assertEquals(2, byCount.size());

        FaststartLayouts byBytes = new FaststartLayouts(10, 2 * MOOV_BYTES + 1);
        for (String name : new String[] {"4.mp4", "5.mp4", "6.mp4"}) {
            byBytes.serve(copy(name), "mp4");
        }
        assertEquals(2, byBytes.size());

        FaststartLayouts tooSmall = new FaststartLayouts(10, MOOV_BYTES - 1);
        assertTrue(tooSmall.serve(copy("7.mp4"), "mp4").layout().isPresent(), "still sent, just not kept");
        assertEquals(0, tooSmall.size());
        assertThrows(IllegalArgumentException.class, () -> new FaststartLayouts(0, 1));
    }

    @Test
    void servedFileKeepsItsTypeAndFeatures() throws Exception {
        ServedFile file = copy("c.mp4");
        ServedFile dlna = new ServedFile(file.path(), "video/quicktime", file.size(), file.lastModifiedMillis(),
                Optional.of("DLNA.ORG_OP=01"));
        ServedFile served = FaststartLayouts.withDefaults().serve(dlna, "mov");
        assertEquals("video/quicktime", served.contentType());
        assertEquals(Optional.of("DLNA.ORG_OP=01"), served.contentFeatures());
    }
}
