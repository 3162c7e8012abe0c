package org.diva.upnp.igd;

import org.jupnp.binding.annotations.UpnpAction;
import org.jupnp.binding.annotations.UpnpInputArgument;
import org.jupnp.binding.annotations.UpnpOutputArgument;
import org.jupnp.binding.annotations.UpnpService;
import org.jupnp.binding.annotations.UpnpServiceId;
import org.jupnp.binding.annotations.UpnpServiceType;
import org.jupnp.binding.annotations.UpnpStateVariable;
import org.jupnp.binding.annotations.UpnpStateVariables;
import org.jupnp.model.types.UnsignedIntegerTwoBytes;

/**
 * A malformed WANIPConnection:1: its AddPortMapping lacks most arguments the spec requires, and its
 * GetExternalIPAddress answers nothing. Counts the calls that reach it, which should be none for AddPortMapping.
 */
@UpnpService(serviceId = @UpnpServiceId("WANIPConn1"),
        serviceType = @UpnpServiceType(value = "WANIPConnection", version = 1), supportsQueryStateVariables = false)
@UpnpStateVariables({
        @UpnpStateVariable(name = "ExternalPort", sendEvents = false, datatype = "ui2"),
        @UpnpStateVariable(name = "ExternalIPAddress", sendEvents = false, datatype = "string")})
public class FakeLeaselessWanIpConnection {
    volatile int addCalls;

    @UpnpAction
    public void addPortMapping(@UpnpInputArgument(name = "NewExternalPort", stateVariable = "ExternalPort")
                               UnsignedIntegerTwoBytes externalPort) {
        addCalls++;
    }

    @UpnpAction(out = @UpnpOutputArgument(name = "NewExternalIPAddress", stateVariable = "ExternalIPAddress"))
    public String getExternalIPAddress() {
        return null;
    }
}
