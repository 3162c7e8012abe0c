package org.diva.upnp.directory;

import java.util.List;
import java.util.function.Function;
import org.diva.upnp.library.Facet;
import org.diva.upnp.library.ItemFilter;
import org.diva.upnp.library.MediaRoot;
import org.diva.upnp.library.SortKey;

/** What a container's children are, and so how to page, sort and count them. */
sealed interface Listing {

    /** A fixed list of containers, such as the root's Video, Music, Photos and Folders. */
    record Fixed(List<Container> children) implements Listing {
        public Fixed {
            children = List.copyOf(children);
        }
    }

    /** The items a filter selects, in the client's order or else {@code defaultSort}. */
    record Items(ItemFilter filter, List<SortKey> defaultSort) implements Listing {
        public Items {
            defaultSort = List.copyOf(defaultSort);
        }
    }

    /**
     * One container per distinct value of a facet, e.g. one per artist.
     *
     * @param descending          the order when the client does not sort by title
     * @param countIsChildCount   whether a value's item count is also its container's child count (the child
     *                            lists exactly those items)
     */
    record Values(Facet facet, ItemFilter filter, boolean descending, boolean countIsChildCount,
                  Function<String, Container> child) implements Listing {
    }

    /** The media roots that hold items of the tree's kind. */
    record Roots(FolderTree tree) implements Listing {
    }

    /** A folder of the neighbours' shared tree ({@code ""}: the households), listed by asking them. */
    record Remote(String folderId) implements Listing {
    }

    /** A folder's subfolders (by name), then its own items. */
    record Folder(FolderTree tree, MediaRoot root, String path) implements Listing {
    }
}
