package org.diva.upnp.service;

import java.util.List;
import org.jupnp.binding.annotations.UpnpAction;
import org.jupnp.binding.annotations.UpnpInputArgument;
import org.jupnp.binding.annotations.UpnpOutputArgument;
import org.jupnp.binding.annotations.UpnpService;
import org.jupnp.binding.annotations.UpnpServiceId;
import org.jupnp.binding.annotations.UpnpServiceType;
import org.jupnp.binding.annotations.UpnpStateVariable;
import org.jupnp.binding.annotations.UpnpStateVariables;
import org.jupnp.model.action.ActionException;

/**
 * ConnectionManager:1 of a media server that streams over plain HTTP GET: no PrepareForConnection, so the only
 * connection is the default one, 0. GetProtocolInfo lists what DiVA can send (its Source), and nothing it would
 * receive.
 */
@UpnpService(serviceId = @UpnpServiceId("ConnectionManager"),
        serviceType = @UpnpServiceType(value = "ConnectionManager", version = 1),
        supportsQueryStateVariables = false)
@UpnpStateVariables({
        @UpnpStateVariable(name = "SourceProtocolInfo", sendEvents = true, datatype = "string"),
        @UpnpStateVariable(name = "SinkProtocolInfo", sendEvents = true, datatype = "string"),
        @UpnpStateVariable(name = "CurrentConnectionIDs", sendEvents = true, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_ConnectionStatus", sendEvents = false, datatype = "string",
                allowedValues = {"OK", "ContentFormatMismatch", "InsufficientBandwidth", "UnreliableChannel",
                        "Unknown"}),
        @UpnpStateVariable(name = "A_ARG_TYPE_ConnectionManager", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_Direction", sendEvents = false, datatype = "string",
                allowedValues = {"Input", "Output"}),
        @UpnpStateVariable(name = "A_ARG_TYPE_ProtocolInfo", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_ConnectionID", sendEvents = false, datatype = "i4"),
        @UpnpStateVariable(name = "A_ARG_TYPE_AVTransportID", sendEvents = false, datatype = "i4"),
        @UpnpStateVariable(name = "A_ARG_TYPE_RcsID", sendEvents = false, datatype = "i4")})
public class ConnectionManagerService {
    /** UPnP AV's "Invalid connection reference". */
    static final int INVALID_CONNECTION_REFERENCE = 706;

    private final String sourceProtocolInfo;

    /**
     * @param sourceProtocolInfo what DiVA serves, one protocolInfo each, e.g.
     *                           {@code http-get:*:video/mp4:DLNA.ORG_PN=AVC_MP4_MP_HD_AAC}
     */
    public ConnectionManagerService(List<String> sourceProtocolInfo) {
        for (String info : sourceProtocolInfo) {
            if (info.contains(",") || info.split(":", -1).length != 4) {
                throw new IllegalArgumentException("not a protocolInfo (protocol:network:contentFormat:"
                        + "additionalInfo, no commas): " + info);
            }
        }
        this.sourceProtocolInfo = String.join(",", sourceProtocolInfo);
    }

    @UpnpAction(out = {
            @UpnpOutputArgument(name = "Source", stateVariable = "SourceProtocolInfo",
                    getterName = "getSourceProtocolInfo"),
            @UpnpOutputArgument(name = "Sink", stateVariable = "SinkProtocolInfo",
                    getterName = "getSinkProtocolInfo")})
    public void getProtocolInfo() {
    }

    public String getSourceProtocolInfo() {
        return sourceProtocolInfo;
    }

    public String getSinkProtocolInfo() {
        return "";
    }

    @UpnpAction(out = @UpnpOutputArgument(name = "ConnectionIDs", stateVariable = "CurrentConnectionIDs"))
    public String getCurrentConnectionIDs() {
        return "0";
    }

    @UpnpAction(out = {
            @UpnpOutputArgument(name = "RcsID", stateVariable = "A_ARG_TYPE_RcsID", getterName = "getRcsID"),
            @UpnpOutputArgument(name = "AVTransportID", stateVariable = "A_ARG_TYPE_AVTransportID",
                    getterName = "getAVTransportID"),
            @UpnpOutputArgument(name = "ProtocolInfo", stateVariable = "A_ARG_TYPE_ProtocolInfo",
                    getterName = "getProtocolInfo"),
            @UpnpOutputArgument(name = "PeerConnectionManager", stateVariable = "A_ARG_TYPE_ConnectionManager",
                    getterName = "getPeerConnectionManager"),
            @UpnpOutputArgument(name = "PeerConnectionID", stateVariable = "A_ARG_TYPE_ConnectionID",
                    getterName = "getPeerConnectionID"),
            @UpnpOutputArgument(name = "Direction", stateVariable = "A_ARG_TYPE_Direction",
                    getterName = "getDirection"),
            @UpnpOutputArgument(name = "Status", stateVariable = "A_ARG_TYPE_ConnectionStatus",
                    getterName = "getStatus")})
    public ConnectionInfoOutput getCurrentConnectionInfo(
            @UpnpInputArgument(name = "ConnectionID", stateVariable = "A_ARG_TYPE_ConnectionID") Integer id)
            throws ActionException {
        if (id == null || id != 0) {
            throw new ActionException(INVALID_CONNECTION_REFERENCE, "Invalid connection reference: " + id
                    + " (only the default connection 0 exists)");
        }
        return ConnectionInfoOutput.DEFAULT_CONNECTION;
    }
}
