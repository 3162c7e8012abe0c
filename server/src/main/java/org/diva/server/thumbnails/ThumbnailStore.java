package org.diva.server.thumbnails;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/** The thumbnail table: one outcome per item and DLNA profile, for the item version it was made from. */
public final class ThumbnailStore {
    private final DataSource dataSource;
    private final Clock clock;

    public ThumbnailStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The stored outcome, whatever version it was made from; callers compare it with the item's. */
    public Optional<ThumbnailOutcome> find(long itemId, String profile) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT item_version, width, height, data, failure "
                     + "FROM thumbnail WHERE item_id = ? AND profile = ?")) {
            s.setLong(1, itemId);
            s.setString(2, profile);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                byte[] data = r.getBytes(4);
                int version = r.getInt(1);
                return Optional.of(data != null
                        ? new ThumbnailOutcome.Picture(data, r.getInt(2), r.getInt(3), version)
                        : new ThumbnailOutcome.NoPicture(r.getString(5), true, version));
            }
        }
    }

    /**
     * Replaces what is stored for the item and profile. Only lasting outcomes belong here; an item deleted
     * meanwhile (a rescan found its file gone) stores nothing.
     */
    public void save(long itemId, String profile, ThumbnailOutcome outcome) throws SQLException {
        if (outcome instanceof ThumbnailOutcome.NoPicture none && !none.lasting()) {
            throw new IllegalArgumentException("a passing failure is not stored: " + none.reason());
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("MERGE INTO thumbnail t USING (SELECT id FROM item WHERE id = ?) "
                     + "AS i ON t.item_id = i.id AND t.profile = ? "
                     + "WHEN MATCHED THEN UPDATE SET item_version = ?, width = ?, height = ?, data = ?, failure = ?, "
                     + "made = ? "
                     + "WHEN NOT MATCHED THEN INSERT (item_id, profile, item_version, width, height, data, failure, "
                     + "made) VALUES (i.id, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, itemId);
            s.setString(2, profile);
            bind(s, 3, outcome);
            s.setString(9, profile);
            bind(s, 10, outcome);
            s.executeUpdate();
        }
    }

    /** Binds item_version, width, height, data, failure and made from {@code at}. */
    private void bind(PreparedStatement s, int at, ThumbnailOutcome outcome) throws SQLException {
        s.setInt(at, outcome.itemVersion());
        if (outcome instanceof ThumbnailOutcome.Picture picture) {
            s.setInt(at + 1, picture.width());
            s.setInt(at + 2, picture.height());
            s.setBytes(at + 3, picture.jpeg());
            s.setNull(at + 4, Types.VARCHAR);
        } else {
            String reason = ((ThumbnailOutcome.NoPicture) outcome).reason();
            s.setNull(at + 1, Types.INTEGER);
            s.setNull(at + 2, Types.INTEGER);
            s.setNull(at + 3, Types.VARBINARY);
            s.setString(at + 4, reason.length() <= 2000 ? reason : reason.substring(0, 2000));
        }
        s.setTimestamp(at + 5, Timestamp.from(clock.instant()));
    }
}
