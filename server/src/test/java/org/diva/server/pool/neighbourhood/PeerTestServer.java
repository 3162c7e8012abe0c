package org.diva.server.pool.neighbourhood;

import java.net.URI;
import org.diva.server.pool.PoolTls;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The peer port as the pool-member part will serve it (mutual TLS with the pool's context, no SNI host check, a
 * client certificate required), on 127.0.0.1 and a free port: a stand-in until PeerHttpsServer is on this branch.
 */
final class PeerTestServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector;

    PeerTestServer(PoolTls tls, Handler handler) throws Exception {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls.context());
        ssl.setNeedClientAuth(true);
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecureRequestCustomizer(false)); // our certificates name no host
        connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
    }

    URI base() {
        return URI.create("https://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
