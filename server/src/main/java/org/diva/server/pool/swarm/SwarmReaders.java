package org.diva.server.pool.swarm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.Neighbours.Neighbour;
import org.diva.server.pool.content.ChunkList;
import org.diva.server.pool.content.ContentId;
import org.diva.server.pool.content.ContentIds;
import org.diva.server.pool.content.ContentStore;
import org.diva.server.pool.serve.ContentEndpoints;

/**
 * Opens a content id for reading wherever its bytes are: a local file with that content, else the neighbours that
 * hold it (asked with {@code HEAD /peer/v1/content/{id}}) together with what the content store already has. The
 * entry point for the media endpoint and the transcoder.
 */
public final class SwarmReaders {
    /** Long enough for a neighbour across town under load; a holder that answers later is found on a re-ask. */
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private final Neighbours neighbours;
    private final ContentStore store;
    private final ContentIds ids;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoTime;
    private final SwarmSettings settings;
    private final TransferLog log;

    /** A reader that reports its transfers to nobody. */
    public SwarmReaders(Neighbours neighbours, ContentStore store, ContentIds ids, ScheduledExecutorService timer,
                        LongSupplier nanoTime, SwarmSettings settings) {
        this(neighbours, store, ids, timer, nanoTime, settings, TransferLog.NONE);
    }

    /**
     * @param timer    runs each read's stall checks (a tick per read every {@code settings.tick()}); not owned
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     * @param log      hears of every verified chunk: holder, bytes, and nanos from request to last byte
     */
    public SwarmReaders(Neighbours neighbours, ContentStore store, ContentIds ids, ScheduledExecutorService timer,
                        LongSupplier nanoTime, SwarmSettings settings, TransferLog log) {
        this.neighbours = neighbours;
        this.store = store;
        this.ids = ids;
        this.timer = timer;
        this.nanoTime = nanoTime;
        this.settings = settings;
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The content as a read-only channel.
     *
     * @throws NoSuchFileException if neither this server nor any neighbour online holds it
     */
    public SeekableByteChannel open(ContentId id) throws IOException {
        Optional<Path> local = ids.fileWith(id);
        if (local.isPresent()) {
            return FileChannel.open(local.get(), StandardOpenOption.READ);
        }
        return openSwarm(id);
    }

    /** Like {@link #open}, but always through the swarm (never a local file), with its statistics. */
    public SwarmChannel openSwarm(ContentId id) throws IOException {
        List<Holder> holders = ask(id).join();
        Optional<ChunkList> list = store.list(id);
        if (list.isEmpty()) {
            list = fetchList(id, holders);
        }
        if (list.isEmpty()) {
            throw new NoSuchFileException("content " + id.shortForm(), null, holders.isEmpty()
                    ? "no neighbour online holds it" : "no holder sent a chunk list that matches the id");
        }
        store.putList(list.get());
        Swarm swarm = new Swarm(list.get(), store, holders, neighbours.client(), timer, nanoTime, settings,
                found -> ask(id).thenAccept(found), log);
        return new SwarmChannel(swarm);
    }

    /** Asks every neighbour online at once whether it holds the content; answers within the timeout count. */
    private CompletableFuture<List<Holder>> ask(ContentId id) {
        List<CompletableFuture<Optional<Holder>>> answers = new ArrayList<>();
        for (Neighbour n : neighbours.online()) {
            HttpRequest head = HttpRequest.newBuilder(content(n, id)).timeout(ASK_TIMEOUT)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
            answers.add(neighbours.client().sendAsync(head, HttpResponse.BodyHandlers.discarding())
                    .completeOnTimeout(null, ASK_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .handle((response, failure) -> response != null && response.statusCode() == 200
                            ? Optional.of(new Holder(n, chunks(response))) : Optional.empty()));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> answers.stream()
                .map(CompletableFuture::join).flatMap(Optional::stream).toList());
    }

    private Optional<ChunkList> fetchList(ContentId id, List<Holder> holders) {
        for (Holder h : holders) {
            try {
                HttpRequest get = HttpRequest.newBuilder(URI.create(content(h.neighbour, id) + "/chunks"))
                        .timeout(Duration.ofSeconds(10)).build();
                HttpResponse<InputStream> response = neighbours.client().send(get,
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() == 200) {
                        // never more than the longest list there can be: a hostile holder cannot fill our memory
                        ChunkList list = ChunkList.decode(body.readNBytes(ChunkList.MAX_WIRE_BYTES + 1));
                        if (list.contentId().equals(id)) {
                            return Optional.of(list);
                        }
                    }
                }
            } catch (IOException e) {
                // a broken or lying holder: ask the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<BitSet> chunks(HttpResponse<?> response) {
        return response.headers().firstValue(ContentEndpoints.CHUNKS_HEADER).flatMap(text -> {
            try {
                return Optional.of(BitSet.valueOf(Base64.getDecoder().decode(text)));
            } catch (IllegalArgumentException e) {
                return Optional.of(new BitSet()); // garbled: plan with nothing from it
            }
        });
    }

    private static URI content(Neighbour n, ContentId id) {
        return URI.create(n.peerBase() + "/peer/v1/content/" + id.hex());
    }
}
