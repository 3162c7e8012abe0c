package org.diva.upnp.igd;

import org.jupnp.binding.annotations.UpnpAction;
import org.jupnp.binding.annotations.UpnpInputArgument;
import org.jupnp.binding.annotations.UpnpOutputArgument;
import org.jupnp.model.action.ActionException;
import org.jupnp.model.types.UnsignedIntegerFourBytes;
import org.jupnp.model.types.UnsignedIntegerTwoBytes;

/**
 * The port-forwarding actions of WANIPConnection and WANPPPConnection (same names and arguments in both, in
 * versions 1 and 2), answered from a {@link FakeRouter}. The subclasses carry the service type and the state
 * variables the arguments refer to.
 */
public abstract class FakeWanConnection {
    private final FakeRouter router;

    FakeWanConnection(FakeRouter router) {
        this.router = router;
    }

    @UpnpAction
    public void addPortMapping(
            @UpnpInputArgument(name = "NewRemoteHost", stateVariable = "RemoteHost") String remoteHost,
            @UpnpInputArgument(name = "NewExternalPort", stateVariable = "ExternalPort")
            UnsignedIntegerTwoBytes externalPort,
            @UpnpInputArgument(name = "NewProtocol", stateVariable = "PortMappingProtocol") String protocol,
            @UpnpInputArgument(name = "NewInternalPort", stateVariable = "InternalPort")
            UnsignedIntegerTwoBytes internalPort,
            @UpnpInputArgument(name = "NewInternalClient", stateVariable = "InternalClient") String internalClient,
            @UpnpInputArgument(name = "NewEnabled", stateVariable = "PortMappingEnabled") Boolean enabled,
            @UpnpInputArgument(name = "NewPortMappingDescription", stateVariable = "PortMappingDescription")
            String description,
            @UpnpInputArgument(name = "NewLeaseDuration", stateVariable = "PortMappingLeaseDuration")
            UnsignedIntegerFourBytes lease) throws ActionException {
        router.add(new FakeRouter.Added(wildcard(remoteHost), externalPort.getValue().intValue(), protocol,
                internalPort.getValue().intValue(), internalClient, enabled, description, lease.getValue()));
    }

    @UpnpAction
    public void deletePortMapping(
            @UpnpInputArgument(name = "NewRemoteHost", stateVariable = "RemoteHost") String remoteHost,
            @UpnpInputArgument(name = "NewExternalPort", stateVariable = "ExternalPort")
            UnsignedIntegerTwoBytes externalPort,
            @UpnpInputArgument(name = "NewProtocol", stateVariable = "PortMappingProtocol") String protocol)
            throws ActionException {
        router.delete(new FakeRouter.Deleted(wildcard(remoteHost), externalPort.getValue().intValue(), protocol));
    }

    /** jUPnP hands an empty string argument to a local service as null; on the wire both are an empty element. */
    private static String wildcard(String remoteHost) {
        return remoteHost == null ? "" : remoteHost;
    }

    @UpnpAction(out = @UpnpOutputArgument(name = "NewExternalIPAddress", stateVariable = "ExternalIPAddress"))
    public String getExternalIPAddress() throws ActionException {
        return router.externalAddress();
    }
}
