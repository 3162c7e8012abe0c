package org.diva.upnp.device;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.jupnp.UpnpService;
import org.jupnp.model.types.ServiceType;

/**
 * Work that DiVA does as a UPnP control point (play-to) on the same jUPnP stack as its MediaServer: one set of SSDP
 * sockets, one registry, and GENA events arriving at the same HTTP path. A device with a role discovers remote
 * devices that offer one of {@link #remoteServiceTypes()}, and only fetches those services' descriptions.
 */
public interface ControlPointRole {
    /** The remote services this role works with; the stack ignores devices that advertise none of them. */
    List<ServiceType> remoteServiceTypes();

    /**
     * Called once the stack runs and the device is announced. Listeners and scheduled chores it adds to
     * {@code upnp} or {@code scheduler} end with them.
     */
    void started(UpnpService upnp, ScheduledExecutorService scheduler);

    /** Called before the stack shuts down; the role forgets the stack. */
    void stopping();
}
