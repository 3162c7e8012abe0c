package org.diva.server.pool.swarm;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.diva.server.catalogue.Database;
import org.diva.server.pool.Neighbours.Neighbour;
import org.diva.server.pool.PoolTls;
import org.diva.server.pool.PoolTrust;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.ServerIdentity;
import org.diva.server.pool.content.ContentIds;
import org.diva.server.pool.content.ContentStore;
import org.diva.server.pool.serve.ContentEndpoints;
import org.diva.server.pool.sharing.PeerCaller;
import org.diva.server.pool.serve.UploadLimiter;
import org.diva.web.Router;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One pool member's content side, real and on loopback: its identity and trust, H2 with the content ids, a content
 * store, and the peer content endpoints on a Jetty HTTPS server with mutual TLS (port 0), as the pool-member
 * engineer's PeerHttpsServer will run them.
 */
public final class TestHolder implements AutoCloseable {
    final ServerIdentity identity;
    final PoolTrust trust = new PoolTrust();
    final PoolTls tls;
    final Database database;
    final ExecutorService hasher = Executors.newSingleThreadExecutor();
    final ContentIds ids;
    final ContentStore store;
    final Server jetty;
    final URI base;
    private final String name;
    private volatile CountDownLatch frozen = new CountDownLatch(0);

    private TestHolder(String name, Path dir, long uploadBytesPerSecond, long cacheBytes) throws Exception {
        this.name = name;
        identity = ServerIdentity.loadOrCreate(Files.createDirectories(dir));
        tls = new PoolTls(identity, trust);
        database = Database.open(dir);
        ids = new ContentIds(database.dataSource(), hasher);
        store = ContentStore.open(dir.resolve("pool-cache"), cacheBytes, Clock.systemUTC());
        Router router = new Router();
        PeerCaller callers = PeerCaller.fromTls(trust);
        new ContentEndpoints(ids, store, new UploadLimiter(uploadBytesPerSecond, System::nanoTime), request -> {
            awaitThaw();
            return callers.of(request);
        }).addRoutes(router);
        jetty = new Server(new QueuedThreadPool(64, 4));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls.context());
        ssl.setNeedClientAuth(true);
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(router);
        jetty.start();
        base = URI.create("https://127.0.0.1:" + connector.getLocalPort());
    }

    public static TestHolder start(String name, Path dir, long uploadBytesPerSecond) throws Exception {
        return new TestHolder(name, dir, uploadBytesPerSecond, 1L << 30);
    }

    public static TestHolder start(String name, Path dir, long uploadBytesPerSecond, long cacheBytes)
            throws Exception {
        return new TestHolder(name, dir, uploadBytesPerSecond, cacheBytes);
    }

    public ServerId id() {
        return identity.id();
    }

    public ContentIds ids() {
        return ids;
    }

    public ContentStore store() {
        return store;
    }

    public URI base() {
        return base;
    }

    public PoolTrust trust() {
        return trust;
    }

    public Neighbour neighbour() {
        return new Neighbour(id(), name, base);
    }

    public HttpClient client() {
        return HttpClient.newBuilder().sslContext(tls.context()).build();
    }

    /** Makes everyone in {@code pool} a member for everyone in it. */
    public static void trustEachOther(Collection<TestHolder> pool) {
        var members = pool.stream().map(TestHolder::id).toList();
        pool.forEach(h -> h.trust.setMembers(members));
    }

    /** From now on requests are accepted and then answered with silence (a stopped process, a dead route). */
    public void freeze() {
        frozen = new CountDownLatch(1);
    }

    private void awaitThaw() {
        try {
            frozen.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops serving at once (open connections are closed), as a crashed holder's peers see it. */
    public void stopServing() throws Exception {
        jetty.stop();
    }

    @Override
    public void close() throws Exception {
        frozen.countDown();
        jetty.stop();
        hasher.shutdownNow();
        database.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
