package org.diva.server.pool.membership;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.diva.config.PoolSettings;
import org.diva.server.pool.Neighbours;
import org.diva.server.pool.PoolTls;
import org.diva.server.pool.PoolTrust;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.ServerIdentity;
import org.diva.upnp.igd.Reachability;
import org.diva.web.Router;
import org.diva.web.peer.PeerHttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The neighbourhood pool of this server: its entry point for the composition root. It owns the peer HTTPS server
 * (add peer routes to {@link #peerRouter()} before {@link #start()}), the pool channel while in a pool, and the
 * membership view ({@link #neighbours()}); {@link Membership} does the work.
 *
 * <p>On start it rejoins the pool it remembers. {@link #create}, {@link #invite}, {@link #join}, {@link #leave}
 * and {@link #remove} are what the JSON API offers.
 */
public final class Pool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pool.class);
    /** How often members' round trips are measured. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(2);

    private final PoolSettings settings;
    private final InetAddress bindAddress;
    private final ScheduledExecutorService scheduler;
    private final PoolTrust trust = new PoolTrust();
    private final PoolTls tls;
    private final Router peerRouter = new Router();
    private final PeerHttpsServer peerServer;
    private final MemberView view;
    private final Membership membership;
    private final Pinger pinger;
    private ScheduledFuture<?> pings;
    private volatile int poolPort;
    /** The addresses from the settings (or the LAN), advertised again when the router's mapping is lost. */
    private volatile Advertised configured;

    /**
     * @param settings    pool port (0: free ports, tests), external host/port when forwarded by hand
     * @param serverName  the household's server name, shown to neighbours
     * @param bindAddress the interface the pool and peer ports listen on and, unless an external host is set,
     *                    the address neighbours are told (not the wildcard: neighbours must be able to dial it)
     * @param data        the database migrated with V8__pool.sql
     * @param scheduler   runs the pool's events in order (one thread is enough) and the periodic pings
     */
    public Pool(PoolSettings settings, String serverName, InetAddress bindAddress, DataSource data,
                ServerIdentity identity, Clock clock, ScheduledExecutorService scheduler) {
        if (bindAddress.isAnyLocalAddress() && settings.externalHost().isEmpty()) {
            throw new IllegalArgumentException("the pool needs the address neighbours dial: bind it to one "
                    + "interface's address or give --external-host, not " + bindAddress.getHostAddress());
        }
        this.settings = settings;
        this.bindAddress = bindAddress;
        this.scheduler = scheduler;
        PoolTls.disableStatelessTickets(); // in time only if no TLS was used yet: Main should call it first
        this.tls = new PoolTls(identity, trust);
        HttpClient client = HttpClient.newBuilder().sslContext(tls.context())
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.view = new MemberView(identity.id(), client);
        this.peerServer = new PeerHttpsServer(bindAddress.getHostAddress(), settings.peerPort(), tls.context(),
                new MemberGate(trust, peerRouter));
        this.membership = new Membership(Member.cleanName(serverName), identity, trust, tls, new PoolRegistry(data),
                view, peerServer, clock, scheduler);
        this.pinger = new Pinger(view, client);
        new PeerEndpoints(membership).addRoutes(peerRouter);
    }

    /** Starts the peer server and rejoins the remembered pool, if any. */
    public void start() throws Exception {
        peerServer.start();
        poolPort = settings.poolPort() == 0 ? freePort() : settings.poolPort();
        String host = settings.externalHost().orElse(bindAddress.getHostAddress());
        HostPort advertisedPool = new HostPort(host, settings.externalPort().orElse(poolPort));
        int advertisedPeerPort = settings.externalPort().isPresent() ? settings.externalPort().getAsInt() + 1
                : peerServer.port();
        URI advertisedPeer = Member.parsePeerAddress("https://" + advertisedPool.toString()
                .replaceFirst(":\\d+$", "") + ":" + advertisedPeerPort);
        Optional<HostPort> external = settings.externalHost().isPresent() || settings.externalPort().isPresent()
                ? Optional.of(advertisedPool) : Optional.empty();
        configured = new Advertised(advertisedPool, advertisedPeer, external);
        membership.start(bindAddress, poolPort, configured);
        pings = scheduler.scheduleWithFixedDelay(this::ping, 0, PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Advertises the router's external address and forwarded ports to the pool once UPnP IGD mapped both the pool
     * and the peer port, and the configured addresses again when a mapping is lost. A household's
     * {@code --external-host} wins over the router: it forwarded the ports by hand and knows better. The work
     * (a registry write, a message to the pool, perhaps a new channel) runs on the pool's scheduler, since the
     * mapper calls this with its lock held.
     *
     * @return done when the addresses are advertised (for tests); empty if started not yet or overridden by hand
     */
    public Optional<Future<?>> reachabilityChanged(Reachability now) {
        Advertised lan = configured;
        if (lan == null || settings.externalHost().isPresent()) {
            return Optional.empty();
        }
        Optional<InetSocketAddress> pool = now.advertised(poolPort);
        Optional<InetSocketAddress> peer = now.advertised(peerServer.port());
        Advertised next = pool.isPresent() && peer.isPresent() ? Advertised.forwarded(pool.get(), peer.get()) : lan;
        return Optional.of(scheduler.submit(() -> {
            try {
                membership.advertise(next);
            } catch (Exception e) {
                LOG.warn("could not advertise pool {} and peer {} to the pool: {}", next.pool(), next.peer(),
                        e.toString());
            }
        }));
    }

    /** What this server tells neighbours to dial now. */
    public HostPort advertisedPoolAddress() {
        return membership.advertised.pool();
    }

    private void ping() {
        try {
            pinger.pingAll();
        } catch (RuntimeException e) {
            LOG.warn("pinging the pool's members failed", e);
        }
    }

    private int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, bindAddress)) {
            return socket.getLocalPort();
        }
    }

    /** The pool port this server listens on (known once started; chosen then when the setting is 0). */
    public int poolPort() {
        return poolPort;
    }

    /** Whether this server is in a pool now (its group channel is up). */
    public boolean inPool() {
        return membership.channel != null;
    }

    /** The members' certificates this server accepts, for peer endpoints that check each request again. */
    public PoolTrust trust() {
        return trust;
    }

    /** Peer routes ({@code /peer/v1/...}); every request reaching them comes from a member's certificate. */
    public Router peerRouter() {
        return peerRouter;
    }

    /** The members online now, and the HTTP client to reach them. */
    public Neighbours neighbours() {
        return view;
    }

    /** The membership view, for the API and for the swarm reader's {@link MemberView#recordTransfer}. */
    public MemberView view() {
        return view;
    }

    /** For tests in this package: the state machine behind this facade. */
    Membership membership() {
        return membership;
    }

    /**
     * Counts {@code bytes} received from a member in {@code nanos}, for its smoothed throughput in the view (the
     * swarm reader calls it per chunk).
     */
    public void recordTransfer(ServerId member, long bytes, long nanos) {
        view.recordTransfer(member, bytes, nanos);
    }

    public int peerPort() {
        return peerServer.port();
    }

    /** The pool as the API shows it. */
    public PoolStatus status() throws java.sql.SQLException {
        return membership.status();
    }

    /** Creates a pool with this server as its only member. */
    public PoolStatus create(String name) throws Exception {
        membership.create(name);
        return status();
    }

    /** A new invite, valid once for {@code validity}. */
    public String invite(Duration validity) throws Exception {
        return membership.invite(validity).encode();
    }

    /** Joins the pool of a pasted invite code. */
    public PoolStatus join(String code) throws Exception {
        membership.join(InviteCode.parse(code));
        return status();
    }

    /** This server leaves its pool (telling the others first) and forgets it. */
    public void leave() throws Exception {
        membership.leave();
    }

    /** Removes another member from the pool, everywhere. */
    public void remove(ServerId member) throws Exception {
        membership.remove(member);
    }

    @Override
    public void close() throws Exception {
        if (pings != null) {
            pings.cancel(false);
        }
        try {
            membership.close();
        } finally {
            peerServer.close();
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    static byte[] random(SecureRandom random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    static byte[] der(java.security.cert.X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

}
