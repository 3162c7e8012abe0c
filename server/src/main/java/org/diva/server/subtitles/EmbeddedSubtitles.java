package org.diva.server.subtitles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.subtitle.SubtitleExtractor;

/**
 * The embedded text subtitle tracks of catalogued videos as SubRip documents, built on demand and kept in memory.
 *
 * <p>A TV fetches the subtitle when playback starts and often again on seeking, so the last few documents are
 * kept, keyed by item, track and the file's size and modification time (a changed file is extracted afresh).
 * Both the document size (the extractor's limit) and the number kept are bounded, so the cache holds at most
 * {@code maxEntries × maxSrtBytes}.
 */
public final class EmbeddedSubtitles {
    /** A SubRip bigger than this is refused: a two-hour film's track is about 100 KB. */
    public static final long DEFAULT_MAX_SRT_BYTES = 4L << 20;
    public static final int DEFAULT_ENTRIES = 8;

    private record Key(long item, int track, long size, long modified) {
    }

    private final SubtitleExtractor extractor;
    private final int maxEntries;
    private final Map<Key, byte[]> cache;

    public EmbeddedSubtitles(long maxSrtBytes, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.extractor = new SubtitleExtractor(maxSrtBytes);
        this.maxEntries = maxEntries;
        this.cache = new LinkedHashMap<>(16, 0.75f, true);
    }

    public static EmbeddedSubtitles withDefaults() {
        return new EmbeddedSubtitles(DEFAULT_MAX_SRT_BYTES, DEFAULT_ENTRIES);
    }

    /**
     * The item's embedded subtitle tracks that are served as SubRip, in track order: the text ones. Bitmap
     * tracks (pgs, dvdsub, dvbsub) are pictures and would need OCR, so they are not offered.
     */
    public static List<SubtitleTrack> textTracks(CatalogueItem item) {
        return item.info().map(MediaInfo::subtitles).orElse(List.of()).stream()
                .filter(s -> s.external().isEmpty() && SubtitleExtractor.isText(s.format())).toList();
    }

    /**
     * The {@code track}-th text track of the item as UTF-8 SubRip, or empty when it has no such track.
     *
     * @throws org.diva.transcode.subtitle.SubtitleTooLargeException when the document would pass the limit
     * @throws org.diva.transcode.probe.MediaFormatException when the file cannot be read
     */
    public Optional<byte[]> srt(CatalogueItem item, int track) throws IOException {
        if (track < 0 || track >= textTracks(item).size()) {
            return Optional.empty();
        }
        Key key = new Key(item.id(), track, item.size(), item.modified());
        synchronized (cache) {
            byte[] cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        byte[] srt;
        try (FileChannel channel = FileChannel.open(item.path(), StandardOpenOption.READ)) {
            srt = extractor.srt(channel, track).getBytes(StandardCharsets.UTF_8);
        }
        synchronized (cache) {
            cache.put(key, srt);
            while (cache.size() > maxEntries) {
                cache.remove(cache.keySet().iterator().next());
            }
        }
        return Optional.of(srt);
    }

    /** How many documents are held now. */
    public int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
