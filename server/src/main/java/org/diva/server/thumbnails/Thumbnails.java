package org.diva.server.thumbnails;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.ItemStatus;
import org.diva.transcode.probe.Artwork;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.thumbnail.ImageBox;
import org.diva.transcode.thumbnail.Thumbnail;
import org.diva.transcode.thumbnail.ThumbnailException;
import org.diva.transcode.thumbnail.Thumbnailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Items' pictures: JPEG_TN thumbnails (a video's keyframe, a photo, a song's cover art) and photos scaled to
 * JPEG_SM, JPEG_MED and JPEG_LRG for renderers that would rather not fetch the original. Each is made on first request, on one of
 * a few maker threads (a TV opening a folder of 200 films asks for 200 at once; decoding them all at once would
 * take the memory of 200 decoders), and stored with the item version it was made from, so it is made again only
 * when the file changes. Requests for a picture already being made wait for that one. Lasting failures are stored
 * like pictures, so an unsupported file is tried once per version.
 */
public final class Thumbnails implements AutoCloseable {
    public static final ImageBox BOX = ImageBox.JPEG_TN;
    /** The boxes pictures are made in, by DLNA profile name. */
    public static final java.util.Map<String, ImageBox> BOXES = java.util.Map.of("JPEG_TN", ImageBox.JPEG_TN,
            "JPEG_SM", ImageBox.JPEG_SM, "JPEG_MED", ImageBox.JPEG_MED, "JPEG_LRG", ImageBox.JPEG_LRG);
    private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);

    private record Key(long itemId, int version, String profile) {
    }

    private final Catalogue catalogue;
    private final ThumbnailStore store;
    private final Thumbnailer thumbnailer;
    private final ExecutorService makers;
    private final ConcurrentMap<Key, CompletableFuture<ThumbnailOutcome>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param makers where pictures are made; its threads bound how many are made at once and its queue how many
     *               may wait (see {@link #makers(int, int)}); shut down by {@link #close()}
     */
    public Thumbnails(Catalogue catalogue, ThumbnailStore store, Thumbnailer thumbnailer, ExecutorService makers) {
        this.catalogue = catalogue;
        this.store = store;
        this.thumbnailer = thumbnailer;
        this.makers = makers;
    }

    /** {@code threads} maker threads with room for {@code waiting} requests; more are answered "busy". */
    public static ExecutorService makers(int threads, int waiting) {
        AtomicInteger counter = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(waiting),
                runnable -> {
                    Thread thread = new Thread(runnable, "thumbnail-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The item's JPEG_TN thumbnail; see {@link #of(long, ImageBox)}. */
    public Optional<CompletableFuture<ThumbnailOutcome>> of(long itemId) throws SQLException {
        return of(itemId, BOX);
    }

    /**
     * The item's picture in {@code box}: at once when stored for its current version, else when made.
     *
     * @return empty when there is no such item
     */
    public Optional<CompletableFuture<ThumbnailOutcome>> of(long itemId, ImageBox box) throws SQLException {
        Optional<CatalogueItem> found = catalogue.find(itemId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CatalogueItem item = found.get();
        if (item.status() == ItemStatus.FAILED) {
            return Optional.of(CompletableFuture.completedFuture(new ThumbnailOutcome.NoPicture(
                    name(item) + " could not be read: " + item.failure().orElse("unknown reason"), true,
                    item.version())));
        }
        Optional<ThumbnailOutcome> stored = store.find(itemId, box.dlnaProfile());
        if (stored.isPresent() && stored.get().itemVersion() == item.version()) {
            return Optional.of(CompletableFuture.completedFuture(stored.get()));
        }
        return Optional.of(make(item, box));
    }

    private CompletableFuture<ThumbnailOutcome> make(CatalogueItem item, ImageBox box) {
        Key key = new Key(item.id(), item.version(), box.dlnaProfile());
        CompletableFuture<ThumbnailOutcome> mine = new CompletableFuture<>();
        CompletableFuture<ThumbnailOutcome> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        mine.whenComplete((outcome, failure) -> inFlight.remove(key, mine));
        try {
            makers.execute(() -> {
                try {
                    mine.complete(makeAndStore(item, box));
                } catch (Throwable t) {
                    mine.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException full) {
            mine.complete(new ThumbnailOutcome.Busy("DiVA is busy making other pictures; ask again in a moment",
                    item.version()));
        }
        return mine;
    }

    private ThumbnailOutcome makeAndStore(CatalogueItem item, ImageBox box) throws SQLException {
        long start = System.nanoTime();
        ThumbnailOutcome outcome = picture(item, box);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (outcome instanceof ThumbnailOutcome.NoPicture none) {
            if (none.lasting()) {
                LOG.info("no picture of item {}: {}", item.id(), none.reason());
                store.save(item.id(), box.dlnaProfile(), outcome);
            } else {
                LOG.warn("no picture of item {} for now: {}", item.id(), none.reason());
            }
        } else {
            LOG.debug("{} picture of item {} made in {} ms", box.dlnaProfile(), item.id(), millis);
            store.save(item.id(), box.dlnaProfile(), outcome);
        }
        return outcome;
    }

    private ThumbnailOutcome picture(CatalogueItem item, ImageBox box) throws SQLException {
        String name = name(item);
        try {
            Thumbnail thumbnail;
            if (item.kind() == MediaKind.AUDIO) {
                Optional<Artwork> art = catalogue.artwork(item.id());
                if (art.isEmpty()) {
                    return new ThumbnailOutcome.NoPicture(name + ": its tags hold no cover art", true,
                            item.version());
                }
                thumbnail = thumbnailer.ofImage(art.get().data(), "the cover art of " + name, box);
            } else {
                try (FileChannel channel = FileChannel.open(item.path(), StandardOpenOption.READ)) {
                    thumbnail = thumbnailer.ofChannel(channel, name, box);
                }
            }
            return new ThumbnailOutcome.Picture(thumbnail.jpeg(), thumbnail.size().width(),
                    thumbnail.size().height(), item.version());
        } catch (ThumbnailException e) {
            return new ThumbnailOutcome.NoPicture(e.getMessage(), true, item.version());
        } catch (IOException e) { // a passing trouble (the disk, the network share): not remembered
            return new ThumbnailOutcome.NoPicture(name + ": the file cannot be read just now ("
                    + e.getClass().getSimpleName() + ")", false, item.version());
        }
    }

    /** How the API names the file: its folder and name under the media folder. */
    private static String name(CatalogueItem item) {
        return item.folder().isEmpty() ? item.fileName() : item.folder() + "/" + item.fileName();
    }

    @Override
    public void close() {
        makers.shutdownNow();
        inFlight.values().forEach(f -> f.completeExceptionally(new CancellationException("DiVA is stopping")));
    }
}
