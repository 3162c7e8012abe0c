package org.diva.web.peer;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The peer API's HTTPS server on the peer port: TLS with a client certificate required, using the pool's one
 * {@link SSLContext}, so a stranger fails the handshake before any request is read.
 *
 * <p>{@code SecureRequestCustomizer(false)}: pool certificates carry no host names, and Jetty's default SNI host
 * check would answer every request 400 "Invalid SNI". The trust manager decides who gets in; endpoints read the
 * caller with {@link PeerCertificates#of}.
 *
 * <p>The trust manager runs only in full handshakes, so a member removed from the pool keeps its open connections;
 * {@link #closeConnectionsOf} ends them (after the pool has forgotten its TLS sessions, so it cannot resume).
 */
public final class PeerHttpsServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    /**
     * @param port    TCP port on all interfaces; 0 picks a free one
     * @param context the pool's TLS context (key: this server's identity; trust: the members)
     * @param handler the peer routes
     */
    public PeerHttpsServer(int port, SSLContext context, Handler handler) {
        this(null, port, context, handler);
    }

    /**
     * @param host the address to listen on, or null for all interfaces (tests pass 127.0.0.1)
     */
    public PeerHttpsServer(String host, int port, SSLContext context, Handler handler) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("peer port must be 0..65535, not " + port);
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName("peer-https");
        server = new Server(threads);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(Objects.requireNonNull(context, "context"));
        tls.setNeedClientAuth(true);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.addCustomizer(new SecureRequestCustomizer(false));
        connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(60_000);
        connector.setName("peer");
        server.addConnector(connector);
        server.setHandler(Objects.requireNonNull(handler, "handler"));
        server.setStopTimeout(2_000);
    }

    /** Binds and starts serving; fails if the port is taken, with the port in the message. */
    public void start() throws Exception {
        try {
            server.start();
        } catch (IOException e) {
            server.stop();
            throw new IOException("cannot listen on the peer port " + connector.getPort() + " (" + e.getMessage()
                    + "): choose another pool port with --pool-port (the peer port is the one after it)", e);
        }
    }

    /** The bound port (the real one when 0 was asked for). */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Closes every open connection whose client presented a certificate matching {@code whose}, e.g. a removed
     * member's. Returns how many were closed.
     */
    public int closeConnectionsOf(Predicate<X509Certificate> whose) {
        int closed = 0;
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (PeerCertificates.of(endPoint).filter(whose).isPresent()) {
                endPoint.close();
                closed++;
            }
        }
        return closed;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
