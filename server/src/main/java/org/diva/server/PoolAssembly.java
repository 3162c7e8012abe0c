package org.diva.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.diva.config.Settings;
import org.diva.server.api.PoolApi;
import org.diva.server.catalogue.Database;
import org.diva.server.pool.ServerIdentity;
import org.diva.server.pool.bridge.ContentIdRoute;
import org.diva.server.pool.bridge.SwarmNeighbourContent;
import org.diva.server.pool.content.ContentIds;
import org.diva.server.pool.content.ContentStore;
import org.diva.server.pool.membership.Pool;
import org.diva.server.pool.serve.ContentEndpoints;
import org.diva.server.pool.serve.UploadLimiter;
import org.diva.server.pool.sharing.PeerCaller;
import org.diva.server.pool.sharing.SharedItems;
import org.diva.server.pool.swarm.SwarmReaders;
import org.diva.server.pool.swarm.SwarmSettings;
import org.diva.upnp.igd.IgdPortMapper;
import org.diva.upnp.igd.LanAddress;
import org.diva.upnp.igd.MappingPlan;
import org.diva.upnp.igd.Reachability;
import org.diva.upnp.service.Scheduler;
import org.diva.web.Router;
import org.diva.web.json.JsonResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root's part for the neighbourhood pool: identity, membership, the swarm and the router's port
 * mapping, built from the settings. What it starts goes on the server's list of parts to close, in order.
 */
final class PoolAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(PoolAssembly.class);

    private final Settings settings;
    private final Clock clock;
    private final List<AutoCloseable> started;

    PoolAssembly(Settings settings, Clock clock, List<AutoCloseable> started) {
        this.settings = settings;
        this.clock = clock;
        this.started = started;
    }

    private ScheduledExecutorService daemonScheduler(String name) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        started.add(executor::shutdownNow);
        return executor;
    }

    /** Without UPnP nobody asks the router: the reachability says so, and what was forwarded by hand. */
    void addUnmappedReachability(Router router) {
        Reachability off = new Reachability(settings.pool().externalHost().isPresent()
                ? Reachability.Mode.MANUAL : Reachability.Mode.OFF, Optional.empty(),
                settings.pool().externalHost(), List.of(), Optional.of("UPnP is off (--upnp off), so the router "
                + "is not asked to forward the pool ports"));
        router.get("/api/v1/pool/reachability", (request, response, callback, params) ->
                JsonResponses.send(response, callback, 200, off));
    }

    /**
     * The neighbourhood pool: this server's identity (made on first start), membership over JGroups and the peer
     * HTTPS API, its JSON API on {@code router}. Started after the HTTP server by {@link #start()}.
     */
    Pool pool(Database database, Router router) throws Exception {
        ServerIdentity identity = ServerIdentity.loadOrCreate(settings.server().dataDir());
        ScheduledExecutorService events = daemonScheduler("diva-pool");
        Pool pool = new Pool(settings.pool(), settings.server().name(), poolAddress(), database.dataSource(),
                identity, clock, events);
        new PoolApi(pool).addRoutes(router);
        return pool;
    }

    /**
     * Where the pool and peer ports listen: the external host when it is one of this machine's own addresses (no
     * router in between, e.g. loopback in tests), else the first LAN address, which the router forwards to.
     */
    private InetAddress poolAddress() throws IOException {
        if (settings.pool().externalHost().isPresent()) {
            InetAddress external = InetAddress.getByName(settings.pool().externalHost().get());
            if (external.isLoopbackAddress() || NetworkInterface.getByInetAddress(external) != null) {
                return external;
            }
        }
        return InetAddress.getByName(DivaServer.hostAddress());
    }

    /**
     * Neighbours' titles pulled from every holder at once: content ids (shared folders hashed in the background at
     * the lowest priority), the content store within {@code --pool-cache}, the peer content endpoints within
     * {@code --upload-limit}, and the swarm reader behind {@code /media/n-...}, which reports each chunk's transfer
     * to the membership view.
     */
    SwarmNeighbourContent swarm(Database database, Pool pool, SharedItems shared) throws IOException {
        ExecutorService hasher = ContentIds.lowPriorityHasher();
        started.add(hasher::shutdownNow);
        ContentIds ids = new ContentIds(database.dataSource(), hasher);
        ContentStore store = ContentStore.open(settings.server().dataDir().resolve("pool-cache"),
                settings.pool().cacheBytes(), clock);
        PeerCaller members = PeerCaller.fromTls(pool.trust());
        new ContentEndpoints(ids, store, new UploadLimiter(settings.pool().uploadBytesPerSecond(), System::nanoTime),
                members).addRoutes(pool.peerRouter());
        new ContentIdRoute(shared, ids, members).addRoutes(pool.peerRouter());
        ScheduledExecutorService ticks = daemonScheduler("diva-swarm");
        ids.hashInBackground(settings.pool().shares());
        // every chunk received feeds the sender's throughput in the membership view (GET /api/v1/pool)
        return new SwarmNeighbourContent(pool.neighbours(), new SwarmReaders(pool.neighbours(), store, ids, ticks,
                System::nanoTime, SwarmSettings.defaults(), pool::recordTransfer));
    }

    /**
     * Asks the router (UPnP IGD) to forward the pool and peer ports, on the UPnP stack's control point; what it
     * achieved is at {@code GET /api/v1/pool/reachability}, and the pool advertises the router's external address
     * and forwarded ports to its members while both ports are mapped.
     */
    IgdPortMapper portMapper(Pool pool, Router router) {
        ScheduledExecutorService renewals = daemonScheduler("diva-igd");
        IgdPortMapper mapper = new IgdPortMapper(MappingPlan.forPool(settings.pool(), pool.poolPort(),
                pool.peerPort()), Scheduler.of(renewals), renewals, clock, LanAddress.discoveredOn(),
                status -> {
                    LOG.info("pool reachability: {}", status);
                    pool.reachabilityChanged(status);
                });
        router.get("/api/v1/pool/reachability", (request, response, callback, params) -> JsonResponses.send(
                response, callback, 200, mapper.status()));
        return mapper;
    }
}
