package org.diva.upnp.transport;

import java.net.InetAddress;
import org.jupnp.transport.Router;
import org.jupnp.transport.spi.StreamServer;
import org.jupnp.transport.spi.StreamServerConfiguration;

/**
 * What jUPnP takes for its HTTP server on one address: a registration with the {@link UpnpHttpHandler} of DiVA's
 * shared Jetty server. It opens no port, and its port is the shared server's.
 */
final class SharedStreamServer implements StreamServer<StreamServerConfiguration> {
    private final UpnpHttpHandler handler;
    private volatile Router router;

    SharedStreamServer(UpnpHttpHandler handler) {
        this.handler = handler;
    }

    @Override
    public void init(InetAddress bindAddress, Router router) {
        this.router = router;
        handler.attach(router);
    }

    /** Nothing to run: Jetty's threads accept the connections. jUPnP still starts this on an executor. */
    @Override
    public void run() {
    }

    @Override
    public int getPort() {
        return handler.port();
    }

    @Override
    public void stop() {
        Router attached = router;
        if (attached != null) {
            router = null;
            handler.detach(attached);
        }
    }

    @Override
    public StreamServerConfiguration getConfiguration() {
        return handler::port;
    }
}
