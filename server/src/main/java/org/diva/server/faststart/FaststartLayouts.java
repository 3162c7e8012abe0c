package org.diva.server.faststart;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.diva.transcode.mux.mp4.FaststartView;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.web.media.Layout;
import org.diva.web.media.ServedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves MP4/QuickTime files that have their movie header ('moov') after the media data with the header moved to
 * the front, as {@link FaststartView} lays them out, without copying them: a TV or a browser can then start playing
 * from the first bytes instead of seeking to the tail first (many DLNA renderers never do).
 *
 * <p>A renderer sends many Range requests for one playback, so the layouts are cached, least recently used first
 * out, keyed by path, size and modification time (a changed file gets a new layout). The cache is bounded both in
 * entries and in moov bytes held. A file that does not parse as MP4 is sent as it is, with a warning, and the failure
 * is cached like a layout so the warning comes once per file version: direct play never breaks because of this.
 */
public final class FaststartLayouts {
    public static final int DEFAULT_ENTRIES = 32;
    public static final long DEFAULT_BYTES = 128L << 20;
    /** The ETag suffix: the layout's bytes differ from the file's. */
    static final String TAG = "fs";
    private static final Logger LOG = LoggerFactory.getLogger(FaststartLayouts.class);
    private static final Set<String> CONTAINERS = Set.of("mp4", "mov");

    /** A file version: a layout is valid for exactly these bytes. */
    private record Key(Path path, long size, long modifiedMillis) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final Map<Key, Optional<Layout>> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    public FaststartLayouts(int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("cache bounds must be positive: " + maxEntries + ", " + maxBytes);
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    public static FaststartLayouts withDefaults() {
        return new FaststartLayouts(DEFAULT_ENTRIES, DEFAULT_BYTES);
    }

    /**
     * {@code file} as it should be sent: with a faststart layout if it is an MP4 or QuickTime file ({@code container}
     * as the probe reported it) whose moov follows its mdat, else unchanged.
     */
    public ServedFile serve(ServedFile file, String container) {
        if (!CONTAINERS.contains(container)) {
            return file;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
        } catch (IOException e) {
            return file; // gone or unreadable: the endpoint says so
        }
        Key key = new Key(file.path(), attributes.size(), attributes.lastModifiedTime().toMillis());
        Optional<Layout> layout = cached(key);
        if (layout == null) {
            try {
                layout = layout(key);
            } catch (MediaFormatException e) {
                LOG.warn("{} is sent as it is: it cannot be laid out with its movie header first: {}", file.path(),
                        e.getMessage());
                layout = Optional.empty();
            } catch (IOException e) {
                LOG.warn("{} is sent as it is: reading its movie header failed: {}", file.path(), e.toString());
                return file; // perhaps passing (a disk hiccup): not remembered
            }
            remember(key, layout);
        }
        return layout.map(l -> new ServedFile(file.path(), file.contentType(), key.size(), key.modifiedMillis(),
                file.contentFeatures(), Optional.of(l))).orElse(file);
    }

    private static Optional<Layout> layout(Key key) throws IOException {
        try (FileChannel channel = FileChannel.open(key.path())) {
            if (channel.size() != key.size()) {
                throw new IOException("the file changed while it was read");
            }
            return FaststartView.of(channel).map(FaststartLayouts::toWeb);
        }
    }

    /** The same segments in web's terms (web cannot see transcode). */
    static Layout toWeb(FaststartView view) {
        List<Layout.Segment> segments = new ArrayList<>();
        for (FaststartView.Segment segment : view.segments()) {
            if (segment instanceof FaststartView.SourceRange r) {
                segments.add(new Layout.FileRange(r.sourceOffset(), r.length()));
            } else if (segment instanceof FaststartView.Bytes b) {
                segments.add(new Layout.Bytes(b.bytes()));
            }
        }
        return new Layout(TAG, segments);
    }

    private synchronized Optional<Layout> cached(Key key) {
        return cache.get(key);
    }

    private synchronized void remember(Key key, Optional<Layout> layout) {
        long held = held(layout);
        if (held > maxBytes || cache.containsKey(key)) {
            return; // too big to keep (it is still sent), or another request made it meanwhile
        }
        cache.put(key, layout);
        bytes += held;
        var eldest = cache.entrySet().iterator();
        while (cache.size() > maxEntries || bytes > maxBytes) {
            bytes -= held(eldest.next().getValue());
            eldest.remove();
        }
    }

    /** Bytes a layout keeps in memory (its moov); the segment list is a few dozen bytes. */
    private static long held(Optional<Layout> layout) {
        return layout.map(l -> l.segments().stream().filter(s -> s instanceof Layout.Bytes)
                .mapToLong(Layout.Segment::length).sum()).orElse(0L);
    }

    /** How many file versions are cached, for tests. */
    synchronized int size() {
        return cache.size();
    }
}
