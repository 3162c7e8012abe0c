package org.diva.server.thumbnails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.Database;
import org.diva.server.catalogue.FileFacts;
import org.diva.server.catalogue.ItemQuery;
import org.diva.server.catalogue.ProbeOutcome;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.StandardProbes;
import org.diva.transcode.thumbnail.ImageBox;
import org.diva.transcode.thumbnail.Thumbnailer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service on a real catalogue (H2 in a temp dir), with an executor the test runs by hand. */
class ThumbnailsTest {
    private static final Path LIBRARY = Path.of("src/test/resources/library").toAbsolutePath();

    @TempDir
    Path tmp;
    private Database database;
    private Catalogue catalogue;
    private final ManualExecutor makers = new ManualExecutor(3);
    private Thumbnails thumbnails;

    @BeforeEach
    void catalogue() throws Exception {
        database = Database.open(tmp.resolve("data"));
        catalogue = new Catalogue(database.dataSource(), Clock.systemUTC());
        Path media = Files.createDirectories(tmp.resolve("media"));
        List<ProbeOutcome> outcomes = new ArrayList<>();
        for (String name : List.of("clip.mp4", "photo.jpg", "song.mp3", "blank.mp4")) {
            Path file = name.equals("blank.mp4") ? Files.write(media.resolve(name), blank())
                    : Files.copy(LIBRARY.resolve(name), media.resolve(name));
            FileFacts facts = new FileFacts(media, file, "", MediaKind.VIDEO, Files.size(file),
                    Files.getLastModifiedTime(file).toMillis(), "");
            outcomes.add(ProbeOutcome.ok(facts, StandardProbes.create().probe(file)));
        }
        catalogue.record(outcomes);
        thumbnails = new Thumbnails(catalogue, new ThumbnailStore(database.dataSource(), Clock.systemUTC()),
                new Thumbnailer(Clock.systemUTC(), Duration.ofSeconds(30)), makers);
    }

    @AfterEach
    void close() {
        thumbnails.close();
        database.close();
    }

    @Test
    void requestsForOnePictureShareOneMaking() throws Exception {
        long clip = id("clip.mp4");
        List<CompletableFuture<ThumbnailOutcome>> waiting = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            waiting.add(thumbnails.of(clip).orElseThrow());
        }
        assertEquals(1, makers.queued(), "one picture being made for 100 requests");
        waiting.forEach(f -> assertSame(waiting.get(0), f));
        makers.runAll();
        ThumbnailOutcome.Picture picture = assertInstanceOf(ThumbnailOutcome.Picture.class, waiting.get(0).join());
        assertEquals(160, picture.width());

        CompletableFuture<ThumbnailOutcome> stored = thumbnails.of(clip).orElseThrow();
        assertTrue(stored.isDone(), "stored: answered at once");
        assertEquals(0, makers.queued());
    }

    @Test
    void whenTooManyWaitTheRestAreToldToComeBack() throws Exception {
        List<CompletableFuture<ThumbnailOutcome>> answers = new ArrayList<>();
        for (String name : List.of("clip.mp4", "photo.jpg", "song.mp3", "blank.mp4")) {
            answers.add(thumbnails.of(id(name)).orElseThrow());
        }
        assertEquals(3, makers.queued());
        ThumbnailOutcome.Busy busy = assertInstanceOf(ThumbnailOutcome.Busy.class, answers.get(3).join());
        assertTrue(busy.reason().contains("busy"), busy.reason());
        makers.runAll();
        assertInstanceOf(ThumbnailOutcome.Picture.class, answers.get(0).join());
        // the refused one is not remembered: asked again, it is made
        CompletableFuture<ThumbnailOutcome> again = thumbnails.of(id("blank.mp4")).orElseThrow();
        makers.runAll();
        ThumbnailOutcome.NoPicture none = assertInstanceOf(ThumbnailOutcome.NoPicture.class, again.join());
        assertTrue(none.reason().startsWith("blank.mp4: "), none.reason());
    }

    @Test
    void lastingFailuresAreRememberedForTheVersion() throws Exception {
        long mkv = id("blank.mp4");
        CompletableFuture<ThumbnailOutcome> first = thumbnails.of(mkv).orElseThrow();
        makers.runAll();
        assertInstanceOf(ThumbnailOutcome.NoPicture.class, first.join());
        assertTrue(thumbnails.of(mkv).orElseThrow().isDone(), "the reason is stored, not found out again");
        assertEquals(Optional.empty(), thumbnails.of(987_654).map(f -> f));
    }

    @Test
    void eachBoxIsItsOwnPicture() throws Exception {
        long clip = id("clip.mp4");
        CompletableFuture<ThumbnailOutcome> small = thumbnails.of(clip, ImageBox.JPEG_SM).orElseThrow();
        CompletableFuture<ThumbnailOutcome> tiny = thumbnails.of(clip).orElseThrow();
        assertEquals(2, makers.queued(), "two sizes, two makings");
        makers.runAll();
        assertEquals(320, assertInstanceOf(ThumbnailOutcome.Picture.class, small.join()).width());
        assertEquals(160, assertInstanceOf(ThumbnailOutcome.Picture.class, tiny.join()).width());
        ThumbnailOutcome stored = thumbnails.of(clip, ImageBox.JPEG_SM).orElseThrow().join();
        assertEquals(320, assertInstanceOf(ThumbnailOutcome.Picture.class, stored).width());
        assertEquals(0, makers.queued(), "both stored");
    }

    /** clip.mp4 with everything after its movie header zeroed: a video by its headers, no frame decodes. */
    private static byte[] blank() throws Exception {
        byte[] mp4 = Files.readAllBytes(LIBRARY.resolve("clip.mp4"));
        int mdat = new String(mp4, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("mdat");
        java.util.Arrays.fill(mp4, mdat + 4, mp4.length, (byte) 0);
        return mp4;
    }

    private long id(String fileName) throws Exception {
        return catalogue.query(new ItemQuery(Optional.empty(), Optional.empty(), Optional.of(fileName), 0, 10))
                .items().stream().filter(i -> i.fileName().equals(fileName)).map(CatalogueItem::id).findFirst()
                .orElseThrow();
    }
}
