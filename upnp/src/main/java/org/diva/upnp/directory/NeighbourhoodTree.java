package org.diva.upnp.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.didl.DidlContainer;
import org.diva.upnp.didl.DidlObject;
import org.diva.upnp.library.ItemFilter;
import org.diva.upnp.library.NeighbourhoodView;
import org.diva.upnp.library.Page;

/**
 * The "Neighbourhood" branch of the tree: {@code neighbourhood} lists the households,
 * {@code neighbourhood/f/{folder id}} a household or one of its folders, {@code neighbourhood/i/{item id}} an item
 * (ids encoded as {@link ObjectIds} encodes names). Children come from the neighbours when a TV asks, one page at a
 * time; their containers carry no childCount, since counting would cost a request to a neighbour per container.
 */
final class NeighbourhoodTree {
    static final String PREFIX = "neighbourhood";
    static final String TITLE = "Neighbourhood";
    private static final String FOLDER = PREFIX + "/f/";
    private static final String ITEM = PREFIX + "/i/";

    private final NeighbourhoodView view;

    NeighbourhoodTree(NeighbourhoodView view) {
        this.view = view;
    }

    boolean enabled() {
        return view.enabled();
    }

    static boolean claims(String objectId) {
        return objectId.equals(PREFIX) || objectId.startsWith(PREFIX + "/");
    }

    Container top() {
        return new Container(PREFIX, ObjectIds.ROOT, TITLE, Container.FOLDER, new Listing.Remote(""),
                ItemFilter.all());
    }

    /** The container an id names; empty when it is not a Neighbourhood container or cannot be had now. */
    Optional<Container> container(String id) throws ContentDirectoryException {
        if (!enabled()) {
            return Optional.empty();
        }
        if (id.equals(PREFIX)) {
            return Optional.of(top());
        }
        if (!id.startsWith(FOLDER) || id.indexOf('/', FOLDER.length()) >= 0) {
            return Optional.empty();
        }
        String folderId = ObjectIds.decode(id.substring(FOLDER.length()));
        return view.folder(folderId).map(f -> new Container(id, containerId(f.parentId()), f.title(),
                Container.FOLDER, new Listing.Remote(folderId), ItemFilter.all()));
    }

    /** A neighbour's item as BrowseMetadata describes it, if the id names one. */
    Optional<DidlObject> item(String id, Rendering rendering) throws ContentDirectoryException {
        if (!enabled() || !id.startsWith(ITEM) || id.indexOf('/', ITEM.length()) >= 0) {
            return Optional.empty();
        }
        return view.item(ObjectIds.decode(id.substring(ITEM.length())))
                .map(i -> didl(i, containerId(i.parentId()), rendering));
    }

    /** A page of a Neighbourhood container; a neighbour that does not answer in time gives an empty page. */
    Page<DidlObject> page(Container parent, Listing.Remote remote, long offset, int limit, Rendering rendering) {
        Optional<Page<NeighbourhoodView.Entry>> page = view.children(remote.folderId(), offset, limit);
        if (page.isEmpty()) {
            return new Page<>(List.of(), 0);
        }
        List<DidlObject> children = new ArrayList<>();
        for (NeighbourhoodView.Entry entry : page.get().items()) {
            if (entry instanceof NeighbourhoodView.Entry.Folder folder) {
                children.add(new DidlContainer(containerId(folder.id()), parent.id(), folder.title(),
                        Container.FOLDER, OptionalLong.empty(), false));
            } else {
                NeighbourhoodView.Entry.Item item = (NeighbourhoodView.Entry.Item) entry;
                children.add(didl(item, parent.id(), rendering));
            }
        }
        return new Page<>(children, Math.max(page.get().total(), offset + children.size()));
    }

    /** A neighbour's item with what this client is offered converted first, then the file. */
    private DidlObject didl(NeighbourhoodView.Entry.Item item, String parentId, Rendering rendering) {
        return ItemMapper.toDidl(item.item(), ITEM + ObjectIds.encode(item.id()), parentId,
                rendering.baseUrl() + "/media/" + item.id(), view.converted(item, rendering.client()),
                rendering.baseUrl());
    }

    private static String containerId(String folderId) {
        return folderId.isEmpty() ? PREFIX : FOLDER + ObjectIds.encode(folderId);
    }
}
