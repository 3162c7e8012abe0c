package org.diva.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.diva.config.Settings;
import org.diva.server.api.CatalogueApi;
import org.diva.server.api.DevicesApi;
import org.diva.server.api.ProfilesApi;
import org.diva.server.api.RenderersApi;
import org.diva.server.api.ThumbnailApi;
import org.diva.server.catalogue.Catalogue;
import org.diva.server.catalogue.CatalogueView;
import org.diva.server.catalogue.Database;
import org.diva.server.devices.ClientDevices;
import org.diva.server.devices.ClientTracker;
import org.diva.server.devices.UpnpDescription;
import org.diva.server.faststart.FaststartLayouts;
import org.diva.server.library.Library;
import org.diva.server.library.ScanResult;
import org.diva.server.playback.ClientProfiles;
import org.diva.server.playback.Playback;
import org.diva.server.playback.ProfileStreamOffers;
import org.diva.server.pool.membership.Pool;
import org.diva.server.pool.neighbourhood.PoolCatalogue;
import org.diva.server.pool.sharing.PeerCaller;
import org.diva.server.pool.sharing.SharedFolders;
import org.diva.server.pool.sharing.SharedItems;
import org.diva.server.stream.ConvertedStreams;
import org.diva.server.stream.StreamProduction;
import org.diva.server.stream.TitleConversions;
import org.diva.server.subtitles.EmbeddedSubtitles;
import org.diva.server.thumbnails.ThumbnailStore;
import org.diva.server.thumbnails.Thumbnails;
import org.diva.server.upnp.DlnaServer;
import org.diva.transcode.decision.Conversions;
import org.diva.transcode.decision.PlaybackDecision;
import org.diva.transcode.probe.MediaProber;
import org.diva.transcode.probe.StandardProbes;
import org.diva.transcode.profile.DeviceProfiles;
import org.diva.transcode.thumbnail.Thumbnailer;
import org.diva.upnp.network.NetworkSelectionException;
import org.diva.upnp.render.Renderer;
import org.diva.upnp.transport.HttpLimits;
import org.diva.upnp.transport.UpnpHttpHandler;
import org.diva.web.HttpServer;
import org.diva.web.Router;
import org.diva.web.live.LiveEndpoint;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the settings with constructor arguments, starts them in
 * dependency order (database, library, HTTP) and stops them in reverse.
 */
public final class DivaServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DivaServer.class);
    /** The stream endpoint answers TimeSeekRange.dlna.org, so converted streams are offered with DLNA.ORG_OP=10. */
    private static final boolean STREAMS_SEEK_BY_TIME = true;

    private final Settings settings;
    private final Clock clock;
    private final List<AutoCloseable> started = new ArrayList<>();
    private Library library;
    private HttpServer http;
    private CompletableFuture<ScanResult> firstScan;
    private volatile DlnaServer dlna;

    public DivaServer(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public void start() throws Exception {
        try {
            Database database = Database.open(settings.server().dataDir());
            started.add(database);
            Catalogue catalogue = new Catalogue(database.dataSource(), clock, this::libraryChanged);
            MediaProber prober = StandardProbes.create();
            library = new Library(catalogue, prober, settings.library(), Duration.ofSeconds(1));
            started.add(library);

            ClientDevices devices = new ClientDevices(database.dataSource(), clock);
            started.add(devices);
            DeviceProfiles profiles = DeviceProfiles.load(settings.server().dataDir().resolve("profiles"));
            profiles.problems().forEach(problem -> LOG.warn("device profile not used: {}", problem));
            ClientProfiles clientProfiles = new ClientProfiles(devices, profiles);
            Playback playback = new Playback(catalogue, new PlaybackDecision(Conversions.diva()));

            Router router = new Router();
            new CatalogueApi(catalogue, library, settings.server().name(), Version.current(), this::url,
                    EmbeddedSubtitles.withDefaults(), clientProfiles, FaststartLayouts.withDefaults())
                    .addRoutes(router);
            new DevicesApi(devices, clientProfiles).addRoutes(router);
            new ProfilesApi(clientProfiles, playback).addRoutes(router);
            ProfileStreamOffers offers = new ProfileStreamOffers(clientProfiles, playback, STREAMS_SEEK_BY_TIME);
            StreamProduction production = new StreamProduction(settings.server().dataDir().resolve("streams"),
                    settings.streams(), clock);
            started.add(production);
            TitleConversions conversions = new TitleConversions(offers, production::pipelines, production.jobs());
            router.getAndHead("/media/{id}/stream", new LiveEndpoint(new ConvertedStreams(catalogue,
                    clientProfiles, playback, conversions)));
            PoolAssembly poolParts = new PoolAssembly(settings, clock, started);
            Pool pool = poolParts.pool(database, router);
            SharedItems shared = new SharedItems(database.dataSource(), catalogue,
                    SharedFolders.of(settings.pool().shares(), settings.library().mediaDirs()));
            PoolCatalogue poolCatalogue = new PoolCatalogue(shared,
                    PeerCaller.fromTls(pool.trust()), pool.neighbours(), clientProfiles,
                    new PlaybackDecision(Conversions.diva()), PoolCatalogue.DEFAULT_DEADLINE);
            poolCatalogue.addPeerRoutes(pool.peerRouter());
            poolCatalogue.addApiRoutes(router);
            poolCatalogue.setContent(poolParts.swarm(database, pool, shared));
            poolCatalogue.setConversions(conversions);
            started.add(pool);
            pool.start(); // before UPnP: the router is asked to forward the ports it listens on
            Thumbnails thumbnails = new Thumbnails(catalogue, new ThumbnailStore(database.dataSource(), clock),
                    new Thumbnailer(clock, Thumbnailer.DEFAULT_TIME_LIMIT), Thumbnails.makers(2, 1000));
            started.add(thumbnails);
            new ThumbnailApi(thumbnails).addRoutes(router);
            UpnpHttpHandler upnpHttp = new UpnpHttpHandler(UpnpHttpHandler.DEFAULT_BASE_PATH, HttpLimits.defaults());
            CatalogueView view = new CatalogueView(database.dataSource(), catalogue, settings.library().mediaDirs());
            DlnaServer dlna = null;
            if (settings.network().upnp()) {
                dlna = new DlnaServer(settings.server().name(), Version.current(), settings.server().dataDir(),
                        settings.network().interfaces(), view, upnpHttp, clock, r -> rendererFound(devices, r),
                        offers, poolCatalogue.upnpView(pool::inPool, offers::convertedElsewhere),
                        List.of(poolParts.portMapper(pool, router)));
                new RenderersApi(dlna.renderers(), dlna.control(), view).addRoutes(router);
            } else {
                RenderersApi.addDisabledRoutes(router);
                poolParts.addUnmappedReachability(router);
            }
            Handler routes = settings.network().upnp()
                    ? new Handler.Sequence(upnpHttp, poolCatalogue.neighbourItems(), router)
                    : new Handler.Sequence(poolCatalogue.neighbourItems(), router);
            http = new HttpServer(settings.http().port(), new ClientTracker(devices, routes));
            http.start();
            started.add(http);
            if (dlna != null) {
                started.add(dlna); // closed before the HTTP server: byebye while descriptions are still served
                try {
                    dlna.start();
                    this.dlna = dlna;
                } catch (NetworkSelectionException e) {
                    if (!settings.network().interfaces().isEmpty()) {
                        throw e; // the household named interfaces that cannot carry UPnP: say so and stop
                    }
                    LOG.warn("TVs will not find DiVA until it restarts with a network: {}", e.getMessage());
                }
            }
            firstScan = library.start();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** A renderer's description names it in the device list once it fetches media. */
    private static void rendererFound(ClientDevices devices, Renderer r) {
        try {
            devices.described(new UpnpDescription(r.address(), r.udn(), r.deviceType(),
                    Optional.of(r.friendlyName()), r.manufacturer(), r.modelName(), r.modelNumber()));
        } catch (SQLException e) {
            LOG.warn("could not record the description of renderer {}: {}", r.friendlyName(), e.getMessage());
        }
    }

    private void libraryChanged() {
        DlnaServer current = dlna;
        if (current != null) {
            current.libraryChanged();
        }
    }

    /** The first scan, for callers (tests, benchmarks) that want to wait for it. */
    public CompletableFuture<ScanResult> firstScan() {
        return firstScan;
    }

    public Library library() {
        return library;
    }

    public int port() {
        return http.port();
    }

    /** The URL a person on the home network would open: the first LAN address, else loopback. */
    public String url() {
        return "http://" + hostAddress() + ":" + port() + "/";
    }

    static String hostAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall back to loopback
        }
        return "127.0.0.1";
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
