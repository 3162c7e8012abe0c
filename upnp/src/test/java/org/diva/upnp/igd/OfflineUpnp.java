package org.diva.upnp.igd;

import java.time.Duration;
import java.util.List;
import org.diva.upnp.device.DivaUpnpConfiguration;
import org.diva.upnp.transport.HttpLimits;
import org.diva.upnp.transport.UpnpHttpHandler;
import org.jupnp.UpnpServiceImpl;
import org.jupnp.protocol.ProtocolFactory;
import org.jupnp.registry.Registry;
import org.jupnp.transport.Router;
import org.jupnp.transport.RouterImpl;

/**
 * DiVA's jUPnP stack (its configuration, registry and control point) without SSDP: nothing is sent or received on
 * any interface. Devices added to the registry are served in-process; with {@code httpClient}, the stack also has
 * DiVA's Jetty HTTP client, so it can describe and control a remote device whose address the test gives it.
 */
final class OfflineUpnp implements AutoCloseable {
    private final boolean httpClient;

    final DivaUpnpConfiguration configuration = new DivaUpnpConfiguration(
            new UpnpHttpHandler(UpnpHttpHandler.DEFAULT_BASE_PATH, HttpLimits.defaults()), List.of(),
            new DivaUpnpConfiguration.Options(HttpLimits.defaults(), Duration.ZERO, 2, true, IgdDevices.SERVICES));
    final UpnpServiceImpl upnp = new UpnpServiceImpl(configuration) {
        @Override
        protected Router createRouter(ProtocolFactory protocolFactory, Registry registry) {
            return new RouterImpl(getConfiguration(), protocolFactory) {
                @Override
                public boolean enable() {
                    if (!httpClient) {
                        return false;
                    }
                    networkAddressFactory = getConfiguration().createNetworkAddressFactory();
                    streamClient = getConfiguration().createStreamClient();
                    enabled = true;
                    return true;
                }
            };
        }
    };

    OfflineUpnp() {
        this(false);
    }

    OfflineUpnp(boolean httpClient) {
        this.httpClient = httpClient;
        upnp.startup();
    }

    Registry registry() {
        return upnp.getRegistry();
    }

    @Override
    public void close() throws InterruptedException {
        upnp.shutdown();
        configuration.shutdown();
        configuration.awaitTermination(Duration.ofSeconds(5));
    }
}
