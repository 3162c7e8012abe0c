package org.diva.upnp.directory;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.content.SearchRequest;
import org.diva.upnp.didl.DidlObject;
import org.diva.upnp.didl.DidlWriter;
import org.diva.upnp.didl.PropertyFilter;
import org.diva.upnp.library.Criteria;
import org.diva.upnp.library.ItemQuery;
import org.diva.upnp.library.LibraryView;
import org.diva.upnp.library.MediaItem;
import org.diva.upnp.library.NeighbourhoodView;
import org.diva.upnp.library.Page;
import org.diva.upnp.library.SortField;
import org.diva.upnp.library.SortKey;
import org.diva.upnp.library.StreamOffers;
import org.diva.upnp.search.InvalidCriteriaException;
import org.diva.upnp.search.SearchCriteriaParser;
import org.diva.upnp.search.SortCriteriaParser;

/**
 * The ContentDirectory a household's TVs browse: {@link Containers} describes the tree, {@link ContainerTree}
 * resolves object ids, {@link ChildPages} pages children through the {@link LibraryView}, and DIDL-Lite is
 * written once per answer. It keeps no state of its own, so any number of client threads may call it.
 *
 * <p>An item appears in several containers (an album, a genre, a folder) under the same id {@code item/{id}};
 * browsing a container gives its items that container as parent, and an item reached by BrowseMetadata or Search
 * gets its folder as parent. Update ids are the library's {@link LibraryView#updateId()} for every object: any
 * change anywhere advances every container's update id, which tells clients to refresh no later than they must.
 */
public final class LibraryContentDirectory implements ContentDirectory {
    private static final List<SortKey> SEARCH_ORDER = List.of(SortKey.ascending(SortField.TITLE));

    private final LibraryView view;
    private final DirectoryOptions options;
    private final StreamOffers offers;
    private final ContainerTree tree;
    private final ChildPages pages;
    private final NeighbourhoodTree neighbours;

    /** A directory that offers every file as it is. */
    public LibraryContentDirectory(LibraryView view, DirectoryOptions options) {
        this(view, options, StreamOffers.ORIGINAL_ONLY);
    }

    /** @param offers the converted streams to list, per client, before each file */
    public LibraryContentDirectory(LibraryView view, DirectoryOptions options, StreamOffers offers) {
        this(view, options, offers, NeighbourhoodView.NONE);
    }

    /** @param neighbourhood the neighbours' shared folders, shown as "Neighbourhood" under the root in a pool */
    public LibraryContentDirectory(LibraryView view, DirectoryOptions options, StreamOffers offers,
                                   NeighbourhoodView neighbourhood) {
        this.view = view;
        this.options = options;
        this.offers = offers;
        this.neighbours = new NeighbourhoodTree(neighbourhood);
        Containers containers = new Containers(options, neighbours);
        this.tree = new ContainerTree(view, containers, neighbours);
        this.pages = new ChildPages(view, containers, neighbours);
    }

    @Override
    public BrowseResult browse(BrowseRequest request) throws ContentDirectoryException {
        int limit = limit(request.startingIndex(), request.requestedCount());
        List<SortKey> sort = sort(request.sortCriteria());
        Rendering rendering = new Rendering(PropertyFilter.parse(request.filter()), request.client().baseUrl(),
                offers.forClient(request.client()), request.client());
        long updateId = view.updateId();
        OptionalLong itemId = ObjectIds.itemId(request.objectId());
        if (itemId.isPresent()) {
            MediaItem item = view.item(itemId.getAsLong()).orElseThrow(() -> noSuchObject(request.objectId()));
            if (!request.metadata()) {
                return result(List.of(), 0, rendering, updateId);
            }
            return result(List.of(ItemMapper.toDidl(item, folderOf(item), rendering.baseUrl(), rendering.offers())),
                    1, rendering, updateId);
        }
        Optional<DidlObject> remote = neighbours.item(request.objectId(), rendering);
        if (remote.isPresent()) {
            return request.metadata() ? result(List.of(remote.get()), 1, rendering, updateId)
                    : result(List.of(), 0, rendering, updateId);
        }
        Container container = tree.container(request.objectId()).orElseThrow(() -> noSuchObject(request.objectId()));
        if (request.metadata()) {
            return result(List.of(pages.describe(container, OptionalLong.empty(), rendering)), 1, rendering,
                    updateId);
        }
        Page<DidlObject> page = pages.page(container, request.startingIndex(), limit, sort, rendering);
        return result(page.items(), page.total(), rendering, updateId);
    }

    @Override
    public BrowseResult search(SearchRequest request) throws ContentDirectoryException {
        int limit = limit(request.startingIndex(), request.requestedCount());
        List<SortKey> sort = sort(request.sortCriteria());
        Optional<Criteria> criteria;
        try {
            criteria = SearchCriteriaParser.parse(request.criteria());
        } catch (InvalidCriteriaException e) {
            throw new ContentDirectoryException(ContentDirectoryException.UNSUPPORTED_SEARCH_CRITERIA,
                    "SearchCriteria: " + e.getMessage());
        }
        Rendering rendering = new Rendering(PropertyFilter.parse(request.filter()), request.client().baseUrl(),
                offers.forClient(request.client()), request.client());
        long updateId = view.updateId();
        // Search looks at this household's library only: the neighbours' folders are browsed, not searched here
        Optional<Container> container = ObjectIds.itemId(request.containerId()).isPresent()
                || NeighbourhoodTree.claims(request.containerId()) ? Optional.empty()
                : tree.container(request.containerId());
        if (container.isEmpty()) {
            throw new ContentDirectoryException(ContentDirectoryException.NO_SUCH_CONTAINER,
                    "no container '" + request.containerId() + "'");
        }
        Page<MediaItem> found = view.items(new ItemQuery(container.get().scope(), criteria,
                sort.isEmpty() ? SEARCH_ORDER : sort, request.startingIndex(), limit));
        List<DidlObject> items = found.items().stream()
                .map(item -> (DidlObject) ItemMapper.toDidl(item, folderOf(item), rendering.baseUrl(),
                        rendering.offers()))
                .toList();
        return result(items, found.total(), rendering, updateId);
    }

    @Override
    public String searchCapabilities() {
        return SearchCriteriaParser.capabilities();
    }

    @Override
    public String sortCapabilities() {
        return SortCriteriaParser.capabilities();
    }

    @Override
    public long systemUpdateId() {
        return view.updateId();
    }

    /** The page size to ask for: what the client requested, at most {@code maxResults}, which 0 also means. */
    private int limit(long startingIndex, long requestedCount) throws ContentDirectoryException {
        if (startingIndex < 0 || requestedCount < 0) {
            throw new ContentDirectoryException(ContentDirectoryException.INVALID_ARGS,
                    "StartingIndex and RequestedCount must not be negative (were " + startingIndex + ", "
                            + requestedCount + ")");
        }
        return requestedCount == 0 ? options.maxResults() : (int) Math.min(requestedCount, options.maxResults());
    }

    private static List<SortKey> sort(String sortCriteria) throws ContentDirectoryException {
        try {
            return SortCriteriaParser.parse(sortCriteria);
        } catch (InvalidCriteriaException e) {
            throw new ContentDirectoryException(ContentDirectoryException.UNSUPPORTED_SORT_CRITERIA,
                    "SortCriteria: " + e.getMessage());
        }
    }

    /** An item's own place in the tree: its folder, as the Folders view shows it. */
    static String folderOf(MediaItem item) {
        return ObjectIds.folder(FolderTree.ALL.prefix(), item.file().root().key(), item.file().folder());
    }

    private static BrowseResult result(List<? extends DidlObject> objects, long total, Rendering rendering,
                                       long updateId) {
        return new BrowseResult(DidlWriter.write(objects, rendering.filter()), objects.size(), total, updateId);
    }

    private static ContentDirectoryException noSuchObject(String id) {
        return new ContentDirectoryException(ContentDirectoryException.NO_SUCH_OBJECT, "no object '" + id + "'");
    }
}
