package org.diva.web;

import java.io.IOException;
import java.util.Objects;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one Jetty server that carries UPnP, media streams, the dashboard, its API and the peer API. Media
 * responses are written asynchronously, so a stream holds no thread while the client is slow.
 */
public final class HttpServer implements AutoCloseable {
    /**
     * The largest buffer the server's pool keeps for reuse (Jetty's default keeps 64 KiB); larger ones would be
     * allocated afresh each time and their direct memory freed only when a GC happens to run. File streams read in
     * buffers of this size.
     */
    public static final int LARGEST_POOLED_BUFFER = 256 * 1024;

    private final Server server;
    private final ServerConnector connector;

    /**
     * @param port    TCP port on all interfaces; 0 picks a free one
     * @param handler the root handler
     */
    public HttpServer(int port, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("http");
        server = new Server(threads, null, new ArrayByteBufferPool(0, 0, LARGEST_POOLED_BUFFER));
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setPort(port);
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        server.setHandler(Objects.requireNonNull(handler, "handler"));
        server.setStopTimeout(3_000);
    }

    /** Binds and starts serving; fails if the port is taken, with the port in the message. */
    public void start() throws Exception {
        try {
            server.start();
        } catch (IOException e) {
            server.stop();
            throw new IOException("cannot listen on HTTP port " + connector.getPort() + " ("
                    + e.getMessage() + "): choose another with --port, or 0 for any free port", e);
        }
    }

    /** The bound port (the real one when 0 was asked for). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
