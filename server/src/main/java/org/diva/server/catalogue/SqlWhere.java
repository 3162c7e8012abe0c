package org.diva.server.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SQL condition built from parts, each with its own bound arguments, so no value is ever spliced into SQL text.
 * Parts are joined with AND; an empty condition is true.
 */
final class SqlWhere {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    /** Adds {@code condition} (with {@code ?} for each of {@code values}) to what must hold. */
    SqlWhere and(String condition, Object... values) {
        sql.append(sql.isEmpty() ? "" : " AND ").append('(').append(condition).append(')');
        args.addAll(List.of(values));
        return this;
    }

    /** Adds a condition built elsewhere. */
    SqlWhere and(SqlWhere other) {
        return other.sql.isEmpty() ? this : and(other.sql.toString(), other.args.toArray());
    }

    String sql() {
        return sql.isEmpty() ? "TRUE" : sql.toString();
    }

    List<Object> args() {
        return List.copyOf(args);
    }

    /** {@code text} as a LIKE pattern that matches it literally (with {@code ESCAPE '\'}), lower-cased. */
    static String literalLike(String text) {
        return escapeLike(text.toLowerCase(Locale.ROOT));
    }

    /** {@code text} with LIKE's wildcards and escape character taken literally (with {@code ESCAPE '\'}). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
