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
 * DiVA's jUPnP stack (its configuration, registry and control point) with the network never enabled: devices
 * added to the registry are served in-process, and nothing is sent on any interface.
 */
final class OfflineUpnp implements AutoCloseable {
    final DivaUpnpConfiguration configuration = new DivaUpnpConfiguration(
            new UpnpHttpHandler(UpnpHttpHandler.DEFAULT_BASE_PATH, HttpLimits.defaults()), List.of(),
            new DivaUpnpConfiguration.Options(HttpLimits.defaults(), Duration.ZERO, 2, true, IgdDevices.SERVICES));
    final UpnpServiceImpl upnp = new UpnpServiceImpl(configuration) {
        @Override
        protected Router createRouter(ProtocolFactory protocolFactory, Registry registry) {
            return new RouterImpl(getConfiguration(), protocolFactory) {
                @Override
                public boolean enable() {
                    return false;
                }
            };
        }
    };

    OfflineUpnp() {
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
