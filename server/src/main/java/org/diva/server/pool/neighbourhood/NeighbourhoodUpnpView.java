package org.diva.server.pool.neighbourhood;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.diva.server.catalogue.ViewItems;
import org.diva.server.pool.Neighbours.Neighbour;
import org.diva.server.pool.sharing.FolderId;
import org.diva.server.pool.sharing.SharedItems;
import org.diva.transcode.probe.MediaInfo;
import org.diva.upnp.content.ClientContext;
import org.diva.upnp.library.ConvertedStream;
import org.diva.upnp.library.MediaRoot;
import org.diva.upnp.library.NeighbourhoodView;
import org.diva.upnp.library.Page;

/**
 * The neighbourhood catalogue as the TV's "Neighbourhood" container reads it. Ids are the pool API's:
 * {@code h-...} for households and folders, {@code n-...} for items. Whatever goes wrong with a neighbour (gone,
 * silent past the deadline, nonsense, an id that does not parse) is an empty answer here, so one neighbour never
 * breaks a TV's browse.
 */
public final class NeighbourhoodUpnpView implements NeighbourhoodView {
    /** Items listed to TVs lately whose media information is kept for their offers (a page is at most a few hundred). */
    static final int REMEMBERED_ITEMS = 2000;

    /** What a client is offered converted for a title served elsewhere (the play decision on its media). */
    @FunctionalInterface
    public interface Offers {
        Offers NONE = (media, client, itemPath) -> List.of();

        List<ConvertedStream> converted(MediaInfo media, ClientContext client, String itemPath);
    }

    private final NeighbourhoodCatalogue catalogue;
    private final BooleanSupplier inPool;
    private final Offers offers;
    private final Map<String, MediaInfo> media = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, MediaInfo> eldest) {
                    return size() > REMEMBERED_ITEMS;
                }
            });

    /** @param inPool whether this server is in a pool now (the container is shown only then) */
    public NeighbourhoodUpnpView(NeighbourhoodCatalogue catalogue, BooleanSupplier inPool) {
        this(catalogue, inPool, Offers.NONE);
    }

    /** @param offers the converted streams each TV is offered before a neighbour's file */
    public NeighbourhoodUpnpView(NeighbourhoodCatalogue catalogue, BooleanSupplier inPool, Offers offers) {
        this.catalogue = catalogue;
        this.inPool = inPool;
        this.offers = offers;
    }

    @Override
    public List<ConvertedStream> converted(Entry.Item item, ClientContext client) {
        MediaInfo info = media.get(item.id());
        return info == null ? List.of() : offers.converted(info, client, "/media/" + item.id());
    }

    @Override
    public boolean enabled() {
        return inPool.getAsBoolean();
    }

    @Override
    public Optional<Page<Entry>> children(String folderId, long offset, int limit) {
        if (folderId.isEmpty()) {
            List<Neighbour> households = catalogue.households();
            List<Entry> entries = new ArrayList<>();
            for (long i = offset; i < households.size() && entries.size() < limit; i++) {
                Neighbour n = households.get((int) i);
                entries.add(new Entry.Folder(household(n), n.name(), ""));
            }
            return Optional.of(new Page<>(entries, households.size()));
        }
        Optional<NeighbourFolderId> folder = parse(folderId);
        if (folder.isEmpty() || offset > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        try {
            return catalogue.browse(folder.get(), (int) offset, limit).map(page -> {
                List<Entry> entries = new ArrayList<>();
                for (NeighbourhoodCatalogue.Entry entry : page.entries()) {
                    if (entry instanceof NeighbourhoodCatalogue.Entry.Folder f) {
                        entries.add(new Entry.Folder(f.id().toString(), f.name(), folderId));
                    } else {
                        entries.add(remembered(((NeighbourhoodCatalogue.Entry.Item) entry).item()));
                    }
                }
                return new Page<>(entries, Math.max(page.total(), entries.size()));
            });
        } catch (NeighbourUnavailableException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Entry.Folder> folder(String folderId) {
        Optional<NeighbourFolderId> parsed = parse(folderId);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        NeighbourFolderId id = parsed.get();
        Optional<Neighbour> household = catalogue.household(id.household());
        if (household.isEmpty()) {
            return Optional.empty();
        }
        String householdId = household(household.get());
        if (id.folder().isEmpty()) {
            return Optional.of(new Entry.Folder(householdId, household.get().name(), ""));
        }
        FolderId folder = id.folder().get();
        if (!folder.below().isEmpty()) {
            int slash = folder.below().lastIndexOf('/');
            String parent = slash < 0 ? folder.shareKey() : folder.shareKey() + "/" + folder.below().substring(0, slash);
            return Optional.of(new Entry.Folder(folderId, folder.below().substring(slash + 1),
                    householdId + "/" + parent));
        }
        // a share is named by its holder only: ask for the household's shares
        return children(householdId, 0, SharedItems.MAX_LIMIT)
                .flatMap(shares -> shares.items().stream()
                        .filter(e -> e instanceof Entry.Folder f && f.id().equals(id.toString()))
                        .map(e -> (Entry.Folder) e).findFirst());
    }

    @Override
    public Optional<Entry.Item> item(String itemId) {
        try {
            return catalogue.item(NeighbourItemId.parse(itemId)).map(this::remembered);
        } catch (IllegalArgumentException | NeighbourUnavailableException e) {
            return Optional.empty();
        }
    }

    /** The item for the TV, its media information kept for {@link #converted}. */
    private Entry.Item remembered(NeighbourItem item) {
        item.asCatalogueItem().info().ifPresent(info -> media.put(item.id().toString(), info));
        return item(item);
    }

    private static Entry.Item item(NeighbourItem item) {
        MediaRoot root = new MediaRoot(NeighbourFolderId.PREFIX, item.household());
        return new Entry.Item(item.id().toString(), item.folder().toString(),
                ViewItems.of(item.asCatalogueItem(), root));
    }

    private static String household(Neighbour n) {
        return new NeighbourFolderId(n.id(), Optional.empty()).toString();
    }

    private static Optional<NeighbourFolderId> parse(String folderId) {
        try {
            return Optional.of(NeighbourFolderId.parse(folderId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
