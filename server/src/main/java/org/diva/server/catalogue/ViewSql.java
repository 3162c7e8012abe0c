package org.diva.server.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.diva.upnp.library.Criteria;
import org.diva.upnp.library.FolderScope;
import org.diva.upnp.library.ItemClasses;
import org.diva.upnp.library.ItemFilter;
import org.diva.upnp.library.MediaKind;
import org.diva.upnp.library.SearchProperty;
import org.diva.upnp.library.SortKey;

/**
 * Turns the UPnP face's filters, criteria and orderings into SQL over the {@code item} table, following the
 * SQL each of them documents (see {@link ItemFilter}, {@link Criteria}, {@link org.diva.upnp.library.SortField}).
 */
final class ViewSql {
    /** What "a date a person would file it under" is: taken, else the tagged year, else modified (UTC). */
    static final String DATE = "COALESCE(date_taken, CASE WHEN release_year BETWEEN 1 AND 9999 THEN "
            + "DATEADD(YEAR, release_year - 1970, TIMESTAMP '1970-01-01 00:00:00') END, "
            + "DATEADD(MILLISECOND, modified, TIMESTAMP '1970-01-01 00:00:00'))";
    static final String PHOTO_MONTH = "COALESCE(FORMATDATETIME(date_taken, 'yyyy-MM'), '')";

    private final Map<String, Path> rootsByKey;

    ViewSql(Map<String, Path> rootsByKey) {
        this.rootsByKey = Map.copyOf(rootsByKey);
    }

    /** Playable items the filter selects. */
    SqlWhere filter(ItemFilter filter) {
        SqlWhere where = new SqlWhere().and("status = 'OK'");
        filter.kind().ifPresent(k -> where.and("kind = ?", k.name()));
        filter.folder().ifPresent(scope -> where.and(folder(scope)));
        filter.artist().ifPresent(v -> where.and("COALESCE(artist, '') = ?", v));
        filter.album().ifPresent(v -> where.and("COALESCE(album, '') = ?", v));
        filter.genre().ifPresent(v -> where.and("COALESCE(genre, '') = ?", v));
        filter.photoMonth().ifPresent(v -> where.and(PHOTO_MONTH + " = ?", v));
        if (filter.latest().isPresent()) {
            SqlWhere others = filter(new ItemFilter(filter.kind(), filter.folder(), filter.artist(), filter.album(),
                    filter.genre(), filter.photoMonth(), OptionalInt.empty()));
            List<Object> args = new ArrayList<>(others.args());
            args.add(filter.latest().getAsInt());
            where.and("id IN (SELECT id FROM item WHERE " + others.sql()
                    + " ORDER BY added DESC, id DESC LIMIT ?)", args.toArray());
        }
        return where;
    }

    SqlWhere folder(FolderScope scope) {
        Path root = rootsByKey.get(scope.rootKey());
        if (root == null) {
            return new SqlWhere().and("FALSE");
        }
        SqlWhere where = new SqlWhere().and("root = ?", root.toString());
        if (!scope.recursive()) {
            return where.and("folder = ?", scope.path());
        }
        if (scope.path().isEmpty()) {
            return where;
        }
        return where.and("folder = ? OR folder LIKE ? ESCAPE '\\'", scope.path(),
                likeBelow(scope.path()));
    }

    /** LIKE pattern for every folder below {@code path}, with the path's own % _ \ taken literally. */
    static String likeBelow(String path) {
        return SqlWhere.escapeLike(path) + "/%";
    }

    SqlWhere criteria(Criteria criteria) {
        if (criteria instanceof Criteria.And and) {
            return join(and.terms(), " AND ", "TRUE");
        }
        if (criteria instanceof Criteria.Or or) {
            return join(or.terms(), " OR ", "FALSE");
        }
        return compare((Criteria.Compare) criteria);
    }

    private SqlWhere join(List<Criteria> terms, String operator, String empty) {
        if (terms.isEmpty()) {
            return new SqlWhere().and(empty);
        }
        StringJoiner sql = new StringJoiner(operator);
        List<Object> args = new ArrayList<>();
        for (Criteria term : terms) {
            SqlWhere part = criteria(term);
            sql.add("(" + part.sql() + ")");
            args.addAll(part.args());
        }
        return new SqlWhere().and(sql.toString(), args.toArray());
    }

    private static SqlWhere compare(Criteria.Compare compare) {
        if (compare.property() == SearchProperty.CLASS) {
            Set<MediaKind> kinds = ItemClasses.kindsMatching(compare);
            if (kinds.isEmpty()) {
                return new SqlWhere().and("FALSE");
            }
            StringJoiner in = new StringJoiner(", ", "kind IN (", ")");
            kinds.forEach(k -> in.add("'" + k.name() + "'"));
            return new SqlWhere().and(in.toString());
        }
        String column = switch (compare.property()) {
            case TITLE -> "title";
            case ARTIST -> "artist";
            case ALBUM -> "album";
            case GENRE -> "genre";
            case CLASS -> throw new AssertionError();
        };
        String value = compare.value().toLowerCase(Locale.ROOT);
        String lower = "LOWER(" + column + ")";
        return switch (compare.operator()) {
            case EQUALS -> new SqlWhere().and(lower + " = ?", value);
            case NOT_EQUALS -> new SqlWhere().and(lower + " <> ?", value);
            case CONTAINS -> new SqlWhere().and(lower + " LIKE ? ESCAPE '\\'",
                    "%" + SqlWhere.literalLike(value) + "%");
            case DOES_NOT_CONTAIN -> new SqlWhere().and(lower + " NOT LIKE ? ESCAPE '\\'",
                    "%" + SqlWhere.literalLike(value) + "%");
            case STARTS_WITH -> new SqlWhere().and(lower + " LIKE ? ESCAPE '\\'", SqlWhere.literalLike(value) + "%");
            case EXISTS -> new SqlWhere().and(column + (value.equals("true") ? " IS NOT NULL" : " IS NULL"));
            case DERIVED_FROM -> throw new IllegalArgumentException("derivedfrom on " + column);
        };
    }

    /** ORDER BY for the keys, then the id. */
    static String orderBy(List<SortKey> keys) {
        StringJoiner order = new StringJoiner(", ");
        for (SortKey key : keys) {
            String expression = switch (key.field()) {
                case TITLE -> "LOWER(title)";
                case DATE -> DATE;
                case ARTIST -> "LOWER(artist)";
                case ALBUM -> "LOWER(album)";
                case GENRE -> "LOWER(genre)";
                // discs in order, then tracks: track 1 of disc 2 comes after the last track of disc 1
                case TRACK_NUMBER -> "CASE WHEN track_number IS NOT NULL THEN COALESCE(disc_number, 1) * 10000 "
                        + "+ track_number END";
                case ADDED -> "added";
                case FILE_NAME -> "LOWER(file_name)";
            };
            order.add(expression + (key.descending() ? " DESC" : " ASC") + " NULLS LAST");
        }
        order.add("id");
        return order.toString();
    }
}
