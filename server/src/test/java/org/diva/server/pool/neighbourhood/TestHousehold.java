package org.diva.server.pool.neighbourhood;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.diva.config.LibrarySettings;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueItem;
import org.diva.server.catalogue.Database;
import org.diva.server.catalogue.ItemQuery;
import org.diva.server.library.Library;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.PoolTls;
import org.diva.server.pool.PoolTrust;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.ServerIdentity;
import org.diva.server.pool.bridge.ContentIdRoute;
import org.diva.server.pool.bridge.SwarmNeighbourContent;
import org.diva.server.pool.content.ContentIds;
import org.diva.server.pool.content.ContentStore;
import org.diva.server.pool.serve.ContentEndpoints;
import org.diva.server.pool.serve.UploadLimiter;
import org.diva.server.pool.sharing.PeerCaller;
import org.diva.server.pool.sharing.PeerCatalogueRoutes;
import org.diva.server.pool.sharing.SharedFolders;
import org.diva.server.pool.sharing.SharedItems;
import org.diva.server.pool.swarm.SwarmReaders;
import org.diva.server.pool.swarm.SwarmSettings;
import org.diva.transcode.probe.StandardProbes;
import org.diva.web.Router;

/**
 * One household in a test: its identity and pool TLS, its own H2 catalogue scanned from real fixture files (some
 * under the shared folder, some not), content ids and a content store, and its peer API (catalogue, content ids,
 * upload-capped content) on an HTTPS server of its own, as the server wires them.
 */
final class TestHousehold implements AutoCloseable {
    static final Path MEDIA = Path.of("../transcode/src/test/resources/media").toAbsolutePath();

    final String name;
    final ServerIdentity identity;
    final PoolTrust trust = new PoolTrust();
    final PoolTls tls;
    final Database db;
    final Catalogue catalogue;
    final Path media;
    final Path shared;
    final SharedItems items;
    final ContentIds ids;
    final ContentStore store;
    private final long uploadBytesPerSecond;
    private final List<AutoCloseable> open = new ArrayList<>();
    private PeerTestServer peer;

    /** A household whose upload is not the point of the test: 1 GB/s. */
    TestHousehold(String name, Path dir) throws Exception {
        this(name, dir, 1_000_000_000L);
    }

    TestHousehold(String name, Path dir, long uploadBytesPerSecond) throws Exception {
        this.name = name;
        this.uploadBytesPerSecond = uploadBytesPerSecond;
        identity = ServerIdentity.loadOrCreate(Files.createDirectories(dir.resolve("data")));
        tls = new PoolTls(identity, trust);
        db = Database.open(dir.resolve("data"));
        open.add(db);
        catalogue = new Catalogue(db.dataSource(), Clock.systemUTC());
        media = Files.createDirectories(dir.resolve("media"));
        shared = Files.createDirectories(media.resolve("shared"));
        Files.createDirectories(shared.resolve("Films/Drama"));
        Files.createDirectories(shared.resolve("Music"));
        Files.createDirectories(media.resolve("private"));
        Files.copy(MEDIA.resolve("mp4/h264_aac_gop.mp4"), shared.resolve("Films/plain.mp4"));
        Files.copy(MEDIA.resolve("mkv/h264-aac-subs.mkv"), shared.resolve("Films/Drama/clip.mkv"));
        Files.copy(MEDIA.resolve("audio/tone.mp3"), shared.resolve("Music/tone.mp3"));
        Files.copy(MEDIA.resolve("audio/tone.flac"), shared.resolve("top tone.flac"));
        Files.copy(MEDIA.resolve("mp4/h264_aac_gop.mp4"), media.resolve("private/secret diary.mp4"));
        try (Library library = new Library(catalogue, StandardProbes.create(),
                new LibrarySettings(List.of(media), Duration.ZERO, 1), Duration.ofSeconds(1))) {
            library.start().get();
        }
        items = new SharedItems(db.dataSource(), catalogue, SharedFolders.of(List.of(shared), List.of(media)));
        ExecutorService hasher = Executors.newSingleThreadExecutor();
        open.add(hasher::shutdownNow);
        ids = new ContentIds(db.dataSource(), hasher);
        store = ContentStore.open(dir.resolve("data/pool-cache"), 64L << 20, Clock.systemUTC());
    }

    /** Serves the peer API; call once every household's trust is set. */
    void servePeers() throws Exception {
        Router router = new Router();
        PeerCaller callers = PeerCaller.fromTls(trust);
        new PeerCatalogueRoutes(items, callers).addRoutes(router);
        new ContentIdRoute(items, ids, callers).addRoutes(router);
        new ContentEndpoints(ids, store, new UploadLimiter(uploadBytesPerSecond, System::nanoTime), callers)
                .addRoutes(router);
        peer = new PeerTestServer(tls, router);
        open.add(peer);
    }

    /** How this household plays its neighbours' titles: through the swarm, as the server does. */
    SwarmNeighbourContent swarmContent(Neighbours neighbours, ScheduledExecutorService timer) {
        return new SwarmNeighbourContent(neighbours, new SwarmReaders(neighbours, store, ids, timer,
                System::nanoTime, SwarmSettings.defaults()));
    }

    ServerId id() {
        return identity.id();
    }

    Neighbours.Neighbour asNeighbour() {
        return new Neighbours.Neighbour(id(), name, peer.base());
    }

    HttpClient client() {
        return HttpClient.newBuilder().sslContext(tls.context()).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** The catalogued item of a file, by file name. */
    CatalogueItem item(String fileName) throws Exception {
        Optional<CatalogueItem> found = catalogue.query(new ItemQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 500)).items().stream().filter(i -> i.fileName().equals(fileName)).findFirst();
        return found.orElseThrow(() -> new AssertionError(name + " has no " + fileName));
    }

    static void trustEachOther(List<TestHousehold> households) {
        List<ServerId> ids = households.stream().map(TestHousehold::id).toList();
        households.forEach(h -> h.trust.setMembers(ids));
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
