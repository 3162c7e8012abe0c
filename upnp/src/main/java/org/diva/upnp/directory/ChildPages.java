package org.diva.upnp.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.diva.upnp.didl.DidlContainer;
import org.diva.upnp.didl.DidlObject;
import org.diva.upnp.library.Facet;
import org.diva.upnp.library.FolderScope;
import org.diva.upnp.library.ItemFilter;
import org.diva.upnp.library.ItemQuery;
import org.diva.upnp.library.LibraryView;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.MediaRoot;
import org.diva.upnp.library.Page;
import org.diva.upnp.library.SortField;
import org.diva.upnp.library.SortKey;
import org.diva.upnp.library.ValueCount;
import org.diva.upnp.library.ValueQuery;

/**
 * Pages through a container's children by asking the view for exactly the slice requested, and counts children
 * for {@code childCount}. Nothing here loads more than one page: the view counts and pages in its store.
 */
final class ChildPages {
    private static final List<SortKey> BY_TITLE = List.of(SortKey.ascending(SortField.TITLE));

    private final LibraryView view;
    private final Containers containers;
    private final NeighbourhoodTree neighbourhood;

    ChildPages(LibraryView view, Containers containers, NeighbourhoodTree neighbourhood) {
        this.view = view;
        this.containers = containers;
        this.neighbourhood = neighbourhood;
    }

    /** Children {@code offset} to {@code offset + limit} (fewer at the end), and how many there are in all. */
    Page<DidlObject> page(Container parent, long offset, int limit, List<SortKey> sort, Rendering rendering) {
        Listing listing = parent.listing();
        if (listing instanceof Listing.Fixed fixed) {
            return slice(fixed.children(), offset, limit, c -> describe(c, OptionalLong.empty(), rendering));
        }
        if (listing instanceof Listing.Items items) {
            Page<MediaItem> page = view.items(new ItemQuery(items.filter(), Optional.empty(),
                    sort.isEmpty() ? items.defaultSort() : sort, offset, limit));
            return new Page<>(items(page.items(), parent, rendering), page.total());
        }
        if (listing instanceof Listing.Values values) {
            Page<ValueCount> page = view.values(new ValueQuery(values.facet(), values.filter(),
                    titleDescending(sort, values.descending()), offset, limit));
            List<DidlObject> children = new ArrayList<>();
            for (ValueCount value : page.items()) {
                OptionalLong known = values.countIsChildCount() ? OptionalLong.of(value.count()) : OptionalLong.empty();
                children.add(describe(values.child().apply(value.value()), known, rendering));
            }
            return new Page<>(children, page.total());
        }
        if (listing instanceof Listing.Roots roots) {
            return slice(roots(roots.tree()), offset, limit,
                    r -> describe(containers.folder(roots.tree(), r, ""), OptionalLong.empty(), rendering));
        }
        if (listing instanceof Listing.Remote remote) {
            return neighbourhood.page(parent, remote, offset, limit, rendering);
        }
        return folder(parent, (Listing.Folder) listing, offset, limit, sort, rendering);
    }

    /** How many children a container has. */
    long childCount(Container container) {
        Listing listing = container.listing();
        if (listing instanceof Listing.Fixed fixed) {
            return fixed.children().size();
        }
        if (listing instanceof Listing.Items items) {
            return view.items(ItemQuery.count(items.filter())).total();
        }
        if (listing instanceof Listing.Values values) {
            return view.values(ValueQuery.count(values.facet(), values.filter())).total();
        }
        if (listing instanceof Listing.Roots roots) {
            return roots(roots.tree()).size();
        }
        ItemFilter direct = Containers.directlyIn((Listing.Folder) listing);
        return view.values(ValueQuery.count(Facet.SUBFOLDER, direct)).total()
                + view.items(ItemQuery.count(direct)).total();
    }

    DidlContainer describe(Container container, OptionalLong knownChildCount, Rendering rendering) {
        if (container.listing() instanceof Listing.Remote) { // counting would ask a neighbour; Search stays local
            return new DidlContainer(container.id(), container.parentId(), container.title(), container.upnpClass(),
                    OptionalLong.empty(), false);
        }
        OptionalLong childCount = OptionalLong.empty();
        if (rendering.wantsChildCount()) {
            childCount = knownChildCount.isPresent() ? knownChildCount : OptionalLong.of(childCount(container));
        }
        return new DidlContainer(container.id(), container.parentId(), container.title(), container.upnpClass(),
                childCount, true);
    }

    /** Subfolders first (by name), then the folder's own items; each part is one query for its slice. */
    private Page<DidlObject> folder(Container parent, Listing.Folder folder, long offset, int limit,
                                    List<SortKey> sort, Rendering rendering) {
        ItemFilter direct = Containers.directlyIn(folder);
        Page<ValueCount> subfolders = view.values(new ValueQuery(Facet.SUBFOLDER, direct,
                titleDescending(sort, false), offset, limit));
        List<DidlObject> children = new ArrayList<>();
        for (ValueCount subfolder : subfolders.items()) {
            String path = folder.path().isEmpty() ? subfolder.value() : folder.path() + "/" + subfolder.value();
            children.add(describe(containers.folder(folder.tree(), folder.root(), path), OptionalLong.empty(),
                    rendering));
        }
        long itemOffset = Math.max(0, offset - subfolders.total());
        Page<MediaItem> items = view.items(new ItemQuery(direct, Optional.empty(), sort.isEmpty() ? BY_TITLE : sort,
                itemOffset, limit - children.size()));
        children.addAll(items(items.items(), parent, rendering));
        return new Page<>(children, subfolders.total() + items.total());
    }

    /** The media roots a folder tree shows: all of them, or those holding items of its kind. */
    private List<MediaRoot> roots(FolderTree tree) {
        if (tree.kind().isEmpty()) {
            return view.roots();
        }
        ItemFilter kind = Containers.kinds(tree);
        return view.roots().stream()
                .filter(r -> view.items(ItemQuery.count(kind.withFolder(new FolderScope(r.key(), "", true))))
                        .total() > 0)
                .toList();
    }

    private static List<DidlObject> items(List<MediaItem> items, Container parent, Rendering rendering) {
        List<DidlObject> objects = new ArrayList<>(items.size());
        for (MediaItem item : items) {
            objects.add(ItemMapper.toDidl(item, parent.id(), rendering.baseUrl(), rendering.offers()));
        }
        return objects;
    }

    /** Values and folder names sort by name: descending only when the client's first key asks so for titles. */
    private static boolean titleDescending(List<SortKey> sort, boolean otherwise) {
        return sort.stream().findFirst().filter(k -> k.field() == SortField.TITLE).map(SortKey::descending)
                .orElse(otherwise);
    }

    private static <T> Page<DidlObject> slice(List<T> all, long offset, int limit,
                                              Function<T, DidlObject> describe) {
        int from = (int) Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(all.subList(from, to).stream().map(describe).toList(), all.size());
    }
}
