package org.diva.server.pool.sharing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.ItemStatus;

/**
 * The catalogue seen through the shared folders: browse as a tree (shares, their folders, then items), search, and
 * look up by id. Items outside every share do not exist here, whichever way they are asked for. Counting and paging
 * are done in SQL over the indexed {@code root} column, so a neighbour asking for 50 of 10,000 titles costs a few
 * queries, not a walk of the library.
 */
public final class SharedItems {
    public static final int MAX_LIMIT = 500;
    private static final String PLAYABLE = "status = 'OK'";

    private final DataSource dataSource;
    private final Catalogue catalogue;
    private final SharedFolders shares;

    public SharedItems(DataSource dataSource, Catalogue catalogue, SharedFolders shares) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.shares = shares;
    }

    /** An item and the share it is seen through. */
    public record Shared(CatalogueItem item, Share share) {
        public FolderId folder() {
            return new FolderId(share.key(), share.relative(item.folder()));
        }
    }

    /** The item, if it is readable and under a share. */
    public Optional<Shared> find(long id) throws SQLException {
        return catalogue.find(id).filter(i -> i.status() == ItemStatus.OK).flatMap(this::shared);
    }

    /** The shares as folders, a page of them. */
    public Page shares(int offset, int limit) {
        checkPaging(offset, limit);
        List<Share> all = shares.all();
        List<Entry> entries = new ArrayList<>();
        for (int i = offset; i < all.size() && i < (long) offset + limit; i++) {
            entries.add(new Entry.Folder(new FolderId(all.get(i).key(), ""), all.get(i).name()));
        }
        return new Page(entries, all.size());
    }

    /**
     * One page of a shared folder: its subfolders by name, then its items by title.
     *
     * @return empty when the folder's share is not (or no longer) shared
     */
    public Optional<Page> browse(FolderId folder, int offset, int limit) throws SQLException {
        checkPaging(offset, limit);
        Optional<Share> share = shares.byKey(folder.shareKey());
        if (share.isEmpty()) {
            return Optional.empty();
        }
        String inRoot = share.get().absolute(folder.below());
        String root = share.get().root().toString();
        TreeSet<String> subfolders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER.thenComparing(s -> s));
        long items;
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT folder FROM item WHERE " + PLAYABLE
                    + " AND root = ? AND " + (inRoot.isEmpty() ? "folder <> ''" : "folder LIKE ? ESCAPE '\\'"))) {
                s.setString(1, root);
                if (!inRoot.isEmpty()) {
                    s.setString(2, escapeLike(inRoot) + "/%");
                }
                try (ResultSet r = s.executeQuery()) {
                    int skip = inRoot.isEmpty() ? 0 : inRoot.length() + 1;
                    while (r.next()) {
                        String rest = r.getString(1).substring(skip);
                        int slash = rest.indexOf('/');
                        subfolders.add(slash < 0 ? rest : rest.substring(0, slash));
                    }
                }
            }
            items = count(c, "SELECT COUNT(*) FROM item WHERE " + PLAYABLE + " AND root = ? AND folder = ?",
                    root, inRoot);
            if (items == 0 && subfolders.isEmpty() && !folder.below().isEmpty()) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>(subfolders);
            for (int i = offset; i < names.size() && entries.size() < limit; i++) {
                entries.add(new Entry.Folder(folder.child(names.get(i)), names.get(i)));
            }
            long itemOffset = Math.max(0, (long) offset - names.size());
            int itemLimit = limit - entries.size();
            if (itemLimit > 0 && itemOffset < items) {
                List<Long> ids = ids(c, "SELECT id FROM item WHERE " + PLAYABLE + " AND root = ? AND folder = ? "
                        + "ORDER BY LOWER(title), id LIMIT ? OFFSET ?", root, inRoot, itemLimit, itemOffset);
                for (CatalogueItem item : catalogue.findAll(ids.stream().mapToLong(Long::longValue).toArray())) {
                    entries.add(new Entry.Item(new Shared(item, share.get())));
                }
            }
            return Optional.of(new Page(entries, names.size() + items));
        }
    }

    /** Shared items whose title, file name, artist or album contains {@code text} (ignoring case), by title. */
    public List<Shared> search(String text, int limit) throws SQLException {
        checkPaging(0, limit);
        if (shares.all().isEmpty() || limit == 0) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder under = new StringBuilder();
        for (Share share : shares.all()) {
            under.append(under.isEmpty() ? "" : " OR ").append("(root = ?");
            args.add(share.root().toString());
            if (!share.folder().isEmpty()) {
                under.append(" AND (folder = ? OR folder LIKE ? ESCAPE '\\')");
                args.add(share.folder());
                args.add(escapeLike(share.folder()) + "/%");
            }
            under.append(')');
        }
        String like = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        for (int i = 0; i < 4; i++) {
            args.add(like);
        }
        args.add(limit);
        List<Shared> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids = ids(c, "SELECT id FROM item WHERE " + PLAYABLE + " AND (" + under + ") AND ("
                    + "LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(file_name) LIKE ? ESCAPE '\\' OR "
                    + "LOWER(artist) LIKE ? ESCAPE '\\' OR LOWER(album) LIKE ? ESCAPE '\\') "
                    + "ORDER BY LOWER(title), id LIMIT ?", args.toArray());
            for (CatalogueItem item : catalogue.findAll(ids.stream().mapToLong(Long::longValue).toArray())) {
                shared(item).ifPresent(found::add);
            }
        }
        return found;
    }

    private Optional<Shared> shared(CatalogueItem item) {
        return shares.covering(item.root(), item.folder()).map(share -> new Shared(item, share));
    }

    private static void checkPaging(int offset, int limit) {
        if (offset < 0 || limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 0.." + MAX_LIMIT + ", not offset "
                    + offset + " and limit " + limit);
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<Long> ids(Connection c, String sql, Object... args) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }

    /** {@code text} with LIKE's wildcards and escape character taken literally (with {@code ESCAPE '\'}). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A page of a folder: its entries and how many the folder has in all. */
    public record Page(List<Entry> entries, long total) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /** A folder or an item of the shared tree. */
    public sealed interface Entry {
        record Folder(FolderId id, String name) implements Entry {
        }

        record Item(Shared shared) implements Entry {
        }
    }
}
