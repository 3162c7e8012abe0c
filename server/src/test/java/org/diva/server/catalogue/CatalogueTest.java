package org.diva.server.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.diva.transcode.probe.AudioTags;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.Probed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTest {
    @TempDir
    Path data;

    private static ProbeOutcome track(String name, int track, int disc) {
        Path root = Path.of("/srv/music");
        AudioTags tags = new AudioTags(Optional.of(name), Optional.of("Artist"), Optional.of("Album Artist"),
                Optional.of("Album"), OptionalInt.of(track), OptionalInt.of(disc), OptionalInt.of(1999),
                Optional.of("Jazz"), false);
        MediaInfo info = MediaInfo.empty(MediaKind.AUDIO, "mp3").withTags(tags);
        return ProbeOutcome.ok(new FileFacts(root, root.resolve(name + ".mp3"), "", MediaKind.AUDIO, 1000, 1, ""),
                Probed.of(info));
    }

    @Test
    void the_update_id_grows_with_every_change_and_removal_and_survives_a_restart() throws Exception {
        long afterRemoval;
        try (Database db = Database.open(data)) {
            Catalogue catalogue = new Catalogue(db.dataSource(), Clock.systemUTC());
            long initial = catalogue.updateId();
            catalogue.record(List.of(track("one", 1, 1), track("two", 2, 1)));
            long afterRecord = catalogue.updateId();
            assertTrue(afterRecord > initial);
            long id = catalogue.knownFiles(Path.of("/srv/music")).values().iterator().next().id();
            catalogue.delete(List.of(id));
            afterRemoval = catalogue.updateId();
            assertTrue(afterRemoval > afterRecord);
        }
        try (Database db = Database.open(data)) {
            assertEquals(afterRemoval, new Catalogue(db.dataSource(), Clock.systemUTC()).updateId());
        }
    }

    @Test
    void track_and_disc_numbers_and_the_album_artist_are_kept_for_browsing() throws Exception {
        try (Database db = Database.open(data)) {
            new Catalogue(db.dataSource(), Clock.systemUTC()).record(List.of(track("seven", 7, 2)));
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement(
                         "SELECT track_number, disc_number, album_artist, release_year FROM item");
                 ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(7, r.getInt(1));
                assertEquals(2, r.getInt(2));
                assertEquals("Album Artist", r.getString(3));
                assertEquals(1999, r.getInt(4));
            }
        }
    }
}
