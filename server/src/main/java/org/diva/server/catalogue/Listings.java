package org.diva.server.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The ordered ids of recent listings ("All videos by title"), kept until the library changes. A TV pages through
 * the same container again and again; with the ids at hand a page costs a primary-key lookup of its rows instead
 * of filtering and sorting the whole library (what made each Browse of a 10,000-item container cost tens of
 * milliseconds). Bounded: at most {@link #MAX_LISTINGS} listings of at most {@link #MAX_IDS} ids each; larger
 * results are not kept and are paged in SQL as before.
 */
final class Listings {
    static final int MAX_LISTINGS = 32;
    static final int MAX_IDS = 200_000;

    private record Key(String where, List<Object> args, String orderBy) {
    }

    private record Listing(long updateId, long[] ids) {
    }

    private final DataSource dataSource;
    private final Map<Key, Listing> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Listing> eldest) {
            return size() > MAX_LISTINGS;
        }
    };

    Listings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The ids that match, in order, as of {@code updateId}; null if there are too many to keep. */
    long[] ids(SqlWhere where, String orderBy, long updateId) throws SQLException {
        Key key = new Key(where.sql(), where.args(), orderBy);
        synchronized (recent) {
            Listing listing = recent.get(key);
            if (listing != null && listing.updateId() == updateId) {
                return listing.ids();
            }
        }
        long[] ids = query(where, orderBy);
        if (ids == null) {
            return null;
        }
        synchronized (recent) {
            recent.put(key, new Listing(updateId, ids));
        }
        return ids;
    }

    private long[] query(SqlWhere where, String orderBy) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM item WHERE " + where.sql() + " ORDER BY "
                     + orderBy + " LIMIT " + (MAX_IDS + 1))) {
            Jdbc.bind(s, where.args());
            long[] ids = new long[1024];
            int n = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (n == MAX_IDS) {
                        return null;
                    }
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = r.getLong(1);
                }
            }
            return Arrays.copyOf(ids, n);
        }
    }
}
