package org.diva.upnp.service;

import org.jupnp.binding.annotations.UpnpAction;
import org.jupnp.binding.annotations.UpnpInputArgument;
import org.jupnp.binding.annotations.UpnpOutputArgument;
import org.jupnp.binding.annotations.UpnpService;
import org.jupnp.binding.annotations.UpnpServiceId;
import org.jupnp.binding.annotations.UpnpServiceType;
import org.jupnp.binding.annotations.UpnpStateVariable;
import org.jupnp.binding.annotations.UpnpStateVariables;
import org.jupnp.model.types.UnsignedIntegerFourBytes;

/**
 * Microsoft's X_MS_MediaReceiverRegistrar:1, which Xbox consoles and Windows Media Player require before they
 * browse: every device is authorized and validated, and registration is accepted without a reply message.
 */
@UpnpService(serviceId = @UpnpServiceId(namespace = "microsoft.com", value = "X_MS_MediaReceiverRegistrar"),
        serviceType = @UpnpServiceType(namespace = "microsoft.com", value = "X_MS_MediaReceiverRegistrar",
                version = 1),
        supportsQueryStateVariables = false)
@UpnpStateVariables({
        @UpnpStateVariable(name = "A_ARG_TYPE_DeviceID", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_Result", sendEvents = false, datatype = "int"),
        @UpnpStateVariable(name = "A_ARG_TYPE_RegistrationReqMsg", sendEvents = false, datatype = "bin.base64"),
        @UpnpStateVariable(name = "A_ARG_TYPE_RegistrationRespMsg", sendEvents = false, datatype = "bin.base64"),
        @UpnpStateVariable(name = "AuthorizationGrantedUpdateID", sendEvents = true, datatype = "ui4"),
        @UpnpStateVariable(name = "AuthorizationDeniedUpdateID", sendEvents = true, datatype = "ui4"),
        @UpnpStateVariable(name = "ValidationSucceededUpdateID", sendEvents = true, datatype = "ui4"),
        @UpnpStateVariable(name = "ValidationRevokedUpdateID", sendEvents = true, datatype = "ui4")})
public class MediaReceiverRegistrarService {
    // Evented, never changing: read by jUPnP's field accessors.
    private final UnsignedIntegerFourBytes authorizationGrantedUpdateID = new UnsignedIntegerFourBytes(0);
    private final UnsignedIntegerFourBytes authorizationDeniedUpdateID = new UnsignedIntegerFourBytes(0);
    private final UnsignedIntegerFourBytes validationSucceededUpdateID = new UnsignedIntegerFourBytes(0);
    private final UnsignedIntegerFourBytes validationRevokedUpdateID = new UnsignedIntegerFourBytes(0);

    @UpnpAction(out = @UpnpOutputArgument(name = "Result", stateVariable = "A_ARG_TYPE_Result"))
    public Integer isAuthorized(@UpnpInputArgument(name = "DeviceID", stateVariable = "A_ARG_TYPE_DeviceID")
                                String deviceId) {
        return 1;
    }

    @UpnpAction(out = @UpnpOutputArgument(name = "Result", stateVariable = "A_ARG_TYPE_Result"))
    public Integer isValidated(@UpnpInputArgument(name = "DeviceID", stateVariable = "A_ARG_TYPE_DeviceID")
                               String deviceId) {
        return 1;
    }

    @UpnpAction(out = @UpnpOutputArgument(name = "RegistrationRespMsg",
            stateVariable = "A_ARG_TYPE_RegistrationRespMsg"))
    public byte[] registerDevice(@UpnpInputArgument(name = "RegistrationReqMsg",
            stateVariable = "A_ARG_TYPE_RegistrationReqMsg") byte[] request) {
        return new byte[0];
    }
}
