package org.diva.server.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTags;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.PhotoInfo;
import org.diva.transcode.probe.SubtitleTrack;
import org.diva.transcode.probe.VideoTrack;
import org.diva.upnp.library.LibraryView;
import org.diva.upnp.library.LibraryViewContract;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.MediaRoot;
import org.diva.web.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The SQL view answers the UPnP module's contract exactly as its reference view does. */
class CatalogueViewContractTest extends LibraryViewContract {
    @TempDir
    Path data;
    private Database db;
    private final ObjectMapper json = Json.newMapper();

    @Override
    protected LibraryView viewOf(List<MediaRoot> roots, List<MediaItem> items) {
        try {
            db = Database.open(data);
            Map<Path, MediaRoot> paths = new LinkedHashMap<>();
            for (MediaRoot root : roots) {
                paths.put(Path.of("/roots", root.key()), root);
            }
            try (Connection c = db.dataSource().getConnection()) {
                for (MediaItem item : items) {
                    insert(c, Path.of("/roots", item.file().root().key()), item);
                }
            }
            return new CatalogueView(db.dataSource(), new Catalogue(db.dataSource(), Clock.systemUTC()), paths);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeDatabase() throws Exception {
        db.close();
    }

    /** Stores the item as a scan would have: columns for querying, the probe's facts as JSON. */
    private void insert(Connection c, Path root, MediaItem item) throws Exception {
        Path dir = item.file().folder().isEmpty() ? root : root.resolve(item.file().folder());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO item (id, root, path, folder, file_name, kind, "
                + "size, modified, sidecars, status, title, container, duration_ms, bitrate, artist, album, genre, "
                + "release_year, track_number, album_artist, date_taken, metadata, added, updated, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', 'OK', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            s.setLong(i++, item.id());
            s.setString(i++, root.toString());
            s.setString(i++, dir.resolve(item.file().fileName()).toString());
            s.setString(i++, item.file().folder());
            s.setString(i++, item.file().fileName());
            s.setString(i++, item.kind().name());
            s.setLong(i++, item.file().size());
            s.setLong(i++, item.file().modified().toEpochMilli());
            s.setString(i++, item.title());
            s.setString(i++, item.file().container());
            Jdbc.setLong(s, i++, item.durationMillis());
            Jdbc.setLong(s, i++, item.bitrate());
            s.setString(i++, item.tags().artist().orElse(null));
            s.setString(i++, item.tags().album().orElse(null));
            s.setString(i++, item.tags().genre().orElse(null));
            Jdbc.setInt(s, i++, item.tags().year());
            Jdbc.setInt(s, i++, item.tags().trackNumber());
            s.setString(i++, item.tags().albumArtist().orElse(null));
            s.setTimestamp(i++, item.photo().flatMap(p -> p.dateTaken()).map(Timestamp::valueOf).orElse(null));
            s.setString(i++, json.writeValueAsString(info(item)));
            s.setTimestamp(i++, Timestamp.from(item.added()));
            s.setTimestamp(i++, Timestamp.from(item.added()));
            s.setLong(i, item.version());
            s.executeUpdate();
        }
    }

    private static MediaInfo info(MediaItem item) {
        var kind = org.diva.transcode.probe.MediaKind.valueOf(item.kind().name());
        List<VideoTrack> video = item.video().map(v -> List.of(new VideoTrack(v.codec(), v.profile(), v.level(),
                v.width(), v.height(), v.frameRate(), OptionalInt.empty(), false, OptionalLong.empty(),
                Optional.<String>empty()))).orElse(List.of());
        List<AudioTrack> audio = item.audio().map(a -> List.of(new AudioTrack(a.codec(), a.profile(), a.channels(),
                a.sampleRate(), OptionalLong.empty(), a.language()))).orElse(List.of());
        List<SubtitleTrack> subtitles = item.subtitles().stream()
                .map(t -> new SubtitleTrack(t.format(), t.language(), Optional.empty(), Optional.empty())).toList();
        MediaInfo info = MediaInfo.empty(kind, item.file().container())
                .withTracks(video, audio, subtitles).withTitle(item.title());
        if (item.kind() == org.diva.upnp.library.MediaKind.AUDIO) {
            var t = item.tags();
            info = info.withTags(new AudioTags(Optional.of(item.title()), t.artist(), t.albumArtist(), t.album(),
                    t.trackNumber(), OptionalInt.empty(), t.year(), t.genre(), item.hasCoverArt()));
        }
        if (item.photo().isPresent()) {
            var p = item.photo().get();
            info = info.withPhoto(new PhotoInfo(p.width(), p.height(), p.orientation(), p.dateTaken(),
                    Optional.empty(), Optional.empty()));
        }
        return info;
    }
}
