package org.diva.server.pool.neighbourhood;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.Neighbours.Neighbour;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.sharing.FolderId;
import org.diva.server.pool.sharing.PeerEntryJson;
import org.diva.server.pool.sharing.PeerItemJson;
import org.diva.server.pool.sharing.PeerPageJson;

/**
 * The neighbours' shared catalogue, asked for on demand: nothing is crawled or kept. Search asks every online
 * neighbour at once and returns, by the deadline, what has arrived and who did not answer; browse asks the one
 * household a folder belongs to for one page. A neighbour that is down or slow costs a deadline, never a hang.
 */
public final class NeighbourhoodCatalogue {
    private final Neighbours neighbours;
    private final PeerClient peers;
    private final Duration deadline;

    /** @param deadline how long a search or browse waits for neighbours (about 2 s keeps a TV responsive) */
    public NeighbourhoodCatalogue(Neighbours neighbours, Duration deadline) {
        this.neighbours = neighbours;
        this.peers = new PeerClient(neighbours::client);
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be positive, not " + deadline);
        }
    }

    /** The households online now, as the top of the neighbourhood tree. */
    public List<Neighbour> households() {
        return neighbours.online().stream().filter(n -> !n.id().equals(neighbours.self())).toList();
    }

    public Optional<Neighbour> household(ServerId id) {
        return households().stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** A neighbour that did not answer in time, and why. */
    public record Missing(ServerId id, String name, String reason) {
    }

    /** What a search found by the deadline, and the neighbours that had not answered. */
    public record Found(List<NeighbourItem> items, List<Missing> missing) {
        public Found {
            items = List.copyOf(items);
            missing = List.copyOf(missing);
        }
    }

    /** Items whose title, file name, artist or album contains {@code text}, up to {@code limit} from each neighbour. */
    public Found search(String text, int limit) {
        List<Neighbour> asked = households();
        List<CompletableFuture<Optional<PeerPageJson>>> answers = new ArrayList<>();
        for (Neighbour neighbour : asked) {
            answers.add(peers.get(neighbour, "/peer/v1/items?query=" + PeerClient.encode(text) + "&limit=" + limit,
                    PeerPageJson.class, deadline));
        }
        // each answer completes by its own deadline, so waiting for all of them ends by then too
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        List<NeighbourItem> items = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Neighbour neighbour = asked.get(i);
            try {
                for (PeerEntryJson entry : answers.get(i).get().map(PeerPageJson::entries).orElse(List.of())) {
                    entry.item().ifPresent(item -> items.add(NeighbourItem.of(neighbour, item)));
                }
            } catch (ExecutionException | IllegalArgumentException e) {
                missing.add(new Missing(neighbour.id(), neighbour.name(), reason(neighbour, e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                missing.add(new Missing(neighbour.id(), neighbour.name(), "interrupted"));
            }
        }
        return new Found(items, missing);
    }

    /** One entry of a household's shared tree: a folder (with its id in the neighbourhood tree) or an item. */
    public sealed interface Entry {
        record Folder(NeighbourFolderId id, String name) implements Entry {
        }

        record Item(NeighbourItem item) implements Entry {
        }
    }

    /** A page of a neighbour's folder and how many entries the folder has. */
    public record Page(List<Entry> entries, long total) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One page of a household (its shares) or of one of its shared folders.
     *
     * @return empty when the household is not online or has no such folder
     * @throws NeighbourUnavailableException when it did not answer by the deadline, or answered nonsense
     */
    public Optional<Page> browse(NeighbourFolderId folder, int offset, int limit) throws NeighbourUnavailableException {
        Optional<Neighbour> holder = household(folder.household());
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        String query = "/peer/v1/items?offset=" + offset + "&limit=" + limit
                + folder.folder().map(f -> "&parent=" + PeerClient.encode(f.toString())).orElse("");
        Optional<PeerPageJson> page = await(holder.get(), peers.get(holder.get(), query, PeerPageJson.class, deadline));
        if (page.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        try {
            for (PeerEntryJson entry : page.get().entries()) {
                if (entry.item().isPresent()) {
                    entries.add(new Entry.Item(NeighbourItem.of(holder.get(), entry.item().get())));
                } else {
                    entries.add(new Entry.Folder(new NeighbourFolderId(holder.get().id(),
                            Optional.of(FolderId.parse(entry.id()))), entry.name()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new NeighbourUnavailableException(PeerClient.name(holder.get()) + " sent a bad entry: "
                    + e.getMessage(), e);
        }
        return Optional.of(new Page(entries, page.get().total()));
    }

    /**
     * One neighbour's item, with its metadata as the holder has it now.
     *
     * @return empty when the holder has no such shared item
     * @throws NeighbourUnavailableException when the holder is not online or did not answer in time
     */
    public Optional<NeighbourItem> item(NeighbourItemId id) throws NeighbourUnavailableException {
        Neighbour holder = household(id.holder()).orElseThrow(() -> new NeighbourUnavailableException(
                "the household holding " + id + " is not online in the pool"));
        Optional<PeerItemJson> item = await(holder,
                peers.get(holder, "/peer/v1/items/" + id.remoteId(), PeerItemJson.class, deadline));
        try {
            return item.filter(i -> i.id().equals(id.remoteId())).map(i -> NeighbourItem.of(holder, i));
        } catch (IllegalArgumentException e) {
            throw new NeighbourUnavailableException(PeerClient.name(holder) + " sent a bad item: " + e.getMessage(), e);
        }
    }

    private <T> T await(Neighbour neighbour, CompletableFuture<T> answer) throws NeighbourUnavailableException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw PeerClient.unavailable(neighbour, e.getCause(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeighbourUnavailableException("interrupted while asking " + PeerClient.name(neighbour), e);
        }
    }

    private String reason(Neighbour neighbour, Exception e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        return cause instanceof IllegalArgumentException bad
                ? PeerClient.name(neighbour) + " sent a bad item: " + bad.getMessage()
                : PeerClient.unavailable(neighbour, cause, deadline).getMessage();
    }
}
