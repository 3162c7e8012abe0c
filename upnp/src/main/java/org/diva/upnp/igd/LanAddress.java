package org.diva.upnp.igd;

import java.net.InetAddress;
import java.util.Optional;
import org.jupnp.model.meta.Device;
import org.jupnp.model.meta.RemoteDevice;

/** This machine's address as the router sees it: where the router must forward the ports to. */
@FunctionalInterface
public interface LanAddress {
    Optional<InetAddress> towards(Device<?, ?, ?> router);

    /**
     * The local address jUPnP received the router's announcement on, which is on the router's subnet (on a
     * machine with several networks, the one the router is on).
     */
    static LanAddress discoveredOn() {
        return router -> router instanceof RemoteDevice remote
                ? Optional.ofNullable(remote.getIdentity().getDiscoveredOnLocalAddress()) : Optional.empty();
    }
}
