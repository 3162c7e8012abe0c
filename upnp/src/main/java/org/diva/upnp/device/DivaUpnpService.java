package org.diva.upnp.device;

import org.jupnp.UpnpServiceImpl;
import org.jupnp.protocol.ProtocolFactory;
import org.jupnp.registry.Registry;
import org.jupnp.transport.Router;
import org.jupnp.transport.RouterException;
import org.jupnp.transport.RouterImpl;
import org.jupnp.transport.spi.InitializationException;

/**
 * jUPnP's UPnP stack with one change: a network that cannot start (an SSDP socket that will not open, say) fails
 * {@link #startup()} with the reason, after closing what did open; jUPnP would log it and run without a network.
 */
public final class DivaUpnpService extends UpnpServiceImpl {
    public DivaUpnpService(DivaUpnpConfiguration configuration) {
        super(configuration);
    }

    @Override
    protected Router createRouter(ProtocolFactory protocolFactory, Registry registry) {
        return new RouterImpl(getConfiguration(), protocolFactory) {
            @Override
            public void handleStartFailure(InitializationException e) throws InitializationException {
                // disable() only closes transports of an enabled router; the half-started ones must go too.
                enabled = true;
                try {
                    disable();
                } catch (RouterException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        };
    }
}
