package org.diva.upnp.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link LibraryView} over a list in memory, with the semantics the interface documents for SQL: it is what the
 * ContentDirectory tests run against, and {@link FakeLibraryViewTest} holds it to the shared contract.
 */
public final class FakeLibraryView implements LibraryView {
    private final List<MediaRoot> roots;
    private final List<MediaItem> items;
    private final AtomicLong updateId = new AtomicLong(1);
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong largestLimit = new AtomicLong();

    public FakeLibraryView(List<MediaRoot> roots, List<MediaItem> items) {
        this.roots = List.copyOf(roots);
        this.items = List.copyOf(items);
    }

    /** How many item and value queries were answered, so tests can tell how much one Browse costs. */
    public long queries() {
        return queries.get();
    }

    /** The largest page any query asked for, so tests can tell nothing loads the whole library. */
    public long largestLimit() {
        return largestLimit.get();
    }

    public void bumpUpdateId() {
        updateId.incrementAndGet();
    }

    @Override
    public Optional<MediaItem> item(long id) {
        return items.stream().filter(i -> i.id() == id).findFirst();
    }

    @Override
    public Page<MediaItem> items(ItemQuery query) {
        queries.incrementAndGet();
        largestLimit.accumulateAndGet(query.limit(), Math::max);
        List<MediaItem> selected = select(query.filter());
        List<MediaItem> matching = new ArrayList<>(selected.stream()
                .filter(i -> query.criteria().map(c -> Matching.matches(c, i)).orElse(true)).toList());
        matching.sort(Matching.order(query.sort()));
        return page(matching, query.offset(), query.limit());
    }

    @Override
    public Page<ValueCount> values(ValueQuery query) {
        queries.incrementAndGet();
        largestLimit.accumulateAndGet(query.limit(), Math::max);
        Function<MediaItem, Optional<String>> key = keyOf(query);
        Map<String, Long> counts = new TreeMap<>();
        ItemFilter filter = query.filter();
        if (query.facet() == Facet.SUBFOLDER) {
            FolderScope parent = filter.folder().orElseThrow();
            filter = filter.withFolder(new FolderScope(parent.rootKey(), parent.path(), true));
        }
        for (MediaItem item : select(filter)) {
            key.apply(item).ifPresent(v -> counts.merge(v, 1L, Long::sum));
        }
        Comparator<String> order = Comparator.comparing((String v) -> v.toLowerCase(Locale.ROOT))
                .thenComparing(Comparator.naturalOrder());
        List<ValueCount> values = counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(query.descending() ? order.reversed() : order))
                .map(e -> new ValueCount(e.getKey(), e.getValue()))
                .collect(Collectors.toList());
        return page(values, query.offset(), query.limit());
    }

    @Override
    public List<MediaRoot> roots() {
        return roots;
    }

    @Override
    public long updateId() {
        return updateId.get();
    }

    private List<MediaItem> select(ItemFilter filter) {
        ItemFilter withoutLatest = new ItemFilter(filter.kind(), filter.folder(), filter.artist(), filter.album(),
                filter.genre(), filter.photoMonth(), OptionalInt.empty());
        List<MediaItem> selected = items.stream().filter(i -> Matching.matches(withoutLatest, i)).toList();
        if (filter.latest().isPresent()) {
            selected = selected.stream()
                    .sorted(Comparator.comparing(MediaItem::added).thenComparingLong(MediaItem::id).reversed())
                    .limit(filter.latest().getAsInt())
                    .toList();
        }
        return selected;
    }

    private static Function<MediaItem, Optional<String>> keyOf(ValueQuery query) {
        return switch (query.facet()) {
            case ARTIST -> i -> Optional.of(i.tags().artist().orElse(""));
            case ALBUM -> i -> Optional.of(i.tags().album().orElse(""));
            case GENRE -> i -> Optional.of(i.tags().genre().orElse(""));
            case PHOTO_MONTH -> i -> Optional.of(i.photoMonth());
            case SUBFOLDER -> {
                String parent = query.filter().folder().orElseThrow().path();
                yield i -> subfolder(parent, i.file().folder());
            }
        };
    }

    private static Optional<String> subfolder(String parent, String folder) {
        String rest;
        if (parent.isEmpty()) {
            rest = folder;
        } else if (folder.startsWith(parent + "/")) {
            rest = folder.substring(parent.length() + 1);
        } else {
            return Optional.empty();
        }
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        int slash = rest.indexOf('/');
        return Optional.of(slash < 0 ? rest : rest.substring(0, slash));
    }

    private static <T> Page<T> page(List<T> all, long offset, int limit) {
        int from = (int) Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(all.subList(from, to), all.size());
    }
}
