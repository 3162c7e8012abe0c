package org.diva.server.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.diva.transcode.probe.Artwork;
import org.diva.transcode.probe.AudioTags;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.web.json.Json;

/**
 * The catalogue's reads and writes. Each batch of scan results is one transaction, so a crash leaves every file
 * either fully recorded or not at all, and the next scan fills in what is missing.
 */
public final class Catalogue {
    private static final String COLUMNS = "id, root, path, folder, file_name, kind, size, modified, sidecars, status, failure, title, "
            + "metadata, added, updated, version, EXISTS(SELECT 1 FROM artwork a WHERE a.item_id = item.id) AS art";

    /** How many columns {@link #bindColumns} binds. */
    private static final int BOUND_COLUMNS = 23;

    private final DataSource dataSource;
    private final Clock clock;
    private final Runnable changed;
    private final ObjectMapper json = Json.newMapper();

    public Catalogue(DataSource dataSource, Clock clock) {
        this(dataSource, clock, () -> { });
    }

    /** @param changed told after every committed change, in the writing thread (keep it quick) */
    public Catalogue(DataSource dataSource, Clock clock, Runnable changed) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.changed = changed;
    }

    /** Path to what is known of it, for every item under {@code root}. */
    public Map<Path, KnownFile> knownFiles(Path root) throws SQLException {
        Map<Path, KnownFile> known = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, path, size, modified, sidecars FROM item WHERE root = ?")) {
            s.setString(1, root.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    known.put(Path.of(r.getString(2)),
                            new KnownFile(r.getLong(1), r.getLong(3), r.getLong(4), r.getString(5)));
                }
            }
        }
        return known;
    }

    /** The roots that have items, so that items of a folder no longer configured can be dropped. */
    public List<Path> roots() throws SQLException {
        List<Path> roots = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT DISTINCT root FROM item");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                roots.add(Path.of(r.getString(1)));
            }
        }
        return roots;
    }

    /** Inserts or updates (by path) every outcome in one transaction; an update bumps the item's version. */
    public void record(Collection<ProbeOutcome> outcomes) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement merge = c.prepareStatement("MERGE INTO item t USING (VALUES (CAST(? AS VARCHAR))) "
                    + "AS s(path) ON t.path = s.path "
                    + "WHEN MATCHED THEN UPDATE SET root=?, folder=?, file_name=?, kind=?, size=?, modified=?, "
                    + "sidecars=?, status=?, failure=?, title=?, container=?, duration_ms=?, bitrate=?, artist=?, "
                    + "album=?, genre=?, release_year=?, track_number=?, disc_number=?, album_artist=?, "
                    + "date_taken=?, metadata=?, updated=?, version=t.version+1 "
                    + "WHEN NOT MATCHED THEN INSERT (path, root, folder, file_name, kind, size, modified, sidecars, "
                    + "status, failure, title, container, duration_ms, bitrate, artist, album, genre, release_year, "
                    + "track_number, disc_number, album_artist, date_taken, metadata, updated, added) "
                    + "VALUES (s.path, " + "?, ".repeat(BOUND_COLUMNS) + "?)");
                 PreparedStatement deleteArt = c.prepareStatement(
                         "DELETE FROM artwork WHERE item_id = (SELECT id FROM item WHERE path = ?)");
                 PreparedStatement insertArt = c.prepareStatement("INSERT INTO artwork (item_id, mime_type, data) "
                         + "SELECT id, ?, ? FROM item WHERE path = ?")) {
                for (ProbeOutcome outcome : outcomes) {
                    String path = outcome.file().path().toString();
                    merge.setString(1, path);
                    bindColumns(merge, 2, outcome, now);
                    bindColumns(merge, 2 + BOUND_COLUMNS, outcome, now);
                    merge.setTimestamp(2 + 2 * BOUND_COLUMNS, now);
                    merge.addBatch();
                    deleteArt.setString(1, path);
                    deleteArt.addBatch();
                }
                merge.executeBatch();
                deleteArt.executeBatch();
                for (ProbeOutcome outcome : outcomes) {
                    Optional<Artwork> art = outcome.probed().flatMap(p -> p.artwork());
                    if (art.isPresent()) {
                        insertArt.setString(1, art.get().mimeType());
                        insertArt.setBytes(2, art.get().data());
                        insertArt.setString(3, outcome.file().path().toString());
                        insertArt.addBatch();
                    }
                }
                insertArt.executeBatch();
                bumpUpdateId(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        changed.run();
    }

    /** Binds the {@link #BOUND_COLUMNS} columns shared by the update and insert branches, starting at {@code i}. */
    private void bindColumns(PreparedStatement s, int i, ProbeOutcome outcome, Timestamp now) throws SQLException {
        FileFacts file = outcome.file();
        Optional<MediaInfo> info = outcome.probed().map(p -> p.info());
        s.setString(i++, file.root().toString());
        s.setString(i++, file.folder());
        s.setString(i++, file.fileName());
        s.setString(i++, info.map(MediaInfo::kind).orElse(file.kind()).name());
        s.setLong(i++, file.size());
        s.setLong(i++, file.modified());
        s.setString(i++, file.sidecars());
        s.setString(i++, (outcome.failure().isPresent() ? ItemStatus.FAILED : ItemStatus.OK).name());
        s.setString(i++, outcome.failure().map(f -> truncate(f, 2000)).orElse(null));
        s.setString(i++, truncate(info.flatMap(MediaInfo::title).orElseGet(() -> titleFromFileName(file)), 1024));
        s.setString(i++, info.map(MediaInfo::container).orElse(null));
        Jdbc.setLong(s, i++, info.map(MediaInfo::durationMillis).orElse(OptionalLong.empty()));
        Jdbc.setLong(s, i++, info.map(MediaInfo::bitrate).orElse(OptionalLong.empty()));
        var tags = info.flatMap(MediaInfo::tags);
        s.setString(i++, tags.flatMap(t -> t.artist().or(t::albumArtist)).map(v -> truncate(v, 1024)).orElse(null));
        s.setString(i++, tags.flatMap(t -> t.album()).map(v -> truncate(v, 1024)).orElse(null));
        s.setString(i++, tags.flatMap(t -> t.genre()).map(v -> truncate(v, 256)).orElse(null));
        Jdbc.setInt(s, i++, tags.map(AudioTags::year).orElse(OptionalInt.empty()));
        Jdbc.setInt(s, i++, tags.map(AudioTags::track).orElse(OptionalInt.empty()));
        Jdbc.setInt(s, i++, tags.map(AudioTags::disc).orElse(OptionalInt.empty()));
        s.setString(i++, tags.flatMap(AudioTags::albumArtist).map(v -> truncate(v, 1024)).orElse(null));
        var taken = info.flatMap(MediaInfo::photo).flatMap(p -> p.dateTaken());
        s.setTimestamp(i++, taken.map(Timestamp::valueOf).orElse(null));
        s.setString(i++, info.map(this::toJson).orElse(null));
        s.setTimestamp(i, now);
    }

    public Optional<CatalogueItem> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM item WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** The rows with these ids, in the order given; ids no longer catalogued are left out. */
    public List<CatalogueItem> findAll(long[] ids) throws SQLException {
        if (ids.length == 0) {
            return List.of();
        }
        Map<Long, CatalogueItem> byId = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM item WHERE id = ANY(?)")) {
            s.setObject(1, Arrays.stream(ids).boxed().toArray(Long[]::new));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    CatalogueItem item = read(r);
                    byId.put(item.id(), item);
                }
            }
        }
        List<CatalogueItem> items = new ArrayList<>(ids.length);
        for (long id : ids) {
            CatalogueItem item = byId.get(id);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    public Optional<Artwork> artwork(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT mime_type, data FROM artwork WHERE item_id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Artwork(r.getString(1), r.getBytes(2))) : Optional.empty();
            }
        }
    }

    public Page<CatalogueItem> query(ItemQuery query) throws SQLException {
        SqlWhere where = new SqlWhere();
        query.kind().ifPresent(k -> where.and("kind = ?", k.name()));
        query.status().ifPresent(st -> where.and("status = ?", st.name()));
        query.text().ifPresent(t -> {
            String like = "%" + SqlWhere.literalLike(t) + "%";
            where.and("LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(file_name) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(artist) LIKE ? ESCAPE '\\' OR LOWER(album) LIKE ? ESCAPE '\\'", like, like, like, like);
        });
        return page(where, "LOWER(title), id", query.offset(), query.limit());
    }

    /** The rows that match, in {@code orderBy} order, {@code limit} from {@code offset}, and how many match. */
    Page<CatalogueItem> page(SqlWhere where, String orderBy, long offset, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM item WHERE " + where.sql())) {
                Jdbc.bind(s, where.args());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    total = r.getLong(1);
                }
            }
            List<CatalogueItem> items = new ArrayList<>();
            if (limit > 0 && offset < total) {
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM item WHERE "
                        + where.sql() + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
                    List<Object> pageArgs = new ArrayList<>(where.args());
                    pageArgs.add(limit);
                    pageArgs.add(offset);
                    Jdbc.bind(s, pageArgs);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            items.add(read(r));
                        }
                    }
                }
            }
            return new Page<>(items, total);
        }
    }

    /** Item counts by status. */
    public Map<ItemStatus, Long> counts() throws SQLException {
        Map<ItemStatus, Long> counts = new HashMap<>();
        for (ItemStatus status : ItemStatus.values()) {
            counts.put(status, 0L);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT status, COUNT(*) FROM item GROUP BY status");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                counts.put(ItemStatus.valueOf(r.getString(1)), r.getLong(2));
            }
        }
        return counts;
    }

    public void delete(Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM item WHERE id = ?")) {
            c.setAutoCommit(false);
            for (long id : ids) {
                s.setLong(1, id);
                s.addBatch();
            }
            s.executeBatch();
            bumpUpdateId(c);
            c.commit();
        }
        changed.run();
    }

    /** A number that grows with every change to the catalogue, removals included; it survives restarts. */
    public long updateId() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT update_id FROM library_state WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void bumpUpdateId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE library_state SET update_id = update_id + 1")) {
            s.executeUpdate();
        }
    }

    public long startScan() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO scan (started) VALUES (?)",
                     new String[] {"ID"})) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void finishScan(long id, int files, int added, int changed, int removed, int failed) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE scan SET finished = ?, files = ?, added = ?, "
                     + "changed = ?, removed = ?, failed = ? WHERE id = ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setInt(2, files);
            s.setInt(3, added);
            s.setInt(4, changed);
            s.setInt(5, removed);
            s.setInt(6, failed);
            s.setLong(7, id);
            s.executeUpdate();
        }
    }

    /** The most recent scan, finished or not. */
    public Optional<ScanRecord> lastScan() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, started, finished, files, added, changed, removed, "
                     + "failed FROM scan ORDER BY id DESC LIMIT 1");
             ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(new ScanRecord(r.getLong(1), r.getTimestamp(2).toInstant(),
                    Optional.ofNullable(r.getTimestamp(3)).map(Timestamp::toInstant), r.getInt(4), r.getInt(5),
                    r.getInt(6), r.getInt(7), r.getInt(8)));
        }
    }

    private CatalogueItem read(ResultSet r) throws SQLException {
        String metadata = r.getString("metadata");
        return new CatalogueItem(r.getLong("id"), Path.of(r.getString("root")), Path.of(r.getString("path")),
                r.getString("folder"),
                r.getString("file_name"), MediaKind.valueOf(r.getString("kind")), r.getLong("size"),
                r.getLong("modified"), r.getString("sidecars"), ItemStatus.valueOf(r.getString("status")),
                Optional.ofNullable(r.getString("failure")), r.getString("title"),
                Optional.ofNullable(metadata).map(this::fromJson), r.getBoolean("art"),
                instant(r, "added"), instant(r, "updated"), r.getInt("version"));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime time = r.getObject(column, OffsetDateTime.class);
        return time == null ? Instant.EPOCH : time.toInstant();
    }

    private String toJson(MediaInfo info) {
        try {
            return json.writeValueAsString(info);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("MediaInfo is not serialisable", e);
        }
    }

    private MediaInfo fromJson(String text) {
        try {
            return json.readValue(text, MediaInfo.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not readable: " + e.getOriginalMessage(), e);
        }
    }

    static String titleFromFileName(FileFacts file) {
        String name = file.fileName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
