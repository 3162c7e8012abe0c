package org.diva.upnp.library;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The documented semantics of filters, criteria and sort keys, evaluated on one item in memory. */
final class Matching {
    private Matching() {
    }

    static boolean matches(ItemFilter filter, MediaItem item) {
        return filter.kind().map(k -> k == item.kind()).orElse(true)
                && filter.folder().map(f -> f.contains(item.file().root().key(), item.file().folder())).orElse(true)
                && filter.artist().map(a -> a.equals(item.tags().artist().orElse(""))).orElse(true)
                && filter.album().map(a -> a.equals(item.tags().album().orElse(""))).orElse(true)
                && filter.genre().map(g -> g.equals(item.tags().genre().orElse(""))).orElse(true)
                && filter.photoMonth().map(m -> m.equals(item.photoMonth())).orElse(true);
    }

    static boolean matches(Criteria criteria, MediaItem item) {
        if (criteria instanceof Criteria.And and) {
            return and.terms().stream().allMatch(t -> matches(t, item));
        }
        if (criteria instanceof Criteria.Or or) {
            return or.terms().stream().anyMatch(t -> matches(t, item));
        }
        return compare((Criteria.Compare) criteria, item);
    }

    private static boolean compare(Criteria.Compare compare, MediaItem item) {
        if (compare.property() == SearchProperty.CLASS) {
            return ItemClasses.kindsMatching(compare).contains(item.kind());
        }
        Optional<String> actual = switch (compare.property()) {
            case TITLE -> Optional.of(item.title());
            case ARTIST -> item.tags().artist();
            case ALBUM -> item.tags().album();
            case GENRE -> item.tags().genre();
            case CLASS -> throw new AssertionError();
        };
        if (compare.operator() == SearchOperator.EXISTS) {
            return actual.isPresent() == compare.value().equals("true");
        }
        if (actual.isEmpty()) {
            return false;
        }
        String a = actual.get().toLowerCase(Locale.ROOT);
        String v = compare.value().toLowerCase(Locale.ROOT);
        return switch (compare.operator()) {
            case EQUALS -> a.equals(v);
            case NOT_EQUALS -> !a.equals(v);
            case CONTAINS -> a.contains(v);
            case DOES_NOT_CONTAIN -> !a.contains(v);
            case STARTS_WITH -> a.startsWith(v);
            case DERIVED_FROM, EXISTS -> throw new AssertionError();
        };
    }

    static Comparator<MediaItem> order(List<SortKey> keys) {
        Comparator<MediaItem> order = (a, b) -> 0;
        for (SortKey key : keys) {
            order = order.thenComparing(byKey(key));
        }
        return order.thenComparingLong(MediaItem::id);
    }

    private static Comparator<MediaItem> byKey(SortKey key) {
        return switch (key.field()) {
            case TITLE -> nullsLast(i -> Optional.of(i.title()), text(), key.descending());
            case DATE -> nullsLast(i -> Optional.of(i.date()), Comparator.<LocalDateTime>naturalOrder(),
                    key.descending());
            case ARTIST -> nullsLast(i -> i.tags().artist(), text(), key.descending());
            case ALBUM -> nullsLast(i -> i.tags().album(), text(), key.descending());
            case GENRE -> nullsLast(i -> i.tags().genre(), text(), key.descending());
            case TRACK_NUMBER -> nullsLast(i -> i.tags().trackNumber().isPresent()
                    ? Optional.of(i.tags().trackNumber().getAsInt()) : Optional.empty(),
                    Comparator.<Integer>naturalOrder(), key.descending());
            case ADDED -> nullsLast(i -> Optional.of(i.added()), Comparator.<Instant>naturalOrder(),
                    key.descending());
            case FILE_NAME -> nullsLast(i -> Optional.of(i.file().fileName()), text(), key.descending());
        };
    }

    private static Comparator<String> text() {
        return Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT));
    }

    /** Absent values last whichever the direction, as SQL's NULLS LAST. */
    private static <T> Comparator<MediaItem> nullsLast(Function<MediaItem, Optional<T>> value, Comparator<T> order,
                                                       boolean descending) {
        Comparator<T> directed = descending ? order.reversed() : order;
        return (a, b) -> {
            Optional<T> x = value.apply(a);
            Optional<T> y = value.apply(b);
            if (x.isEmpty() || y.isEmpty()) {
                return Boolean.compare(x.isEmpty(), y.isEmpty());
            }
            return directed.compare(x.get(), y.get());
        };
    }
}
