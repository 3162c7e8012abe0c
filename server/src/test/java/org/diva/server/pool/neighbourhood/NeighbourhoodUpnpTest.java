package org.diva.server.pool.neighbourhood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.diva.server.catalogue.CatalogueView;
import org.diva.server.catalogue.Database;
import org.diva.server.devices.ClientDevices;
import org.diva.server.playback.ClientProfiles;
import org.diva.server.playback.Playback;
import org.diva.server.playback.ProfileStreamOffers;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.ServerIdentity;
import org.diva.transcode.decision.Conversions;
import org.diva.transcode.decision.PlaybackDecision;
import org.diva.transcode.profile.DeviceProfiles;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ClientContext;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.didl.DidlDocuments;
import org.diva.upnp.directory.DirectoryOptions;
import org.diva.upnp.directory.LibraryContentDirectory;
import org.diva.upnp.library.StreamOffers;
import org.diva.web.HttpServer;
import org.diva.web.Router;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A TV browsing household A's ContentDirectory (over A's real catalogue) down the Neighbourhood container into B's
 * shared folders, over B's real peer API, and playing the res URL it is given.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourhoodUpnpTest {
    /** Generous: a loaded machine missed 1 s once; the deadline's own behaviour is NeighbourhoodCatalogueTest's. */
    private static final Duration DEADLINE = Duration.ofMillis(3000);
    @TempDir
    static Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicBoolean inPool = new AtomicBoolean(true);
    private TestHousehold a;
    private TestHousehold b;
    private FixedNeighbours neighbours;
    private ContentDirectory cds;
    private HttpServer api;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    void households() throws Exception {
        open.add(timer::shutdownNow);
        a = track(new TestHousehold("Alice", dir.resolve("a")));
        b = track(new TestHousehold("Bob", dir.resolve("b")));
        TestHousehold.trustEachOther(List.of(a, b));
        a.servePeers();
        b.servePeers();
        neighbours = new FixedNeighbours(a.id(), a.client());
        neighbours.online.add(b.asNeighbour());
        Database devices = track(Database.open(dir.resolve("a-api")));
        ClientProfiles clients = new ClientProfiles(track(new ClientDevices(devices.dataSource(),
                Clock.systemUTC())), DeviceProfiles.builtIn());
        PoolCatalogue pool = new PoolCatalogue(a.items, request -> Optional.empty(), neighbours, clients,
                new PlaybackDecision(Conversions.diva()), DEADLINE);
        pool.setContent(a.swarmContent(neighbours, timer));
        cds = new LibraryContentDirectory(new CatalogueView(a.db.dataSource(), a.catalogue, List.of(a.media)),
                DirectoryOptions.defaults(), StreamOffers.ORIGINAL_ONLY, pool.upnpView(inPool::get,
                        new ProfileStreamOffers(clients, new Playback(a.catalogue,
                                new PlaybackDecision(Conversions.diva())), true)::convertedElsewhere));
        Router router = new Router();
        api = track(new HttpServer(0, new Handler.Sequence(pool.neighbourItems(), router)));
        api.start();
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @AfterAll
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aTvBrowsesDownToANeighboursTitleAndPlaysIt() throws Exception {
        List<Element> root = children("0");
        assertEquals("Neighbourhood", title(root.get(root.size() - 1)));
        List<Element> households = children("neighbourhood");
        assertEquals(List.of("Bob"), households.stream().map(NeighbourhoodUpnpTest::title).toList());
        List<Element> shares = children(households.get(0).getAttribute("id"));
        assertEquals(List.of("shared"), shares.stream().map(NeighbourhoodUpnpTest::title).toList());
        List<Element> top = children(shares.get(0).getAttribute("id"));
        assertEquals(List.of("Films", "Music", b.item("top tone.flac").title()),
                top.stream().map(NeighbourhoodUpnpTest::title).toList());
        List<Element> films = children(top.get(0).getAttribute("id"));
        assertEquals(List.of("Drama", "plain"), films.stream().map(NeighbourhoodUpnpTest::title).toList());
        Element plain = films.get(1);
        assertEquals(top.get(0).getAttribute("id"), plain.getAttribute("parentID"));
        String res = DidlDocuments.text(plain, DidlDocuments.DIDL, "res");
        String id = new NeighbourItemId(b.id(), Long.toString(b.item("plain.mp4").id())).toString();
        assertEquals("http://127.0.0.1:" + api.port() + "/media/" + id, res);

        HttpResponse<byte[]> played = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(res)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(Files.readAllBytes(b.shared.resolve("Films/plain.mp4")), played.body());

        List<Element> metadata = objects(browse(plain.getAttribute("id"), true, 0, 0));
        assertEquals(List.of("plain"), metadata.stream().map(NeighbourhoodUpnpTest::title).toList());
        List<Element> folderMetadata = objects(browse(top.get(0).getAttribute("id"), true, 0, 0));
        assertEquals("Films", title(folderMetadata.get(0)));
        assertEquals(shares.get(0).getAttribute("id"), folderMetadata.get(0).getAttribute("parentID"));
        assertEquals("shared", title(objects(browse(shares.get(0).getAttribute("id"), true, 0, 0)).get(0)));
    }

    @Test
    void pagesAreAskedOfTheNeighbourAsTheTvPages() throws Exception {
        String share = children(children("neighbourhood").get(0).getAttribute("id")).get(0).getAttribute("id");
        BrowseResult second = browse(share, false, 1, 1);
        assertEquals(1, second.numberReturned());
        assertEquals(3, second.totalMatches());
        assertEquals("Music", title(objects(second).get(0)));
    }

    @Test
    void aSilentNeighbourShowsEmptyAndOutsideAPoolThereIsNoNeighbourhood() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var dave = new Neighbours.Neighbour(ServerIdentity.loadOrCreate(Files.createDirectories(dir.resolve("d")))
                    .id(), "Dave", URI.create("https://127.0.0.1:" + silent.getLocalPort()));
            neighbours.online.add(dave);
            try {
                List<Element> households = children("neighbourhood");
                assertEquals(2, households.size());
                long start = System.nanoTime();
                BrowseResult daves = browse(households.get(1).getAttribute("id"), false, 0, 0);
                assertEquals(0, daves.totalMatches());
                assertTrue((System.nanoTime() - start) / 1_000_000 < DEADLINE.toMillis() + 1000);
            } finally {
                neighbours.online.remove(dave);
            }
        }
        inPool.set(false);
        try {
            List<Element> root = children("0");
            assertTrue(root.stream().noneMatch(e -> title(e).equals("Neighbourhood")));
        } finally {
            inPool.set(true);
        }
    }

    private BrowseResult browse(String id, boolean metadata, long start, long count) throws Exception {
        return browse(id, metadata, start, count, "SEC_HHP_[TV] Samsung Q60 Series/1.0 DLNADOC/1.50");
    }

    private BrowseResult browse(String id, boolean metadata, long start, long count, String userAgent)
            throws Exception {
        ClientContext tv = new ClientContext(InetAddress.getLoopbackAddress(), "http://127.0.0.1:" + api.port(),
                Optional.of(userAgent), Optional.empty());
        return cds.browse(new BrowseRequest(id, metadata, "*", start, count, "", tv));
    }

    /**
     * A TV that cannot open a neighbour's Matroska file is offered it remuxed first, as for a local file; one that
     * opens Matroska (the Samsung) gets the file alone.
     */
    @Test
    void aTvIsOfferedANeighboursTitleConvertedWhenItCannotPlayTheFile() throws Exception {
        String plainTv = "Linux/3.10 UPnP/1.0 PlainTV/1.0"; // recognised as nothing: the generic DLNA TV
        String drama = folderId(plainTv, "Films", "Drama");
        Element clip = objects(browse(drama, false, 0, 0, plainTv)).get(0);
        List<Element> res = resources(clip);
        String id = new NeighbourItemId(b.id(), Long.toString(b.item("clip.mkv").id())).toString();
        String base = "http://127.0.0.1:" + api.port() + "/media/" + id;
        assertEquals(base + "/stream?profile=generic-dlna", res.get(0).getTextContent(), "the remux comes first");
        assertTrue(res.get(0).getAttribute("protocolInfo").contains("DLNA.ORG_CI=1"),
                res.get(0).getAttribute("protocolInfo"));
        assertEquals(base, res.get(1).getTextContent(), "then the file");
        Element metadata = objects(browse(clip.getAttribute("id"), true, 0, 0, plainTv)).get(0);
        assertEquals(base + "/stream?profile=generic-dlna",
                resources(metadata).get(0).getTextContent());

        Element forSamsung = objects(browse(folderId(null, "Films", "Drama"), false, 0, 0)).get(0);
        assertEquals(List.of(base), resources(forSamsung).stream()
                .map(Element::getTextContent).toList(), "the Samsung opens Matroska: the file alone");
    }

    private static List<Element> resources(Element item) {
        var nodes = item.getElementsByTagNameNS(DidlDocuments.DIDL, "res");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The id of a folder of the one neighbour's first share, browsed as {@code userAgent} (null: the Samsung). */
    private String folderId(String userAgent, String... path) throws Exception {
        String id = children("neighbourhood").get(0).getAttribute("id");
        id = children(id).get(0).getAttribute("id");
        for (String name : path) {
            List<Element> entries = userAgent == null ? children(id) : objects(browse(id, false, 0, 0, userAgent));
            id = entries.stream().filter(e -> title(e).equals(name)).findFirst().orElseThrow(
                    () -> new AssertionError("no folder " + name)).getAttribute("id");
        }
        return id;
    }

    private List<Element> children(String id) throws Exception {
        return objects(browse(id, false, 0, 0));
    }

    private static List<Element> objects(BrowseResult result) {
        return DidlDocuments.objects(DidlDocuments.parse(result.didl()));
    }

    private static String title(Element object) {
        return DidlDocuments.text(object, DidlDocuments.DC, "title");
    }
}
