package org.diva.server.catalogue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.diva.upnp.library.Facet;
import org.diva.upnp.library.FolderScope;
import org.diva.upnp.library.ItemFilter;
import org.diva.upnp.library.ItemQuery;
import org.diva.upnp.library.LibraryView;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.MediaRoot;
import org.diva.upnp.library.Page;
import org.diva.upnp.library.ValueCount;
import org.diva.upnp.library.ValueQuery;

/**
 * The catalogue as the UPnP face reads it: every query is counted and paged in SQL, so a TV asking for 30 of
 * 10,000 tracks costs two indexed queries, not a walk through the library. Storage failures become unchecked
 * {@link CatalogueException}s, which the device answers with an action failure.
 */
public final class CatalogueView implements LibraryView {
    private final DataSource dataSource;
    private final Catalogue catalogue;
    private final Map<String, MediaRoot> rootsByPath = new LinkedHashMap<>();
    private final ViewSql sql;
    private final Listings listings;

    /** @param roots the media folders, in the order the household configured them */
    public CatalogueView(DataSource dataSource, Catalogue catalogue, List<Path> roots) {
        this(dataSource, catalogue, keyed(roots));
    }

    /** @param roots each media folder and how the UPnP face names it, in the configured order */
    CatalogueView(DataSource dataSource, Catalogue catalogue, Map<Path, MediaRoot> roots) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        Map<String, Path> byKey = new LinkedHashMap<>();
        roots.forEach((path, root) -> {
            rootsByPath.put(path.toString(), root);
            byKey.put(root.key(), path);
        });
        this.sql = new ViewSql(byKey);
        this.listings = new Listings(dataSource);
    }

    private static Map<Path, MediaRoot> keyed(List<Path> roots) {
        Map<Path, MediaRoot> keyed = new LinkedHashMap<>();
        for (Path root : roots) {
            keyed.put(root, new MediaRoot(key(root), name(root)));
        }
        return keyed;
    }

    /** A short token for a root that never shows its path: the start of the path's SHA-256. */
    static String key(Path root) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(root.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String name(Path root) {
        Path name = root.getFileName();
        return name == null ? root.toString() : name.toString();
    }

    @Override
    public Optional<MediaItem> item(long id) {
        try {
            return catalogue.find(id).filter(item -> item.status() == ItemStatus.OK).flatMap(this::toView);
        } catch (SQLException e) {
            throw new CatalogueException("reading item " + id, e);
        }
    }

    @Override
    public Page<MediaItem> items(ItemQuery query) {
        SqlWhere where = sql.filter(query.filter());
        query.criteria().ifPresent(c -> where.and(sql.criteria(c)));
        String orderBy = ViewSql.orderBy(query.sort());
        try {
            long[] ids = listings.ids(where, orderBy, catalogue.updateId());
            if (ids == null) {
                var page = catalogue.page(where, orderBy, query.offset(), query.limit());
                return new Page<>(view(page.items()), page.total());
            }
            int from = (int) Math.min(ids.length, query.offset());
            int to = (int) Math.min(ids.length, query.offset() + query.limit());
            return new Page<>(view(catalogue.findAll(Arrays.copyOfRange(ids, from, to))), ids.length);
        } catch (SQLException e) {
            throw new CatalogueException("listing items", e);
        }
    }

    private List<MediaItem> view(List<CatalogueItem> rows) {
        List<MediaItem> items = new ArrayList<>();
        for (CatalogueItem item : rows) {
            toView(item).ifPresent(items::add);
        }
        return items;
    }

    @Override
    public Page<ValueCount> values(ValueQuery query) {
        ItemFilter filter = query.filter();
        if (query.facet() == Facet.SUBFOLDER) {
            FolderScope scope = filter.folder().orElseThrow();
            filter = filter.withFolder(new FolderScope(scope.rootKey(), scope.path(), true));
        }
        SqlWhere where = sql.filter(filter);
        String value = switch (query.facet()) {
            case ARTIST -> "COALESCE(artist, '')";
            case ALBUM -> "COALESCE(album, '')";
            case GENRE -> "COALESCE(genre, '')";
            case PHOTO_MONTH -> ViewSql.PHOTO_MONTH;
            case SUBFOLDER -> subfolder(query, where);
        };
        String groups = "SELECT " + value + " AS v, COUNT(*) AS n FROM item WHERE " + where.sql() + " GROUP BY v";
        String direction = query.descending() ? " DESC" : "";
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM (" + groups + ")")) {
                Jdbc.bind(s, where.args());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    total = r.getLong(1);
                }
            }
            List<ValueCount> values = new ArrayList<>();
            if (query.limit() > 0 && query.offset() < total) {
                try (PreparedStatement s = c.prepareStatement("SELECT v, n FROM (" + groups + ") ORDER BY LOWER(v)"
                        + direction + ", v" + direction + " LIMIT ? OFFSET ?")) {
                    List<Object> args = new ArrayList<>(where.args());
                    args.add(query.limit());
                    args.add(query.offset());
                    Jdbc.bind(s, args);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            values.add(new ValueCount(r.getString(1), r.getLong(2)));
                        }
                    }
                }
            }
            return new Page<>(values, total);
        } catch (SQLException e) {
            throw new CatalogueException("listing " + query.facet().name().toLowerCase(Locale.ROOT) + " values", e);
        }
    }

    /** The first folder name below the filter's folder, restricting {@code where} to rows below it. */
    private static String subfolder(ValueQuery query, SqlWhere where) {
        String path = query.filter().folder().orElseThrow().path();
        if (path.isEmpty()) {
            where.and("folder <> ''");
            return "CASE WHEN LOCATE('/', folder) > 0 THEN LEFT(folder, LOCATE('/', folder) - 1) ELSE folder END";
        }
        where.and("folder LIKE ? ESCAPE '\\'", ViewSql.likeBelow(path));
        String rest = "SUBSTRING(folder, " + (path.length() + 2) + ")";
        return "CASE WHEN LOCATE('/', " + rest + ") > 0 THEN LEFT(" + rest + ", LOCATE('/', " + rest + ") - 1) "
                + "ELSE " + rest + " END";
    }

    @Override
    public List<MediaRoot> roots() {
        return List.copyOf(rootsByPath.values());
    }

    @Override
    public long updateId() {
        try {
            return catalogue.updateId();
        } catch (SQLException e) {
            throw new CatalogueException("reading the library's update id", e);
        }
    }

    /** Items under a folder that is no longer configured are not shown. */
    private Optional<MediaItem> toView(CatalogueItem item) {
        return Optional.ofNullable(rootsByPath.get(item.root().toString())).map(root -> ViewItems.of(item, root));
    }
}
