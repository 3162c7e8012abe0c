package org.diva.upnp.igd;

import org.jupnp.binding.annotations.UpnpService;
import org.jupnp.binding.annotations.UpnpServiceId;
import org.jupnp.binding.annotations.UpnpServiceType;
import org.jupnp.binding.annotations.UpnpStateVariable;
import org.jupnp.binding.annotations.UpnpStateVariables;

/** A fake WANPPPConnection:1 (an IGD:1 DSL router without an IP connection service). */
@UpnpService(serviceId = @UpnpServiceId("WANPPPConn1"),
        serviceType = @UpnpServiceType(value = "WANPPPConnection", version = 1), supportsQueryStateVariables = false)
@UpnpStateVariables({
        @UpnpStateVariable(name = "RemoteHost", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "ExternalPort", sendEvents = false, datatype = "ui2"),
        @UpnpStateVariable(name = "PortMappingProtocol", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "InternalPort", sendEvents = false, datatype = "ui2"),
        @UpnpStateVariable(name = "InternalClient", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "PortMappingEnabled", sendEvents = false, datatype = "boolean"),
        @UpnpStateVariable(name = "PortMappingDescription", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "PortMappingLeaseDuration", sendEvents = false, datatype = "ui4"),
        @UpnpStateVariable(name = "ExternalIPAddress", sendEvents = false, datatype = "string")})
public class FakeWanPppConnection1 extends FakeWanConnection {
    FakeWanPppConnection1(FakeRouter router) {
        super(router);
    }
}
