package org.diva.upnp.xml;

import org.jupnp.binding.annotations.UpnpAction;
import org.jupnp.binding.annotations.UpnpInputArgument;
import org.jupnp.binding.annotations.UpnpOutputArgument;
import org.jupnp.binding.annotations.UpnpService;
import org.jupnp.binding.annotations.UpnpServiceId;
import org.jupnp.binding.annotations.UpnpServiceType;
import org.jupnp.binding.annotations.UpnpStateVariable;
import org.jupnp.binding.annotations.UpnpStateVariables;

/** The smallest service with a string and a number argument, to feed SOAP requests to the processors. */
@UpnpService(serviceId = @UpnpServiceId("Echo"), serviceType = @UpnpServiceType(value = "Echo", version = 1))
@UpnpStateVariables({
        @UpnpStateVariable(name = "Text", sendEvents = true, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_Count", sendEvents = false, datatype = "ui4")})
public class EchoService {
    @UpnpAction(out = @UpnpOutputArgument(name = "Text"))
    public String echo(@UpnpInputArgument(name = "Text") String text,
                       @UpnpInputArgument(name = "Count", stateVariable = "A_ARG_TYPE_Count")
                       org.jupnp.model.types.UnsignedIntegerFourBytes count) {
        return text;
    }

    public String getText() {
        return "";
    }
}
