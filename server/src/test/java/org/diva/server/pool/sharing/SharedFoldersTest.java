package org.diva.server.pool.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shares resolved against media folders: the catalogue's root and relative folder each share selects. */
class SharedFoldersTest {
    private static final Path MEDIA = Path.of("/srv/media");
    private static final Path MOVIES = Path.of("/srv/media/movies");
    private static final Path MUSIC = Path.of("/srv/music");

    @Test
    void aShareIsFoundUnderTheDeepestMediaFolderHoldingIt() {
        SharedFolders shares = SharedFolders.of(List.of(Path.of("/srv/media/movies/Kids"), MUSIC, MEDIA),
                List.of(MEDIA, MOVIES, MUSIC));
        List<Share> all = shares.all();
        assertEquals(MOVIES, all.get(0).root());
        assertEquals("Kids", all.get(0).folder());
        assertEquals("Kids", all.get(0).name());
        assertEquals(MUSIC, all.get(1).root());
        assertEquals("", all.get(1).folder());
        assertEquals(MEDIA, all.get(2).root());
        assertTrue(all.get(0).key().matches("[0-9a-f]{12}"));
        assertEquals(all.get(0), shares.byKey(all.get(0).key()).orElseThrow());
    }

    @Test
    void coversOnlyWhatLiesUnderTheShare() {
        Share kids = SharedFolders.of(List.of(Path.of("/srv/media/movies/Kids")), List.of(MOVIES)).all().get(0);
        assertTrue(kids.covers(MOVIES, "Kids"));
        assertTrue(kids.covers(MOVIES, "Kids/Cartoons"));
        assertFalse(kids.covers(MOVIES, "Kidsroom"), "a folder whose name only starts the same");
        assertFalse(kids.covers(MOVIES, ""));
        assertFalse(kids.covers(MUSIC, "Kids"));
        assertEquals("Cartoons", kids.relative("Kids/Cartoons"));
        assertEquals("Kids/Cartoons", kids.absolute("Cartoons"));
    }

    @Test
    void aShareOutsideTheMediaFoldersIsRefusedWithWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SharedFolders.of(List.of(Path.of("/home/secret")), List.of(MEDIA)));
        assertTrue(e.getMessage().contains("/home/secret") && e.getMessage().contains("inside one"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SharedFolders.of(List.of(Path.of("/srv/media/../etc")), List.of(MEDIA)), "normalised first");
    }
}
